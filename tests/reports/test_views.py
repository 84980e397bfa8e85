"""Report pages per role: the list and form, a run's progress and report, downloads, dashboard."""

from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from reports import services
from reports.models import IndicatorValue, ProgrammeIndicator, ReportRun
from reports.result import SUPPRESSED_MARK
from tests.factories import ProgrammeManagerFactory
from tests.factories.reports import build_programme
from tests.reports.sample import sample_report

ROLES = [
    ("trainee", HTTPStatus.FORBIDDEN),
    ("trainer", HTTPStatus.FORBIDDEN),
    ("programme_manager", HTTPStatus.OK),
    ("admin_user", HTTPStatus.OK),
]


@pytest.fixture
def done_run(db):
    """A finished run holding the sample report (built elsewhere; pages only render it)."""
    return ReportRun.objects.create(
        status=ReportRun.Status.DONE,
        progress=100,
        result=sample_report(),
        started_at=timezone.now(),
        finished_at=timezone.now(),
    )


@pytest.fixture
def built_run(programme_manager, django_capture_on_commit_callbacks):
    """A run built by the task from an empty database, with its stored files."""
    with django_capture_on_commit_callbacks(execute=True):
        run = services.report_run_request(user=programme_manager, filters={})
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE
    return run


class TestAccess:
    @pytest.mark.parametrize(("role", "status"), ROLES)
    def test_retry_per_role(self, client, request, db, role, status):
        run = ReportRun.objects.create(status=ReportRun.Status.FAILED, error="Boom")
        client.force_login(request.getfixturevalue(role))
        response = client.post(reverse("reports:run_retry", args=[run.pk]))
        expected = HTTPStatus.FOUND if status == HTTPStatus.OK else status
        assert response.status_code == expected

    @pytest.mark.parametrize(
        ("role", "shown"),
        [("trainee", False), ("programme_manager", True), ("admin_user", True), ("trainer", False)],
    )
    def test_nav_link(self, client, request, home, role, shown):
        client.force_login(request.getfixturevalue(role))
        page = client.get("/en/").content.decode()
        assert (f'href="{reverse("reports:run_list")}"' in page) is shown


class TestRunList:
    def test_form_queues_a_run_and_opens_its_page(
        self, client, programme_manager, monkeypatch, django_capture_on_commit_callbacks
    ):
        monkeypatch.setattr("reports.tasks.build_report.delay", lambda run_id: None)
        client.force_login(programme_manager)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("reports:run_list"),
                {"period_start": "2026-01-01", "period_end": "2026-06-30", "audiences": ["police"]},
            )
        run = ReportRun.objects.get()
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == reverse("reports:run", args=[run.pk])
        assert run.filters == {
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "audiences": ["police"],
        }
        assert run.requested_by == programme_manager

    def test_end_before_start_is_refused_and_nothing_created(self, client, programme_manager):
        client.force_login(programme_manager)
        response = client.post(
            reverse("reports:run_list"), {"period_start": "2026-06-30", "period_end": "2026-01-01"}
        )
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "The end of the period comes before its start." in response.content.decode()
        assert not ReportRun.objects.exists()

    def test_unknown_choice_is_refused(self, client, programme_manager):
        client.force_login(programme_manager)
        response = client.post(reverse("reports:run_list"), {"courses": ["999999"]})
        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert not ReportRun.objects.exists()

    def test_lists_the_runs(self, client, programme_manager, done_run):
        client.force_login(programme_manager)
        page = client.get(reverse("reports:run_list")).content.decode()
        assert reverse("reports:run", args=[done_run.pk]) in page
        assert "<caption>" in page


