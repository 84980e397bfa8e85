"""Admin forms: a template's courses, and the reason asked when revoking a certificate."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.permissions import OwnedCoursesFieldMixin


class CertificateTemplateForm(OwnedCoursesFieldMixin, WagtailAdminModelForm):
    """A course has at most one certificate template per language; a trainer offers only
    their own courses."""

    course_field = "courses"

    def clean(self):
        cleaned = super().clean()
        courses = cleaned.get("courses")
        if courses:
            try:
                self.instance.courses_clean(courses)
            except ValidationError as error:
                self.add_error(None, error)  # the error names its field: courses
        return cleaned


class CertificateRevokeForm(forms.Form):
    """Why an admin revokes a certificate; kept for the record, never shown to verifiers."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Kept in the certificate's record for admins. The public verification page shows "
            "only that the certificate was revoked, and when."
        ),
    )
