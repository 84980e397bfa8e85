"""The public form where anyone types a certificate's code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .codes import code_normalise


class VerifyForm(forms.Form):
    """A code as printed (groups, dashes, spaces and lowercase are all accepted)."""

    code = forms.CharField(
        label=_("Certificate code"),
        max_length=80,
        help_text=_("The code printed under the QR code, for example ABCD-EFGH-…"),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        return code_normalise(self.cleaned_data["code"])
