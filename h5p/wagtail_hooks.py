"""Admin screens of the h5p app; each part registers its own viewsets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import content_admin  # noqa: F401  (H5P packages: upload, list, delete)
from .choosers import h5p_content_chooser_viewset
from .selectors import exercise_personal_data
from .services.libraries import UPGRADE_LOG_ACTION
from .services.results import exercises_missing
from .services.state import user_states_forget
from .xapi import admin as xapi_admin  # noqa: F401  (xAPI clients and statements)


@hooks.register("register_admin_viewset")
def register_h5p_content_chooser():
    return h5p_content_chooser_viewset


# A lesson with required H5P exercises is finished only once the trainee passed them.
hooks.register("liaison_lesson_requirement", exercises_missing)


@hooks.register("liaison_personal_data")
def h5p_personal_data(user) -> dict:
    """The trainee's exercise results and where they left each exercise."""
    return {"exercises": exercise_personal_data(user)}


@hooks.register("liaison_account_erased")
def forget_saved_states(user) -> None:
    """Saved exercise states may hold the trainee's own words: they go with the account."""
    user_states_forget(trainee=user)


@hooks.register("register_log_actions")
def register_h5p_log_actions(actions):
    actions.register_action(
        UPGRADE_LOG_ACTION, _("Upgrade H5P library"), _("H5P library upgraded")
    )
