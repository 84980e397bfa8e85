"""The one way to run work after a commit, with one failure policy.

``job_enqueue("certificates.issue_certificate", enrolment_id=7)`` writes a ``Job`` row in the
caller's transaction: the work exists exactly when the change that needs it commits. After
the commit the job is handed to the broker; when the broker is unreachable that is logged and
the request goes on as if nothing happened. The beat task ``outbox.dispatch_due_jobs`` hands
over, every minute, each job that never reached the broker, waits for a retry, or was lost by
it. A worker claims a job before running it, so a job handed over twice runs once; a finished
job is never run again.

Failure policy, the same for every task:
- a failure that can heal (``HEALING_ERRORS``, plus the task's own ``heals_on``) is tried again
  with growing waits, ``defaults.MAX_ATTEMPTS`` times in all;
- any other exception is a bug or bad data: the job is marked failed at once, with its error,
  and logged; ``job_retry`` (the ``outbox_retry`` command) queues it again once mended.

A task runs in one database transaction with the mark that it is done, so its database writes
happen exactly once; a task that must commit as it goes (a long report build showing its
progress) says ``outbox_atomic=False`` and must itself be safe to run again.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from celery import current_app
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone

from . import defaults
from .models import Job

logger = logging.getLogger(__name__)

# A database or a remote service that is briefly away; anything else will not heal by waiting.
HEALING_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    ConnectionError,
    TimeoutError,
)


def job_enqueue(task: str, /, **kwargs) -> Job:
    """Record that ``task`` must run with ``kwargs`` once the current transaction commits.

    ``kwargs`` must be JSON-serialisable (ids, strings, numbers; dates become ISO strings).
    A name that is no Celery task is a bug and raises LookupError here, not in a worker later.
    """
    if _task(task) is None:
        raise LookupError(f"No Celery task named {task!r}")
    job = Job.objects.create(task=task, kwargs=kwargs)
    transaction.on_commit(lambda: jobs_send([job.pk]))
    return job


def _task(name: str):
    tasks = current_app.tasks
    if name not in tasks:
        # Outside a worker, Celery imports the apps' task modules only when asked to.
        current_app.loader.import_default_modules()
    return tasks.get(name)


def jobs_send(job_ids: Iterable[int]) -> int:
    """Hand jobs to the broker; returns how many it took.

    Never raises: with the broker away, the jobs stay pending for the next sweep.
    """
    from .tasks import run_job

    sent = 0
    for job_id, name in Job.objects.filter(pk__in=list(job_ids)).values_list("pk", "task"):
        task = _task(name)
        # Marked before it is handed over: a worker (or eager mode) that runs it at once and
        # must try it again later clears the mark, and the sweep then picks it up.
        pending = Job.objects.filter(pk=job_id, status=Job.Status.PENDING)
        pending.update(sent_at=timezone.now())
        try:
            # The job runs within its own task's time limits (a report build needs longer).
            run_job.apply_async(
                args=[job_id],
                time_limit=getattr(task, "time_limit", None),
                soft_time_limit=getattr(task, "soft_time_limit", None),
            )
        except Exception:  # any broker failure: the sweep hands it over later
            logger.warning(
                "Broker unreachable: job %s waits for the next sweep", job_id, exc_info=True
            )
            pending.update(sent_at=None)
            break
        sent += 1
    return sent


def jobs_dispatch_due() -> int:
    """Hand over the jobs that should be running and are not (beat task); returns how many."""
    now = timezone.now()
    due = (
        Job.objects.filter(status=Job.Status.PENDING, due_at__lte=now)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .filter(
            Q(sent_at__isnull=True)
            | Q(sent_at__lt=now - timedelta(seconds=defaults.RESEND_AFTER_SECONDS))
        )
        .order_by("due_at", "pk")
        .values_list("pk", flat=True)[: defaults.SWEEP_BATCH]
    )
    return jobs_send(list(due))


def _lease(task) -> timedelta:
    # As long as the worker may run it, and a minute more.
    limit = getattr(task, "time_limit", None) or settings.CELERY_TASK_TIME_LIMIT
    return timedelta(seconds=limit + 60)


def _retry_delay(attempts: int) -> timedelta:
    return timedelta(
        seconds=min(defaults.RETRY_BASE_SECONDS * 2 ** (attempts - 1), defaults.RETRY_MAX_SECONDS)
    )


def job_run(*, job_id: int) -> Job.Status | None:
    """Run a pending job once; returns its new status, or None when it was not to run now.

    Not to run: unknown, finished, or claimed by another worker that is still within its time.
    """
    now = timezone.now()
    job = Job.objects.filter(pk=job_id, status=Job.Status.PENDING).first()
    if job is None:
        return None
    task = _task(job.task)
    if task is None:
        return _job_fail(job, f"No task named {job.task!r}")
    claimed = (
        Job.objects.filter(pk=job_id, status=Job.Status.PENDING)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + _lease(task), attempts=F("attempts") + 1)
    )
    if not claimed:
        return None
    job.refresh_from_db()
    try:
        if getattr(task, "outbox_atomic", True):
            with transaction.atomic():
                task.run(**job.kwargs)
                _job_done(job)
        else:
            task.run(**job.kwargs)
            _job_done(job)
    except HEALING_ERRORS + tuple(getattr(task, "heals_on", ())) as error:
        if job.attempts >= defaults.MAX_ATTEMPTS:
            return _job_fail(job, _describe(error))
        delay = _retry_delay(job.attempts)
        logger.warning("Job %s (%s) will be tried again in %s: %s", job.pk, job.task, delay, error)
        Job.objects.filter(pk=job.pk).update(
            due_at=timezone.now() + delay,
            sent_at=None,
            claimed_until=None,
            last_error=_describe(error),
        )
        return Job.Status.PENDING
    except Exception as error:
        logger.exception("Job %s (%s) failed", job.pk, job.task)
        return _job_fail(job, _describe(error))
    return Job.Status.DONE


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:5000]


def _job_done(job: Job) -> None:
    # The arguments may carry personal data (a mail's address and text): not kept once done.
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE, finished_at=timezone.now(), claimed_until=None, kwargs={}
    )


def _job_fail(job: Job, error: str) -> Job.Status:
    logger.error("Job %s (%s) failed for good: %s", job.pk, job.task, error)
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.FAILED, finished_at=timezone.now(), claimed_until=None, last_error=error
    )
    return Job.Status.FAILED


def mail_send(*, subject: str, body: str, to: list[str], from_email: str | None) -> int:
    """Send one plain-text email now; returns how many were sent (``outbox.send_mail``)."""
    return EmailMessage(subject, body, from_email, to).send()


def mail_enqueue(*, subject: str, body: str, to: list[str], from_email: str | None = None) -> Job:
    """Send an email once the current transaction commits (and again if the server was away)."""
    return job_enqueue(
        "outbox.send_mail", subject=str(subject), body=str(body), to=list(to), from_email=from_email
    )


def job_retry(*, job: Job) -> Job:
    """Queue a failed job again (after its cause was mended), from its first attempt."""
    Job.objects.filter(pk=job.pk, status=Job.Status.FAILED).update(
        status=Job.Status.PENDING,
        attempts=0,
        due_at=timezone.now(),
        sent_at=None,
        finished_at=None,
    )
    transaction.on_commit(lambda: jobs_send([job.pk]))
    job.refresh_from_db()
    return job

