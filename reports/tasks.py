"""Celery tasks of the reports app: thin, they call services."""

from celery import shared_task

from . import services

# A report over a whole programme reads a lot; a stuck one is stopped after half an hour.
BUILD_TIME_LIMIT = 30 * 60


@shared_task(
    name="reports.build_report",
    acks_late=True,
    # Run through the outbox, but committing as it goes, so the page shows its progress; a
    # run already done is not built again.
    outbox_atomic=False,
    time_limit=BUILD_TIME_LIMIT,
    soft_time_limit=BUILD_TIME_LIMIT - 60,
)
def build_report(run_id: int) -> str:
    """Build a queued report run; returns its final status ("done" or "failed").

    No automatic retry: a failed run keeps its error and the programme manager retries it.
    """
    return services.report_run_execute(run_id=run_id).status


@shared_task(
    name="reports.send_monthly_report",
    acks_late=True,
    time_limit=BUILD_TIME_LIMIT,
    soft_time_limit=BUILD_TIME_LIMIT - 60,
)
def send_monthly_report() -> int | None:
    """Build last month's report and email it to programme managers; returns the run's id."""
    run = services.monthly_report_send()
    return run.pk if run else None
