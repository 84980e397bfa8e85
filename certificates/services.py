"""Every write with a business rule in the certificates app; views and tasks call these."""

import calendar
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import Enrolment
from courses.services import enrolment_renew
from outbox.services import job_enqueue, mail_enqueue

from . import defaults, selectors
from .models import Certificate, CertificateTemplate
from .pdf import certificate_pdf_bytes
from .placeholders import placeholders_fill

logger = logging.getLogger(__name__)


def _add_months(moment: datetime, months: int) -> datetime:
    """The same day and time ``months`` later; the 31st becomes the month's last day."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


@transaction.atomic
def certificate_issue(*, enrolment_id: int) -> Certificate | None:
    """Issue the certificate for the enrolment's latest completion; idempotent.

    Returns the certificate (the existing one when this completion already has one), or None
    when the enrolment is not completed, its course names no certificate template, or its
    current certificate was revoked. A renewed completion supersedes the earlier certificate.
    """
    enrolment = (
        # Lock only the enrolment: PostgreSQL refuses FOR UPDATE on the nullable side of the
        # outer join to the trainee's organisation.
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("course", "trainee__organisation")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None or enrolment.status != Enrolment.Status.COMPLETED:
        logger.info("Enrolment %s is not completed: no certificate", enrolment_id)
        return None
    current = (
        Certificate.objects.select_for_update()
        .filter(enrolment=enrolment, superseded_at__isnull=True)
        .first()
    )
    if current and current.completed_at == enrolment.completed_at:
        return current  # this completion was delivered before
    if current and current.status == Certificate.Status.REVOKED:
        logger.info("Enrolment %s: certificate %s revoked, none issued", enrolment.pk, current.pk)
        return None
    trainee, course = enrolment.trainee, enrolment.course
    template = selectors.certificate_template_for(
        course=course, language_code=trainee.preferred_language
    )
    if template is None:
        logger.info("Course %s has no certificate template", course.pk)
        return None

    language = template.locale.language_code
    organisation = trainee.organisation.name if trainee.organisation else ""
    with translation.override(language):
        completion_date = date_format(
            timezone.localtime(enrolment.completed_at).date(), "DATE_FORMAT"
        )
        body = placeholders_fill(
            template.body,
            {
                "trainee_name": trainee.full_name,
                "course": course.title,
                "completion_date": completion_date,
                "hours": floatformat(course.estimated_hours, -1),
                "organisation": organisation,
            },
        )
    now = timezone.now()
    certificate = Certificate(
        holder=trainee,
        enrolment=enrolment,
        course=course,
        template=template,
        language=language,
        holder_name=trainee.full_name,
        holder_organisation=organisation,
        course_title=course.title,
        hours=course.estimated_hours,
        title=template.title,
        body=body,
        signatory_name=template.signatory_name,
        signatory_title=template.signatory_title,
        completed_at=enrolment.completed_at,
        issued_at=now,
        expires_at=(
            _add_months(enrolment.completed_at, template.validity_months)
            if template.validity_months
            else None
        ),
    )
    certificate.full_clean(exclude=["pdf", "enrolment"])
    if current:
        # First out of the "one current certificate per enrolment" constraint, then linked.
        current.status = Certificate.Status.SUPERSEDED
        current.superseded_at = now
        current.save(update_fields=["status", "superseded_at"])
    certificate.save()
    if current:
        current.superseded_by = certificate
        current.save(update_fields=["superseded_by"])
    logger.info("Certificate %s issued for enrolment %s", certificate.pk, enrolment.pk)
    return certificate


def certificate_pdf_render(*, certificate: Certificate) -> Certificate:
    """Draw the certificate's PDF and store it under a new, unguessable name."""
    content = certificate_pdf_bytes(certificate)
    previous = certificate.pdf.name if certificate.pdf else ""
    certificate.pdf.save("certificate.pdf", ContentFile(content), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if previous and previous != certificate.pdf.name:
        certificate.pdf.storage.delete(previous)
    return certificate


def certificate_pdf_ensure(*, certificate: Certificate) -> Certificate:
    """Make sure the certificate's PDF is stored, drawing it again when the file is missing."""
    if certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name):
        return certificate
    logger.info("Certificate %s: PDF missing, drawing it", certificate.pk)
    return certificate_pdf_render(certificate=certificate)


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by: User, reason: str) -> Certificate:
    """An admin revokes a certificate; verifiers then see "revoked" and the date, never why."""
    if not (by.is_active and by.is_superuser):
        raise ValidationError(_("Only administrators may revoke certificates."), code="forbidden")
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give the reason for revoking this certificate."), code="reason")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status == Certificate.Status.REVOKED:
        raise ValidationError(_("This certificate has already been revoked."), code="revoked")
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoked_reason = reason
    certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revoked_reason"])
    logger.info("Certificate %s revoked by %s", certificate.pk, by.pk)
    return certificate


