"""Celery tasks of the certificates app: thin, they call services."""

from celery import shared_task

from . import services


@shared_task(
    name="certificates.issue_certificate",
    # Run through the outbox (certificates.receivers): a storage that is away heals, and the
    # outbox tries again; so does a database that is away.
    heals_on=(OSError,),
)
def issue_certificate(enrolment_id: int) -> int | None:
    """Issue the certificate of a completed enrolment and store its PDF; returns its id.

    Safe to run any number of times: one completion gives one certificate.
    """
    certificate = services.certificate_issue(enrolment_id=enrolment_id)
    if certificate is None:
        return None
    services.certificate_pdf_ensure(certificate=certificate)
    return certificate.pk


@shared_task(name="certificates.send_expiry_reminders")
def send_expiry_reminders() -> int:
    """Remind holders whose certificate expires soon (once each); returns how many."""
    return services.certificates_expiry_reminders_send()
