"""A programme manager's journey in Chromium: build the evaluation report, watch its
progress, download the workbook, read the dashboard's charts."""

import io
import threading

import pytest
from django.core.management import call_command
from django.db import connections
from openpyxl import load_workbook
from playwright.sync_api import expect

from outbox import services as outbox_services
from outbox.tasks import run_job
from tests.e2e.conftest import log_in


@pytest.fixture
def worker(monkeypatch):
    """A Celery worker stand-in: the outbox's job runs in a thread of its own, a moment later.

    Tests run tasks eagerly, inside the request that asks for them, so the page would never
    show a run in progress. Only the broker is replaced; the job, the task and everything it
    builds are the real ones.
    """
    threads = []

    def run_later(args, **options):
        def work():
            try:
                threading.Event().wait(2.0)  # the manager sees the run queued first
                outbox_services.job_run(job_id=args[0])
            finally:
                connections.close_all()

        thread = threading.Thread(target=work, daemon=True)
        threads.append(thread)
        thread.start()

    monkeypatch.setattr(run_job, "apply_async", run_later)
    yield
    for thread in threads:
        thread.join(timeout=60)


@pytest.fixture
def programme(catalogue):
    """Synthetic activity: organisations, cohorts, enrolments, tests and surveys."""
    call_command("generate_training_data", "--trainees=60", "--seed=7", verbosity=0)


def test_a_manager_builds_the_report_watches_it_and_downloads_the_workbook(
    new_context, live_server, programme, programme_manager, worker
):
    context = new_context()
    log_in(context, live_server, programme_manager)
    page = context.new_page()

    page.goto("/en/reports/")
    page.get_by_role("button", name="Build the report").click()

    # The run's page shows its progress, then reloads itself with the result.
    progress = page.locator("progress")
    expect(progress).to_be_visible()
    assert int(progress.get_attribute("value")) < 100
    download_link = page.get_by_role("link", name="Download XLSX")
    download_link.wait_for(timeout=60_000)
    expect(progress).to_have_count(0)

    with page.expect_download() as download:
        download_link.click()
    workbook = load_workbook(io.BytesIO(download.value.path().read_bytes()), read_only=True)
    sheets = [name.lower() for name in workbook.sheetnames]
    assert any("reach" in name for name in sheets), workbook.sheetnames
    assert any("learning" in name for name in sheets), workbook.sheetnames
    reach = workbook[workbook.sheetnames[[i for i, n in enumerate(sheets) if "reach" in n][0]]]
    assert reach.max_row > 1  # figures, not only headings

    # The dashboard shows the programme at a glance, with charts.
    page.goto("/en/reports/dashboard/")
    charts = page.locator("figure.report-chart")
    expect(charts.first).to_be_visible()
    assert charts.locator("svg").count() == charts.count() > 0
    expect(page.get_by_text("Trainees enrolled").first).to_be_visible()
