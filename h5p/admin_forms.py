"""The admin forms for H5P packages: upload, rename, replace, and the library upgrade."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.permissions import OwnedCoursesFieldMixin

from .models import H5PContent


def _package_field(help_text: str) -> forms.FileField:
    return forms.FileField(
        label=_("H5P package"), help_text=help_text, validators=[FileExtensionValidator(["h5p"])]
    )


class H5PUploadForm(OwnedCoursesFieldMixin, WagtailAdminModelForm):
    """The file and its course: the title and the rest come from the package's h5p.json.

    A trainer gives the content one of their own courses; an administrator may leave it
    without one."""

    package = _package_field(
        _("A .h5p file exported from an H5P editor. Its title is taken from it.")
    )

    class Meta:
        model = H5PContent
        fields = ["course"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self.fields["course"].required = not (user and user.is_superuser)


class H5PContentForm(OwnedCoursesFieldMixin, WagtailAdminModelForm):
    """Editing a content: its title and course; the package is replaced by a new upload."""

    class Meta:
        model = H5PContent
        fields = ["title", "course"]


class H5PReplaceForm(forms.Form):
    """A new version of the content's package."""

    package = _package_field(
        _(
            "A new export of the same exercise. Lessons and trainees' results keep pointing "
            "at it; its title and course stay as they are."
        )
    )


class H5PLibraryUpgradeForm(forms.Form):
    """A package carrying newer patches of stored libraries."""

    package = _package_field(
        _("Its libraries that are newer patches of stored ones will replace them for every course.")
    )


class H5PLibraryUpgradeConfirmForm(forms.Form):
    """The confirmation: names the staged upload by its SHA-256."""

    token = forms.RegexField(regex=r"^[0-9a-f]{64}$", widget=forms.HiddenInput)
