"""The organisations' admin screen, and the account section of the personal-data export."""

from wagtail import hooks

from .selectors import user_account_data
from .viewsets import OrganisationViewSet


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet("organisations")


@hooks.register("liaison_personal_data")
def account_personal_data(user) -> dict:
    """The user's profile, roles, addresses and which second factors they set up."""
    return {"account": user_account_data(user)}
