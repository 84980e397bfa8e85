from wagtail import hooks

from .viewsets import OrganisationViewSet


@hooks.register("register_admin_viewset")
def register_organisation_viewset():
    return OrganisationViewSet("organisations")
