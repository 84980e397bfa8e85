"""Wagtail's users app, pointed at admin forms that know Liaison's user fields."""

from wagtail.users.apps import WagtailUsersAppConfig


class LiaisonUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.viewsets.UserViewSet"

    def ready(self):
        super().ready()
        from wagtail.admin.views import account

        from .viewsets import AccountNameForm

        # Wagtail's "Name" panel edits first_name/last_name, which Liaison's User does not
        # have (it keeps one full name); Wagtail offers no setting for this, so the panel's
        # form class is replaced here.
        account.NameEmailSettingsPanel.form_class = AccountNameForm
