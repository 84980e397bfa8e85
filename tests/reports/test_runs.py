"""Report runs: asked for, built by the Celery task (eager in tests), failed, retried, monthly."""

import datetime
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from courses.models import Enrolment
from outbox.models import Job
from reports import builder, services
from reports.models import ReportRun
from reports.tasks import build_report, send_monthly_report
from tests.factories import ProgrammeManagerFactory, TraineeFactory
from tests.factories.courses import add_course
from tests.factories.environment import storages_on_disk


@pytest.fixture
def media(settings, tmp_path):
    """Files on disk in a temporary folder, so a test can remove one."""
    storages_on_disk(settings, public=tmp_path / "media", private=tmp_path)
    return tmp_path


@pytest.fixture
def enrolments(catalogue):
    """Six police officers enrolled in one course last month, five of them completed."""
    course = add_course(catalogue, modules=1, lessons=1)
    start, _end = services.previous_month(timezone.localdate())
    when = timezone.make_aware(datetime.datetime.combine(start, datetime.time(10)))
    for number in range(6):
        Enrolment.objects.create(
            trainee=TraineeFactory(),
            course=course,
            status=Enrolment.Status.COMPLETED if number else Enrolment.Status.ACTIVE,
            source=Enrolment.Source.SELF,
            created_at=when,
            activated_at=when,
            completed_at=when + timedelta(days=2) if number else None,
        )
    return course


def _request(user, capture, filters=None):
    with capture(execute=True) as callbacks:
        run = services.report_run_request(user=user, filters=filters or {})
    return run, callbacks


