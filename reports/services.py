"""Report runs: ask for one, build it (in a Celery task), retry it, and the monthly email."""

import datetime
import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import roles
from accounts.models import User
from outbox.services import job_enqueue

from . import builder, defaults, exports
from .data import ReportFilters, user_can_read_reports
from .models import ReportRun

logger = logging.getLogger(__name__)

# The build reports 0–100; the files take the last stretch, so the bar does not sit at 100.
BUILD_SHARE = 90


def _enqueue(run: ReportRun) -> None:
    job_enqueue("reports.build_report", run_id=run.pk)


@transaction.atomic
def report_run_request(
    *, user: User | None, filters: dict[str, Any], kind: str = ReportRun.Kind.FULL
) -> ReportRun:
    """Check the filters, create a queued run and have it built once the transaction commits.

    ValidationError (per filter field) on bad filters, PermissionDenied for a user who may not
    read reports; ``user`` is None for the scheduled monthly report.
    """
    if user is not None and not user_can_read_reports(user):
        raise PermissionDenied(_("Only programme managers ask for reports."))
    parsed = ReportFilters.from_dict(filters)
    run = ReportRun(kind=kind, filters=parsed.as_dict(), requested_by=user)
    run.full_clean()
    run.save()
    _enqueue(run)
    logger.info("Report run %s queued by %s", run.pk, user.pk if user else "schedule")
    return run


def _progress_saver(run_id: int):
    def save(percent: int) -> None:
        # An UPDATE outside any transaction, so the status page sees it at once.
        ReportRun.objects.filter(pk=run_id).update(
            progress=max(0, min(BUILD_SHARE, round(percent * BUILD_SHARE / 100)))
        )

    return save


def report_run_files_store(*, run: ReportRun) -> ReportRun:
    """Render the run's report as XLSX and PDF into its file fields (replacing old files)."""
    report = run.result
    for field_name, extension, render in (
        ("xlsx", "xlsx", exports.workbook_bytes),
        ("pdf", "pdf", exports.pdf_bytes),
    ):
        file_field = getattr(run, field_name)
        if file_field:
            file_field.storage.delete(file_field.name)
        file_field.save(
            exports.report_filename(report, extension), ContentFile(render(report)), save=False
        )
    ReportRun.objects.filter(pk=run.pk).update(xlsx=run.xlsx.name, pdf=run.pdf.name)
    return run


def report_run_files_ensure(*, run: ReportRun) -> ReportRun:
    """Render the files again when a done run lost them (storage emptied, or never stored)."""
    if run.status != ReportRun.Status.DONE or not run.result:
        return run
    missing = [
        file_field
        for file_field in (run.xlsx, run.pdf)
        if not file_field or not file_field.storage.exists(file_field.name)
    ]
    if missing:
        logger.warning("Report run %s lost its files: rendering them again", run.pk)
        report_run_files_store(run=run)
    return run


def report_run_execute(*, run_id: int) -> ReportRun:
    """Build a queued run, store its result and files; on any error mark it failed.

    Safe to run again: a run already done is returned as it is (a worker that died after
    finishing hands the task back, since tasks are acknowledged late).
    """
    run = ReportRun.objects.get(pk=run_id)
    if run.status == ReportRun.Status.DONE:
        return run
    started_at = timezone.now()
    ReportRun.objects.filter(pk=run_id).update(
        status=ReportRun.Status.RUNNING,
        progress=0,
        started_at=started_at,
        finished_at=None,
        error="",
    )
    run.refresh_from_db()
    try:
        run.result = builder.report_build(filters=run.filters, progress=_progress_saver(run_id))
        run.save(update_fields=["result"])
        report_run_files_store(run=run)
    except Exception as error:
        logger.exception("Report run %s failed", run_id)
        ReportRun.objects.filter(pk=run_id).update(
            status=ReportRun.Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:5000],
            finished_at=timezone.now(),
        )
        run.refresh_from_db()
        return run
    ReportRun.objects.filter(pk=run_id).update(
        status=ReportRun.Status.DONE, progress=100, finished_at=timezone.now()
    )
    run.refresh_from_db()
    logger.info("Report run %s done in %.1f s", run_id, run.duration_seconds or 0)
    return run


@transaction.atomic
def report_run_retry(*, run: ReportRun) -> ReportRun:
    """Queue a failed run again, with the same filters; ValidationError for any other run."""
    if run.status != ReportRun.Status.FAILED:
        raise ValidationError(_("Only a failed report can be tried again."), code="not_failed")
    run.status = ReportRun.Status.QUEUED
    run.progress = 0
    run.error = ""
    run.started_at = None
    run.finished_at = None
    run.save(update_fields=["status", "progress", "error", "started_at", "finished_at"])
    _enqueue(run)
    logger.info("Report run %s queued again", run.pk)
    return run


def previous_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """First and last day of the calendar month before ``today``'s."""
    last = today.replace(day=1) - datetime.timedelta(days=1)
    return last.replace(day=1), last


def _run_link(run: ReportRun) -> str:
    path = reverse("reports:run", args=[run.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _monthly_mail(run: ReportRun, manager: User, pdf: bytes, filename: str) -> None:
    with translation.override(manager.preferred_language):
        context = {
            "manager": manager,
            "run": run,
            "period": run.result["filter_labels"][0],
            "summary": [line for s in run.result["sections"][:1] for line in s["summary"]],
            "link": _run_link(run),
        }
        subject = _("Liaison monthly report: %(period)s") % {"period": context["period"]}
        body = render_to_string("reports/emails/monthly_report.txt", context)
    message = EmailMessage(subject, body, None, [manager.email])
    message.attach(filename, pdf, "application/pdf")
    message.send()


def monthly_report_send() -> ReportRun | None:
    """Build last calendar month's report and email its PDF to every active programme manager.

    Returns the run (done or failed), or None when ``LIAISON_MONTHLY_REPORT_ENABLED`` is off.
    """
    if not defaults.MONTHLY_REPORT_ENABLED:
        logger.info("Monthly report is turned off")
        return None
    start, end = previous_month(timezone.localdate())
    run = ReportRun.objects.create(
        kind=ReportRun.Kind.MONTHLY,
        filters={"period_start": start.isoformat(), "period_end": end.isoformat()},
    )
    run = report_run_execute(run_id=run.pk)
    if run.status != ReportRun.Status.DONE:
        logger.error("Monthly report run %s failed; nobody was emailed", run.pk)
        return run
    with run.pdf.open("rb") as file:
        pdf = file.read()
    filename = exports.report_filename(run.result, "pdf")
    managers = User.objects.filter(is_active=True, groups__name=roles.PROGRAMME_MANAGERS).distinct()
    sent = 0
    for manager in managers:
        try:
            _monthly_mail(run, manager, pdf, filename)
            sent += 1
        except Exception:
            # One bad address must not keep the report from the others.
            logger.exception("Monthly report %s could not be emailed to %s", run.pk, manager.pk)
    logger.info("Monthly report %s emailed to %d programme managers", run.pk, sent)
    return run
