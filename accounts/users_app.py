"""Wagtail's users app, pointed at admin forms that know Liaison's user fields."""

from wagtail.users.apps import WagtailUsersAppConfig


class LiaisonUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.viewsets.UserViewSet"
