from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Question bank, quizzes and attempts graded on the server."""

    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts.registry import register_personal_data

        from . import completion, quiz_panels  # noqa: F401  (register requirement, panel, gate)
        from .selectors.quizzes import trainee_assessment_data

        register_personal_data("assessments", trainee_assessment_data)

        from . import survey_panels  # noqa: F401  (registers the reaction survey panel)
        from .selectors.surveys import trainee_survey_data

        register_personal_data("surveys", trainee_survey_data)
