"""Certificate templates (snippets) and the certificates issued from them."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from cms.storage import private_storage
from courses.models import CoursePage, Enrolment

from .admin_forms import CertificateTemplateForm
from .codes import code_display, code_new
from .placeholders import placeholders_check

DEFAULT_BODY = (
    "This certifies that {trainee_name} completed the course “{course}” "
    "({hours} hours) on {completion_date}."
)


class CertificateTemplate(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    TranslatableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """What a course's certificate says and who signs it; a course names its template here.

    Changes wait as drafts until the Legal review approves them; certificates are issued
    from live templates only.
    """

    title = models.CharField(
        _("title"), max_length=200, help_text=_("Printed as the certificate's heading.")
    )
    body = models.TextField(
        _("text"),
        default=DEFAULT_BODY,
        help_text=_(
            "Placeholders: {trainee_name}, {course}, {completion_date}, {hours}, "
            "{organisation} (the trainee's). To print a brace, write it twice: {{ or }}."
        ),
    )
    signatory_name = models.CharField(_("signatory's name"), max_length=150)
    signatory_title = models.CharField(
        _("signatory's title"), max_length=200, help_text=_("For example: Head of training.")
    )
    signature_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for certificates that never expire."),
    )
    courses = ParentalManyToManyField(
        CoursePage,
        verbose_name=_("courses"),
        blank=True,
        related_name="certificate_templates",
        help_text=_(
            "Trainees who complete these courses receive this certificate. A course has at "
            "most one template per language."
        ),
    )

    base_form_class = CertificateTemplateForm
    panels = [
        FieldPanel("title"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name"),
                FieldPanel("signatory_title"),
                FieldPanel("signature_image"),
                FieldPanel("logo"),
            ],
            heading=_("Signature and logo"),
        ),
        FieldPanel("validity_months"),
        FieldPanel("courses"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        try:
            placeholders_check(self.body)
        except ValidationError as error:
            raise ValidationError({"body": error.messages}) from None

    def courses_clean(self, courses) -> None:
        """Refuse courses that already have another template in this template's language."""
        # The admin form has no locale field, so the rule is checked here rather than by a
        # database constraint (the link table cannot see the template's locale).
        locale_id = self.locale_id or Locale.get_default().pk
        taken = (
            CertificateTemplate.courses.through.objects.filter(
                coursepage__in=courses, certificatetemplate__locale_id=locale_id
            )
            .exclude(certificatetemplate_id=self.pk)
            .select_related("coursepage", "certificatetemplate")
        )
        if taken:
            names = "; ".join(
                f"“{link.coursepage.title}” (“{link.certificatetemplate.title}”)" for link in taken
            )
            raise ValidationError(
                {
                    "courses": _(
                        "These courses already have a certificate template in this language: "
                        "%(courses)s. Remove them from that template first."
                    )
                    % {"courses": names}
                }
            )


def _pdf_path(instance: "Certificate", filename: str) -> str:
    # Not guessable: a random name keeps it out of reach should the folder ever be exposed.
    return f"certificates/{secrets.token_urlsafe(24)}.pdf"


class Certificate(models.Model):
    """A certificate issued to a trainee for one completion of a course.

    Everything a verifier sees is frozen at issue, so editing the course or the template later
    changes no certificate. Expiry is computed from ``expires_at``, not stored as a status.
    """

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded by a renewal")

    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=code_new, editable=False
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    # Kept when a course or enrolment is deleted: an employer may still check the certificate.
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    holder_name = models.CharField(_("holder's name"), max_length=150, blank=True)
    holder_organisation = models.CharField(_("holder's organisation"), max_length=250, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    signatory_name = models.CharField(_("signatory's name"), max_length=150)
    signatory_title = models.CharField(_("signatory's title"), max_length=200)
    completed_at = models.DateTimeField(_("completed"))
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.VALID
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("superseded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True)
    # Private storage: no URL, served only by the holder's download view.
    pdf = models.FileField(
        _("PDF"), upload_to=_pdf_path, storage=private_storage, blank=True, max_length=200
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            # A completion delivered twice issues one certificate.
            models.UniqueConstraint(
                fields=["enrolment", "completed_at"], name="certificates_one_per_completion"
            ),
            # One current certificate per enrolment; a renewal supersedes the earlier one.
            models.UniqueConstraint(
                fields=["enrolment"],
                condition=models.Q(superseded_at__isnull=True),
                name="certificates_one_current_per_enrolment",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="revoked") | models.Q(revoked_at__isnull=False),
                name="certificates_revoked_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.course_title} – {self.holder_name or _('deleted account')}"

    @property
    def code_display(self) -> str:
        return code_display(self.code)

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def state(self) -> str:
        """What a verifier is told: revoked, superseded, expired or valid (in that order)."""
        if self.status == self.Status.REVOKED:
            return "revoked"
        if self.status == self.Status.SUPERSEDED:
            return "superseded"
        return "expired" if self.is_expired else "valid"

    def get_verification_path(self) -> str:
        """The language-independent path of the public verification page."""
        return reverse("certificates_public:verify", kwargs={"code": self.code})

    def get_verification_url(self) -> str:
        """The absolute verification URL, as encoded in the QR code."""
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + self.get_verification_path()
