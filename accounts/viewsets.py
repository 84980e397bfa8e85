"""Wagtail admin screens for users and organisations."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Organisation, User

_PROFILE_FIELDS = ["full_name", "audience", "organisation", "preferred_language"]


class UserCreationForm(WagtailUserCreationForm):
    # Liaison keeps one full-name field instead of first and last names.
    first_name = None
    last_name = None

    class Meta(WagtailUserCreationForm.Meta):
        fields = ["email", *_PROFILE_FIELDS, "is_superuser", "groups"]


class UserEditForm(WagtailUserEditForm):
    first_name = None
    last_name = None

    class Meta(WagtailUserEditForm.Meta):
        fields = ["email", *_PROFILE_FIELDS, "is_active", "is_superuser", "groups"]


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class OrganisationViewSet(ModelViewSet):
    """Admins confirm organisations proposed at signup and keep the list tidy."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["name", "kind", "city", "is_confirmed", "created_at"]
    list_filter = ["is_confirmed", "kind"]
    search_fields = ["name", "city"]
    form_fields = ["name", "kind", "city", "is_confirmed"]
    ordering = ["is_confirmed", "name"]


class AccountNameForm(forms.ModelForm):
    """The name panel of the Wagtail admin's account page."""

    class Meta:
        model = User
        fields = ["full_name"]
