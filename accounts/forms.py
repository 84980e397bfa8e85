"""Signup, profile and account-deletion forms."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import Audience, Organisation, User
from .selectors import organisation_list_confirmed


def _audience_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("I am"),
        choices=[("", _("Choose…"))] + list(Audience.choices),
        error_messages={"required": _("Tell us which audience you belong to.")},
    )


def _organisation_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=organisation_list_confirmed(),
        required=False,
        empty_label=_("— Not in the list —"),
    )


class SignupForm(AllauthSignupForm):
    """allauth's signup form plus the profile Liaison needs: name, audience, organisation."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    audience = _audience_field()
    organisation = _organisation_field()
    new_organisation_name = forms.CharField(
        label=_("New organisation: name"),
        max_length=200,
        required=False,
        help_text=_("Only if your organisation is not in the list. An admin will confirm it."),
    )
    new_organisation_kind = forms.ChoiceField(
        label=_("New organisation: kind"),
        choices=[("", _("Choose…"))] + list(Organisation.Kind.choices),
        required=False,
    )
    new_organisation_city = forms.CharField(
        label=_("New organisation: city"), max_length=100, required=False
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )

    field_order = [
        "full_name",
        "email",
        "password1",
        "password2",
        "audience",
        "organisation",
        "new_organisation_name",
        "new_organisation_kind",
        "new_organisation_city",
        "preferred_language",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = (get_language() or "en")[:2]
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"

    def clean(self):
        cleaned = super().clean()
        new_name = (cleaned.get("new_organisation_name") or "").strip()
        chosen = cleaned.get("organisation")
        if chosen and new_name:
            raise forms.ValidationError(
                _("Choose an organisation from the list or propose a new one, not both.")
            )
        if not chosen and not new_name:
            self.add_error(
                "organisation", _("Choose your organisation, or propose it below if it is missing.")
            )
        if new_name and not cleaned.get("new_organisation_kind"):
            self.add_error("new_organisation_kind", _("Say what kind of organisation it is."))
        return cleaned

    def new_organisation(self) -> dict[str, str] | None:
        """The organisation proposed in the form, if any."""
        name = (self.cleaned_data.get("new_organisation_name") or "").strip()
        if not name:
            return None
        return {
            "name": name,
            "kind": self.cleaned_data["new_organisation_kind"],
            "city": self.cleaned_data.get("new_organisation_city", ""),
        }


class ProfileForm(forms.ModelForm):
    """The profile fields a user edits on "My account"."""

    class Meta:
        model = User
        fields = ["full_name", "audience", "organisation", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = organisation_list_confirmed()
        if self.instance.organisation_id:
            # Keep the user's own, possibly still unconfirmed, organisation selectable.
            queryset = queryset | Organisation.objects.filter(pk=self.instance.organisation_id)
        self.fields["organisation"].queryset = queryset.distinct()
        self.fields["full_name"].required = True


class AccountDeleteForm(forms.Form):
    """Asks for the password once more before an account is erased."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password
