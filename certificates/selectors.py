"""Reads about certificates shared by views, services, the course panel and the data export."""

import logging
from datetime import timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from courses.models import CoursePage, Enrolment

from . import defaults
from .models import Certificate, CertificateTemplate

logger = logging.getLogger(__name__)


def certificate_template_for(
    *, course: CoursePage, language_code: str | None
) -> CertificateTemplate | None:
    """The course's certificate template in ``language_code`` when translated.

    Falls back to the template in the course's own language, then to the oldest one; None
    when the course names no template (it then issues no certificate).
    """
    templates = sorted(
        # Live templates only: the rows hold their approved version.
        CertificateTemplate.objects.filter(live=True, courses=course).select_related("locale"),
        key=lambda template: template.pk,
    )
    return (
        next((t for t in templates if t.locale.language_code == language_code), None)
        or next((t for t in templates if t.locale_id == course.locale_id), None)
        or next(iter(templates), None)
    )


def certificate_by_code(*, code: str) -> Certificate | None:
    """The certificate with this (normalised) code, or None."""
    return Certificate.objects.filter(code=code).select_related("superseded_by", "holder").first()


def certificate_list_for_holder(*, holder: User) -> QuerySet[Certificate]:
    """The holder's certificates, newest first, the renewed ones included."""
    return (
        Certificate.objects.filter(holder=holder)
        .select_related("enrolment", "course", "superseded_by")
        .order_by("-issued_at", "-pk")
    )


def certificate_current_for_enrolment(*, enrolment: Enrolment) -> Certificate | None:
    """The enrolment's certificate that no renewal has replaced, or None."""
    return Certificate.objects.filter(enrolment=enrolment, superseded_at__isnull=True).first()


def renewal_window_start(certificate: Certificate):
    """From this moment the holder is reminded and may renew."""
    return certificate.expires_at - timedelta(days=defaults.CERTIFICATE_REMINDER_DAYS)


def _is_holder(certificate: Certificate, user: User) -> bool:
    return certificate.holder_id == user.pk


def _is_current_and_valid(certificate: Certificate, user: User) -> bool:
    # A revoked certificate is not renewed by studying again: revocation is an admin decision.
    return certificate.status == Certificate.Status.VALID and certificate.superseded_at is None


def _expires_within_window(certificate: Certificate, user: User) -> bool:
    return certificate.expires_at is not None and timezone.now() >= renewal_window_start(
        certificate
    )


def _enrolment_completed(certificate: Certificate, user: User) -> bool:
    enrolment = certificate.enrolment
    return enrolment is not None and enrolment.status == Enrolment.Status.COMPLETED


_RENEWAL_RULES = (_is_holder, _is_current_and_valid, _expires_within_window, _enrolment_completed)


def certificate_renewal_refusal(*, certificate: Certificate, user: User) -> str | None:
    """The name of the first renewal rule the certificate fails (logged), or None if renewable.

    A holder may renew their current, valid certificate from ``CERTIFICATE_REMINDER_DAYS``
    before it expires, and after it has expired, while the enrolment is completed.
    """
    for rule in _RENEWAL_RULES:
        if not rule(certificate, user):
            logger.debug(
                "Certificate %s not renewable by %s: %s", certificate.pk, user.pk, rule.__name__
            )
            return rule.__name__.lstrip("_")
    return None


def certificate_personal_data(user: User) -> list[dict[str, Any]]:
    """The user's certificates, for the personal-data export."""
    return [
        {
            "verification_code": certificate.code_display,
            "verification_url": certificate.get_verification_url(),
            "course": certificate.course_title,
            "holder_name": certificate.holder_name,
            "holder_organisation": certificate.holder_organisation,
            "hours": str(certificate.hours),
            "language": certificate.language,
            "completed_at": certificate.completed_at,
            "issued_at": certificate.issued_at,
            "expires_at": certificate.expires_at,
            "status": certificate.state,
            "revoked_at": certificate.revoked_at,
            # The reason is about the holder, so they see it here (verifiers never do).
            "revoked_reason": certificate.revoked_reason,
            "superseded_at": certificate.superseded_at,
            "expiry_reminder_sent_at": certificate.reminded_at,
        }
        for certificate in certificate_list_for_holder(holder=user)
    ]
