"""The admin form for uploading an ``.h5p`` package."""

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import H5PContent


class H5PUploadForm(WagtailAdminModelForm):
    """Only the file: the title and everything else come from the package's h5p.json."""

    package = forms.FileField(
        label=_("H5P package"),
        help_text=_("A .h5p file exported from an H5P editor. Its title is taken from it."),
        validators=[FileExtensionValidator(["h5p"])],
    )

    class Meta:
        model = H5PContent
        fields: list[str] = []