class TestRunPage:
    def test_progress_while_running(self, client, programme_manager):
        run = ReportRun.objects.create(status=ReportRun.Status.RUNNING, progress=42)
        client.force_login(programme_manager)
        page = client.get(reverse("reports:run", args=[run.pk])).content.decode()
        assert '<progress max="100" value="42"' in page
        assert "reports/progress.js" in page
        assert f'data-status-url="{reverse("reports:run_status", args=[run.pk])}"' in page
        assert f'href="{reverse("reports:run", args=[run.pk])}"' in page  # reload without JS
        assert "<script>" not in page  # the CSP allows no inline script

    def test_status_json(self, client, programme_manager):
        run = ReportRun.objects.create(status=ReportRun.Status.RUNNING, progress=42)
        client.force_login(programme_manager)
        response = client.get(reverse("reports:run_status", args=[run.pk]))
        assert response.json() == {
            "status": "running",
            "status_label": "Running",
            "progress": 42,
            "finished": False,
        }
        ReportRun.objects.filter(pk=run.pk).update(status=ReportRun.Status.DONE, progress=100)
        assert client.get(reverse("reports:run_status", args=[run.pk])).json()["finished"]

    def test_failed_run_shows_the_error_and_retry_works(
        self, client, programme_manager, django_capture_on_commit_callbacks
    ):
        run = ReportRun.objects.create(status=ReportRun.Status.FAILED, error="RuntimeError: boom")
        client.force_login(programme_manager)
        page = client.get(reverse("reports:run", args=[run.pk])).content.decode()
        assert "RuntimeError: boom" in page
        assert reverse("reports:run_retry", args=[run.pk]) in page
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("reports:run_retry", args=[run.pk]))
        assert response.status_code == HTTPStatus.FOUND
        run.refresh_from_db()
        assert run.status == ReportRun.Status.DONE and run.error == ""

    def test_done_run_renders_sections_tables_charts_and_links(
        self, client, programme_manager, done_run
    ):
        client.force_login(programme_manager)
        page = client.get(reverse("reports:run", args=[done_run.pk])).content.decode()
        for section in done_run.result["sections"]:
            assert f'id="section-{section["key"]}"' in page
        assert page.count("<svg") == sum(len(s["charts"]) for s in done_run.result["sections"])
        assert '<th scope="col"' in page and '<th scope="row"' in page
        assert "<caption>Enrolments by target group</caption>" in page
        assert f'<abbr title="suppressed">{SUPPRESSED_MARK}</abbr>' in page
        assert "fewer than 5 trainees" in page  # the legend
        assert reverse("reports:run_csv", args=[done_run.pk, "reach-by-group"]) in page
        assert reverse("reports:run_pdf", args=[done_run.pk]) in page
        assert "/media/" not in page

    def test_bounded_queries(
        self, client, programme_manager, done_run, django_assert_max_num_queries
    ):
        client.force_login(programme_manager)
        url = reverse("reports:run", args=[done_run.pk])
        client.get(url)  # the first visit draws and caches the charts
        # Session, user, permissions (2), the run, and the site navigation: none per table.
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == HTTPStatus.OK

    def test_built_report_page(self, client, programme_manager, built_run):
        client.force_login(programme_manager)
        page = client.get(reverse("reports:run", args=[built_run.pk])).content.decode()
        assert "No data: no trainee enrolled with these filters." in page


class TestDownloads:
    def test_csv(self, client, programme_manager, done_run):
        client.force_login(programme_manager)
        response = client.get(reverse("reports:run_csv", args=[done_run.pk, "reach-by-group"]))
        assert response["Content-Type"].startswith("text/csv")
        assert "attachment" in response["Content-Disposition"]
        assert "reach-by-group.csv" in response["Content-Disposition"]
        body = response.content.decode()
        assert body.splitlines()[0].startswith("Target group,Enrolled")
        assert SUPPRESSED_MARK in body

    def test_unknown_table_or_unfinished_run(self, client, programme_manager, done_run):
        client.force_login(programme_manager)
        missing = client.get(reverse("reports:run_csv", args=[done_run.pk, "no-such-table"]))
        assert missing.status_code == HTTPStatus.NOT_FOUND
        queued = ReportRun.objects.create()
        assert client.get(reverse("reports:run_pdf", args=[queued.pk])).status_code == 404

    def test_stored_files(self, client, programme_manager, built_run):
        client.force_login(programme_manager)
        pdf = client.get(reverse("reports:run_pdf", args=[built_run.pk]))
        assert pdf["Content-Type"] == "application/pdf"
        assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
        xlsx = client.get(reverse("reports:run_xlsx", args=[built_run.pk]))
        assert "attachment" in xlsx["Content-Disposition"]
        assert b"".join(xlsx.streaming_content).startswith(b"PK")
        for response in (pdf, xlsx):
            assert "no-store" in response["Cache-Control"]
            assert response["Content-Disposition"].startswith("attachment;")
            assert response["X-Content-Type-Options"] == "nosniff"

    def test_files_are_rendered_when_missing(self, client, programme_manager, done_run):
        assert not done_run.pdf
        client.force_login(programme_manager)
        response = client.get(reverse("reports:run_pdf", args=[done_run.pk]))
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
        done_run.refresh_from_db()
        assert done_run.pdf and done_run.xlsx