def certificate_renew(*, certificate: Certificate, user: User) -> Enrolment:
    """Start the course again for a holder whose certificate expires soon or has expired.

    The current certificate stays valid until its date; completing the course again issues a
    new one and marks this one superseded.
    """
    refusal = selectors.certificate_renewal_refusal(certificate=certificate, user=user)
    if refusal == "is_holder":
        raise ValidationError(_("This is not your certificate."), code=refusal)
    if refusal == "expires_within_window":
        raise ValidationError(
            _("You can renew this certificate from %(date)s.")
            % {
                "date": date_format(
                    timezone.localtime(selectors.renewal_window_start(certificate)).date(),
                    "DATE_FORMAT",
                )
            }
            if certificate.expires_at
            else _("This certificate does not expire: there is nothing to renew."),
            code=refusal,
        )
    if refusal:
        raise ValidationError(_("This certificate cannot be renewed."), code=refusal)
    return enrolment_renew(enrolment=certificate.enrolment)


def certificate_holder_erased(*, user: User) -> int:
    """Forget the name and PDF on an erased account's certificates; returns how many.

    The certificates stay verifiable (course, hours, dates, status) but no longer name anyone:
    the person asked for their data to be erased, and a public page must respect that.
    """
    certificates = list(Certificate.objects.filter(holder=user).exclude(holder_name="", pdf=""))
    for certificate in certificates:
        if certificate.pdf:
            certificate.pdf.storage.delete(certificate.pdf.name)
    Certificate.objects.filter(pk__in=[c.pk for c in certificates]).update(
        holder_name="", holder_organisation="", body="", pdf=""
    )
    return len(certificates)


def _course_link(certificate: Certificate) -> str:
    url = (
        certificate.course.get_url()
        if certificate.course
        else reverse("certificates:my_certificates")
    )
    return url if url.startswith("http") else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _expiry_reminder_queue(certificate: Certificate) -> None:
    holder = certificate.holder
    with translation.override(holder.preferred_language):
        context = {
            "holder": holder,
            "certificate": certificate,
            "link": _course_link(certificate),
            "verification_url": certificate.get_verification_url(),
        }
        subject = _("Your certificate for “%(course)s” expires on %(date)s") % {
            "course": certificate.course_title,
            "date": date_format(timezone.localtime(certificate.expires_at).date(), "DATE_FORMAT"),
        }
        body = render_to_string("certificates/emails/expiry_reminder.txt", context)
    mail_enqueue(subject=subject, body=body, to=[holder.email])


def certificates_missing_queue() -> int:
    """Queue the certificate of every completion that should have one and has none.

    For completions from before the outbox, when a broker outage could lose the task; safe
    to run any time (issuing is idempotent). Returns how many were queued.
    """
    issued = Certificate.objects.filter(
        enrolment=OuterRef("pk"), completed_at=OuterRef("completed_at")
    )
    missing = (
        Enrolment.objects.filter(status=Enrolment.Status.COMPLETED, completed_at__isnull=False)
        .filter(Exists(CertificateTemplate.objects.filter(live=True, courses=OuterRef("course"))))
        .exclude(Exists(issued))
        .values_list("pk", flat=True)
    )
    queued = 0
    with transaction.atomic():
        for enrolment_id in missing.iterator():
            job_enqueue("certificates.issue_certificate", enrolment_id=enrolment_id)
            queued += 1
    logger.info("%d missing certificates queued", queued)
    return queued


def certificates_expiry_reminders_send() -> int:
    """Email each holder once, ``CERTIFICATE_REMINDER_DAYS`` before expiry (Celery beat, daily).

    Only current, valid certificates of active accounts whose course is not already being
    renewed; returns how many reminders were made.
    """
    now = timezone.now()
    due = (
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            superseded_at__isnull=True,
            expires_at__gt=now,
            expires_at__lte=now + timedelta(days=defaults.CERTIFICATE_REMINDER_DAYS),
            reminded_at__isnull=True,
            holder__is_active=True,
        )
        .exclude(enrolment__status=Enrolment.Status.ACTIVE)
        .select_related("holder", "course")
    )
    reminded = 0
    for certificate in due:
        with transaction.atomic():
            # Conditional: when two runs overlap, only the first one reminds.
            updated = Certificate.objects.filter(
                pk=certificate.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if updated:
                _expiry_reminder_queue(certificate)
        reminded += updated
    logger.info("%d certificate expiry reminders made", reminded)
    return reminded
