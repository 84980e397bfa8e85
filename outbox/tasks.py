"""Celery tasks of the outbox: thin, they call services."""

from celery import shared_task

from . import services


@shared_task(name="outbox.run_job", acks_late=True)
def run_job(job_id: int) -> str | None:
    """Run one job of the outbox (it owns its retries; see ``outbox.services``)."""
    return services.job_run(job_id=job_id)


@shared_task(name="outbox.dispatch_due_jobs")
def dispatch_due_jobs() -> int:
    """Hand over the jobs that never reached the broker or wait for a retry; returns how many."""
    return services.jobs_dispatch_due()


# An SMTP server that is away or refuses for now (smtplib errors are OSErrors) can heal.
@shared_task(name="outbox.send_mail", heals_on=(OSError,))
def send_mail(*, subject: str, body: str, to: list[str], from_email: str | None = None) -> int:
    """Send one plain-text email (mail written by a service, sent after its commit)."""
    return services.mail_send(subject=subject, body=body, to=to, from_email=from_email)