class TestDashboard:
    def test_without_a_report(self, client, programme_manager):
        client.force_login(programme_manager)
        page = client.get(reverse("reports:dashboard")).content.decode()
        assert "No programme-wide report has been built yet." in page

    def test_latest_programme_wide_run(self, client, programme_manager, built_run):
        # A later report about one audience only is not the programme's picture.
        ReportRun.objects.create(
            status=ReportRun.Status.DONE,
            result=built_run.result,
            filters={"audiences": ["police"]},
            finished_at=timezone.now(),
        )
        client.force_login(programme_manager)
        response = client.get(reverse("reports:dashboard"))
        assert response.context["run"] == built_run
        labels = [figure["label"] for figure in response.context["headlines"]]
        assert labels == [
            "Trainees enrolled",
            "Trainees who completed a course",
            "Trainees who completed a course (share of trainees enrolled, %)",
            "Recorded lesson time (hours)",
            "Classroom sessions attended (hours)",
            "Post-test pass rate (share of enrolments that took it, %)",
            "Find the training useful for their work (share of answers agreeing, %)",
            "Net promoter score (−100 to 100)",
            "Follow-up response rate (share of trainees invited, %)",
        ]
        assert response.context["headlines"][0]["text"] == "0"
        assert "<svg" not in response.content.decode()  # nothing to draw yet

    @pytest.mark.parametrize("min_cell", [5, 11])
    def test_figures_are_suppressed_like_the_report(
        self, client, catalogue, monkeypatch, django_capture_on_commit_callbacks, min_cell
    ):
        build_programme(catalogue)
        indicator = ProgrammeIndicator.objects.create(name="Action plans made", target=10)
        IndicatorValue.objects.create(
            indicator=indicator,
            period_start=timezone.localdate().replace(day=1),
            period_end=timezone.localdate(),
            value=4,
        )
        manager = ProgrammeManagerFactory()
        monkeypatch.setattr("reports.defaults.REPORT_MIN_CELL", min_cell)
        with django_capture_on_commit_callbacks(execute=True):
            services.report_run_request(user=manager, filters={})
        client.force_login(manager)
        response = client.get(reverse("reports:dashboard"))
        headlines = {f["label"]: f for f in response.context["headlines"]}
        if min_cell == 11:
            # Ten trainees in all: every figure about them is left out.
            assert all(f["text"] == SUPPRESSED_MARK for f in headlines.values())
            assert all(f["suppressed"] for f in headlines.values())
            return
        # Nine trainees in the course and the trainer who graduated from training of trainers.
        assert headlines["Trainees enrolled"]["text"] == "10"
        # Trainees beside trainees: nine of the ten completed a course.
        assert headlines["Trainees who completed a course"]["text"] == "9"
        share = headlines["Trainees who completed a course (share of trainees enrolled, %)"]
        assert share["text"] == "90.0 %"
        assert headlines["Classroom sessions attended (hours)"]["suppressed"]  # three attended
        assert headlines["Net promoter score (−100 to 100)"]["text"] == "16.67"
        assert (
            headlines["Follow-up response rate (share of trainees invited, %)"]["text"] == "83.3 %"
        )
        page = response.content.decode()
        assert page.count("<svg") == 2  # trends by month, indicators against target
        assert "Action plans made" in page
        run = response.context["run"]
        report_page = client.get(reverse("reports:run", args=[run.pk])).content.decode()
        assert "<caption>Reach by audience</caption>" in report_page
        assert "&gt;95 %" in report_page  # an extreme share of a small group, labelled
        assert f'<abbr title="suppressed">{SUPPRESSED_MARK}</abbr>' in report_page
        assert report_page.count("<svg") == sum(len(s["charts"]) for s in run.result["sections"])


class TestIndicatorAdmin:
    LIST = "/admin/snippets/reports/programmeindicator/"
    VALUES = "/admin/snippets/reports/indicatorvalue/"

    @pytest.mark.parametrize(
        ("role", "status"),
        [
            ("trainee", HTTPStatus.FOUND),  # no admin access: sent away
            ("trainer", HTTPStatus.FOUND),  # admin access, but not to indicators
            ("programme_manager", HTTPStatus.OK),
            ("admin_user", HTTPStatus.OK),
        ],
    )
    def test_per_role(self, client, request, home, role, status):
        client.force_login(request.getfixturevalue(role))
        assert client.get(self.LIST).status_code == status
        assert client.get(self.VALUES).status_code == status

    def test_programme_manager_records_a_value(self, client, home, programme_manager):
        indicator = ProgrammeIndicator.objects.create(name="Action plans made", target=10)
        client.force_login(programme_manager)
        response = client.post(
            self.VALUES + "add/",
            {
                "indicator": indicator.pk,
                "period_start": "2026-01-01",
                "period_end": "2026-03-31",
                "value": "3",
                "note": "",
            },
        )
        assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
        value = IndicatorValue.objects.get()
        assert value.value == 3
        assert value.recorded_by == programme_manager
