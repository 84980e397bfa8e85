"""The outbox: work written with the change that needs it, done once, whatever the broker does.

The broker here is real too: eager mode, or a Redis address where nothing listens (the
connection is refused by the machine, nothing is mocked). tests/outbox/test_redis_outage.py
stops and starts a real Redis under a real worker (CI's service pass).
"""

from datetime import timedelta
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from cms.celery import app
from courses import services as course_services
from outbox import defaults, services
from outbox.models import Job
from tests.factories.certificates import CertificateTemplateFactory
from tests.factories.courses import study

# Nothing listens on port 1: publishing fails at once with "connection refused".
DEAD_BROKER = "redis://127.0.0.1:1/0"


@pytest.fixture
def broker_down(celery_broker):
    """The site talks to a broker that is not there; the fixture's end brings eager mode back."""
    celery_broker(DEAD_BROKER)


@pytest.fixture
def last_lesson_pending(trainee, course, lessons):
    """The trainee enrolled and studied every lesson but the last; the course has a template."""
    CertificateTemplateFactory(courses=[course])
    enrolment = course_services.enrolment_enrol(trainee=trainee, course=course)[0]
    for lesson in lessons[:-1]:
        study(trainee, lesson)
    course_services.lesson_view(trainee=trainee, lesson=lessons[-1])
    return enrolment


def test_a_broker_outage_never_fails_the_trainees_request_and_loses_nothing(
    client,
    trainee,
    lessons,
    last_lesson_pending,
    broker_down,
    drain_outbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(trainee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("courses:lesson_complete", args=[lessons[-1].pk]))

    assert response.status_code == HTTPStatus.FOUND
    last_lesson_pending.refresh_from_db()
    assert last_lesson_pending.status == "completed"
    assert not Certificate.objects.exists()
    waiting = Job.objects.filter(status=Job.Status.PENDING, sent_at__isnull=True)
    assert set(waiting.values_list("task", flat=True)) == {
        "certificates.issue_certificate",
        "h5p.record_event",
    }
    assert services.jobs_dispatch_due() == 0  # the beat task, while the broker is still away

    app.conf.task_always_eager = True  # the broker is back (here: in-process)
    drain_outbox()
    drain_outbox()

    assert Certificate.objects.filter(enrolment=last_lesson_pending).count() == 1
    assert not Job.objects.exclude(status=Job.Status.DONE).exists()


def test_a_job_rolls_back_with_the_change_that_made_it(db, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.job_enqueue("cms.healthcheck")
        raise RuntimeError("the change failed")

    assert not Job.objects.exists()
    assert callbacks == []


def test_a_job_runs_once_after_the_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_enqueue("cms.healthcheck")

    job.refresh_from_db()
    assert (job.status, job.attempts, job.kwargs) == (Job.Status.DONE, 1, {})
    assert services.job_run(job_id=job.pk) is None
    assert services.jobs_dispatch_due() == 0


def test_an_unknown_task_is_refused_when_queued(db):
    with pytest.raises(LookupError, match="No Celery task named 'no.such_task'"):
        services.job_enqueue("no.such_task")
    assert not Job.objects.exists()


def test_a_bug_fails_the_job_at_once_and_a_retry_queues_it_again(db):
    # A misspelt argument: waiting will not mend it.
    job = services.job_enqueue("cms.healthcheck", database="default")

    assert services.job_run(job_id=job.pk) == Job.Status.FAILED
    job.refresh_from_db()
    assert job.attempts == 1
    assert job.last_error.startswith("TypeError")
    assert services.jobs_dispatch_due() == 0

    Job.objects.filter(pk=job.pk).update(kwargs={})
    services.job_retry(job=job)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.PENDING, 0)


def test_a_job_claimed_by_a_live_worker_is_not_run_by_another(db):
    job = services.job_enqueue("cms.healthcheck")
    Job.objects.filter(pk=job.pk).update(claimed_until=timezone.now() + timedelta(minutes=5))

    assert services.job_run(job_id=job.pk) is None
    assert services.jobs_dispatch_due() == 0

    # The first worker died: after its time is up the job is handed over and run.
    Job.objects.filter(pk=job.pk).update(claimed_until=timezone.now() - timedelta(seconds=1))
    assert services.jobs_dispatch_due() == 1
    job.refresh_from_db()
    assert job.status == Job.Status.DONE


def test_a_job_lost_by_the_broker_is_handed_over_again(db):
    job = services.job_enqueue("cms.healthcheck")
    sent = timezone.now() - timedelta(seconds=defaults.RESEND_AFTER_SECONDS - 5)
    Job.objects.filter(pk=job.pk).update(sent_at=sent)
    assert services.jobs_dispatch_due() == 0

    Job.objects.filter(pk=job.pk).update(sent_at=sent - timedelta(seconds=10))
    assert services.jobs_dispatch_due() == 1


def test_retries_wait_longer_each_time_up_to_an_hour():
    waits = [services._retry_delay(attempt).total_seconds() for attempt in range(1, 10)]

    assert waits[:4] == [30, 60, 120, 240]
    assert waits[-1] == 3600


def test_the_beat_task_sweeps_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["dispatch-due-jobs"]

    assert (entry["task"], entry["schedule"]) == ("outbox.dispatch_due_jobs", 60.0)


def test_the_outbox_command_lists_and_retries_failed_jobs(db):
    job = services.job_enqueue("cms.healthcheck", database="default")
    services.job_run(job_id=job.pk)
    out = StringIO()

    call_command("outbox", stdout=out)
    assert "cms.healthcheck" in out.getvalue()
    assert f"failed job {job.pk} (cms.healthcheck): TypeError" in out.getvalue()

    call_command("outbox", "--retry-failed", stdout=StringIO())
    job.refresh_from_db()
    assert job.status == Job.Status.PENDING