class TestRequest:
    def test_bad_filters_create_nothing(self, programme_manager):
        with pytest.raises(ValidationError) as caught:
            services.report_run_request(
                user=programme_manager,
                filters={"period_start": "2026-06-01", "period_end": "2026-01-01"},
            )
        assert "before its start" in str(caught.value.message_dict["period_end"])
        assert not ReportRun.objects.exists()

    def test_only_programme_managers_ask(self, trainee):
        with pytest.raises(PermissionDenied):
            services.report_run_request(user=trainee, filters={})
        assert not ReportRun.objects.exists()

    def test_the_build_is_queued_with_the_run_and_handed_over_on_commit(
        self, programme_manager, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks() as callbacks:
            run = services.report_run_request(user=programme_manager, filters={})
            # Written with the run: the worker finds the row, and a broker outage loses nothing.
            job = Job.objects.get(task="reports.build_report")
            assert (job.kwargs, job.sent_at) == ({"run_id": run.pk}, None)
        assert len(callbacks) == 1
        run.refresh_from_db()
        assert run.status == ReportRun.Status.QUEUED
        assert run.requested_by == programme_manager

        callbacks[0]()  # the commit: handed to the (eager) broker, built now
        run.refresh_from_db()
        assert run.status == ReportRun.Status.DONE
        job.refresh_from_db()
        assert job.status == Job.Status.DONE


class TestExecute:
    def test_queued_to_done_with_progress_and_files(
        self, programme_manager, enrolments, media, django_capture_on_commit_callbacks
    ):
        run, _callbacks = _request(
            programme_manager, django_capture_on_commit_callbacks, {"courses": [enrolments.pk]}
        )
        run.refresh_from_db()
        assert run.status == ReportRun.Status.DONE
        assert run.progress == 100
        assert run.started_at <= run.finished_at
        assert run.duration_seconds is not None
        assert run.error == ""
        assert run.result["filters"] == {"courses": [enrolments.pk]}
        assert len(run.result["sections"]) == 7
        assert run.xlsx.name.endswith(".xlsx") and run.pdf.name.endswith(".pdf")
        with run.pdf.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        with run.xlsx.open("rb") as xlsx:
            assert xlsx.read(2) == b"PK"

    def test_progress_is_saved_as_the_build_goes(self, programme_manager, monkeypatch, db):
        run = ReportRun.objects.create(requested_by=programme_manager)
        seen = []
        real_build = builder.report_build

        def watching_build(*, filters, progress=None, min_cell=None):
            def spy(percent):
                progress(percent)
                seen.append(ReportRun.objects.get(pk=run.pk).progress)

            assert ReportRun.objects.get(pk=run.pk).status == ReportRun.Status.RUNNING
            return real_build(filters=filters, progress=spy)

        monkeypatch.setattr(builder, "report_build", watching_build)
        services.report_run_execute(run_id=run.pk)
        assert seen[0] == 0 and seen[-1] == services.BUILD_SHARE
        assert seen == sorted(seen) and len(set(seen)) > 2

    def test_a_failing_build_is_kept_with_its_error_and_retried(
        self, programme_manager, monkeypatch, media, django_capture_on_commit_callbacks
    ):
        def broken(**kwargs):
            raise RuntimeError("the database went away")

        monkeypatch.setattr(builder, "report_build", broken)
        run, _callbacks = _request(programme_manager, django_capture_on_commit_callbacks)
        run.refresh_from_db()
        assert run.status == ReportRun.Status.FAILED
        assert run.error == "RuntimeError: the database went away"
        assert run.finished_at is not None
        assert not run.xlsx and not run.pdf

        monkeypatch.undo()
        with django_capture_on_commit_callbacks(execute=True):
            services.report_run_retry(run=run)
        run.refresh_from_db()
        assert run.status == ReportRun.Status.DONE
        assert run.error == "" and run.progress == 100

    def test_only_failed_runs_are_retried(self, programme_manager, db):
        run = ReportRun.objects.create(requested_by=programme_manager)
        with pytest.raises(ValidationError):
            services.report_run_retry(run=run)

    def test_a_done_run_is_not_built_twice(self, programme_manager, monkeypatch, media, db):
        run = ReportRun.objects.create(requested_by=programme_manager)
        assert build_report(run.pk) == ReportRun.Status.DONE
        monkeypatch.setattr(builder, "report_build", pytest.fail)
        assert build_report(run.pk) == ReportRun.Status.DONE

    def test_files_are_private_and_unguessable(self, programme_manager, media, db):
        run = services.report_run_execute(
            run_id=ReportRun.objects.create(requested_by=programme_manager).pk
        )
        for file_field in (run.xlsx, run.pdf):
            # Outside MEDIA_ROOT, in a folder nobody can guess from the date.
            pattern = r"reports/[0-9a-f]{32}/liaison-report-[\d-]+\.(xlsx|pdf)"
            assert re.fullmatch(pattern, file_field.name)
            assert (media / file_field.name).is_file()
            assert not (media / "media").exists()
        assert run.xlsx.name.rsplit("/", 1)[0] != run.pdf.name.rsplit("/", 1)[0]

    def test_missing_files_are_rendered_again(self, programme_manager, media, db):
        run = services.report_run_execute(
            run_id=ReportRun.objects.create(requested_by=programme_manager).pk
        )
        (media / run.pdf.name).unlink()
        services.report_run_files_ensure(run=run)
        run.refresh_from_db()
        assert run.pdf.storage.exists(run.pdf.name)


class TestMonthly:
    def test_previous_month(self):
        assert services.previous_month(datetime.date(2026, 3, 1)) == (
            datetime.date(2026, 2, 1),
            datetime.date(2026, 2, 28),
        )
        assert services.previous_month(datetime.date(2026, 1, 15)) == (
            datetime.date(2025, 12, 1),
            datetime.date(2025, 12, 31),
        )

    def test_emailed_to_every_active_programme_manager(self, enrolments, media):
        first = ProgrammeManagerFactory(preferred_language="fr")
        second = ProgrammeManagerFactory()
        ProgrammeManagerFactory(is_active=False)
        TraineeFactory()
        run_id = send_monthly_report()
        run = ReportRun.objects.get(pk=run_id)
        assert run.kind == ReportRun.Kind.MONTHLY and run.status == ReportRun.Status.DONE
        start, end = services.previous_month(timezone.localdate())
        assert run.filters == {"period_start": start.isoformat(), "period_end": end.isoformat()}
        assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email])
        message = next(m for m in mail.outbox if m.to == [second.email])
        assert f"/en/reports/runs/{run.pk}/" in message.body
        assert "6 trainees enrolled" in message.body
        name, content, mimetype = message.attachments[0]
        assert name.endswith(".pdf") and content.startswith(b"%PDF-")
        assert mimetype == "application/pdf"
        french = next(m for m in mail.outbox if m.to == [first.email])
        assert f"/fr/reports/runs/{run.pk}/" in french.body

    def test_turned_off(self, monkeypatch, programme_manager):
        monkeypatch.setattr("reports.defaults.MONTHLY_REPORT_ENABLED", False)
        assert send_monthly_report() is None
        assert not ReportRun.objects.exists()
        assert mail.outbox == []

    def test_a_failed_build_emails_nobody(self, monkeypatch, programme_manager):
        monkeypatch.setattr(builder, "report_build", lambda **kwargs: 1 / 0)
        run = services.monthly_report_send()
        assert run.status == ReportRun.Status.FAILED
        assert mail.outbox == []


def test_monthly_report_is_scheduled(settings):
    from cms.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["send-monthly-report"]
    assert entry["task"] == send_monthly_report.name == "reports.send_monthly_report"
    assert entry["task"] in app.tasks
    assert entry["schedule"].day_of_month == {1}
    assert entry["schedule"].hour == {6} and entry["schedule"].minute == {0}
