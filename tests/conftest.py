"""Shared fixtures; tests that need PostgreSQL or Redis skip, with the reason, when unset."""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import pytest
from django.core.cache import cache
from django.utils import timezone

from courses.models import EnrolmentMode, LessonPage
from courses.services.catalogue import catalogue_setup
from courses.signals import course_completed
from outbox.models import Job
from outbox.services import jobs_dispatch_due
from tests.factories import (
    AdminFactory,
    ProgrammeManagerFactory,
    TraineeFactory,
    TrainerFactory,
)
from tests.factories.courses import EnrolmentFactory, add_course
from tests.factories.environment import PROJECT

# The browser the end-to-end tests drive (Debian's package; never a downloaded one).
CHROMIUM = os.environ.get("LIAISON_CHROMIUM", "/usr/bin/chromium")

_SERVICE_MARKS = {
    "postgres": (
        lambda: os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        "needs PostgreSQL: set DATABASE_URL=postgres://... (CI does)",
    ),
    "redis": (
        lambda: os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
        "needs Redis: set CELERY_BROKER_URL=redis://... (CI does)",
    ),
    "e2e": (
        lambda: _browser_ready(),
        "needs Chromium: apt install chromium (CI does), and Playwright (make install)",
    ),
}


def _browser_ready() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return bool(shutil.which(CHROMIUM))


def pytest_runtest_setup(item):
    for mark, (available, reason) in _SERVICE_MARKS.items():
        if item.get_closest_marker(mark) and not available():
            # CI's service pass sets this, so a mistyped URL fails instead of skipping.
            if os.environ.get("LIAISON_REQUIRE_SERVICES") == "1":
                pytest.fail(f"LIAISON_REQUIRE_SERVICES=1 but this test {reason}")
            pytest.skip(reason)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """Browser tests on SQLite get a test database in a file, not in memory.

    In memory, the live server thread shares the test's one connection, and a page loading
    while its frame or a fetch is served fails with "database table is locked". In a file,
    each thread has its own connection and SQLite queues the writers. The Makefile runs the
    browser tests in a pytest run of their own, so the rest of the suite stays in memory.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    browser_tests = any(item.get_closest_marker("e2e") for item in request.session.items)
    if database["ENGINE"].endswith("sqlite3") and browser_tests:
        name = os.path.join(tempfile.gettempdir(), f"liaison-test-e2e-{os.getpid()}.sqlite3")
        database.setdefault("TEST", {})["NAME"] = name


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Each test database starts with the site and its catalogues, made once after migrating.

    Every test runs in a transaction rolled back at its end, so each finds them as they were;
    the ``home`` and ``catalogue`` fixtures still call the (idempotent) setup services, which
    then only read. Made per test: half a second of nearly every test. The copy of the
    database that transactional tests restore (``serialized_rollback``) is taken again, so
    they restore the site too.
    """
    from django.db import connections

    from cms.services import site_setup

    with django_db_blocker.unblock():
        site_setup()
        catalogue_setup()
        for connection in connections.all():
            if getattr(connection, "_test_serialized_contents", None) is not None:
                connection._test_serialized_contents = (
                    connection.creation.serialize_db_to_string()
                )


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters live in the cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    from cms.services import site_setup

    return site_setup()


@pytest.fixture
def trainee(db):
    return TraineeFactory()


@pytest.fixture
def trainer(db):
    return TrainerFactory()


@pytest.fixture
def programme_manager(db):
    return ProgrammeManagerFactory()


@pytest.fixture
def admin_user(db):
    return AdminFactory()


@pytest.fixture
def catalogue(home):
    return next(c for c in catalogue_setup() if c.locale.language_code == "en")


@pytest.fixture
def course(catalogue, trainer):
    """An open course with 2 modules × 2 lessons, owned by the ``trainer`` fixture."""
    return add_course(catalogue, trainers=[trainer], enrolment_mode=EnrolmentMode.OPEN)


@pytest.fixture
def enrolment(trainee, course):
    """The ``trainee`` fixture's active enrolment in the ``course`` fixture."""
    return EnrolmentFactory(trainee=trainee, course=course)


@pytest.fixture
def lessons(course):
    return list(LessonPage.objects.descendant_of(course).live().order_by("path"))


@pytest.fixture
def completions():
    """Enrolment ids that ``course_completed`` was sent for, in order."""
    received = []

    def receiver(sender, enrolment_id, **kwargs):
        received.append(enrolment_id)

    course_completed.connect(receiver)
    yield received
    course_completed.disconnect(receiver)


@pytest.fixture
def drain_outbox(db):
    """Run the outbox's pending jobs now, retries included, as the beat task would in time."""

    def drain(rounds: int = 20) -> None:
        for _ in range(rounds):
            Job.objects.filter(status=Job.Status.PENDING).update(
                due_at=timezone.now(), sent_at=None
            )
            if not jobs_dispatch_due():
                return

    return drain


@pytest.fixture
def celery_broker(monkeypatch):
    """Returns ``use(broker_url)``: this process's tasks go to that broker, eager mode off.

    The fixture's end brings back eager mode and the old broker.
    """
    from cms.celery import app

    def use(broker_url: str) -> None:
        # Celery reads CELERY_BROKER_URL from the environment before its configuration.
        monkeypatch.setenv("CELERY_BROKER_URL", broker_url)
        monkeypatch.setitem(app.conf, "broker_url", broker_url)
        monkeypatch.setitem(app.conf, "task_always_eager", False)
        _drop_broker_connections(app)

    yield use
    monkeypatch.undo()
    _drop_broker_connections(app)


@pytest.fixture
def celery_worker_process(celery_broker):
    """Start ``celery -A cms worker`` as a process of its own on the test database.

    Returns ``start(broker_url)``, which points this process's Celery at that broker (eager
    mode off) and waits until the worker answers a ping through it; the fixture's end stops
    the worker and brings back eager mode and the old broker. Results stay where they were.
    """
    from django.db import connection

    from cms.celery import app

    workers = []

    def start(broker_url: str) -> subprocess.Popen:
        celery_broker(broker_url)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            # The worker reads the test database that pytest-django created.
            "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0]
            + "/"
            + connection.settings_dict["NAME"],
        }
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "cms",
                "worker",
                "--pool=solo",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        workers.append(worker)
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=1):
            assert worker.poll() is None, worker.stdout.read().decode()
            assert time.monotonic() < deadline, "the worker did not start within 60 s"
        return worker

    yield start
    for worker in workers:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)


def _drop_broker_connections(app) -> None:
    # Celery keeps its broker connection pools made with the URL of their time; dropping them
    # (as Celery itself does after a fork) makes the next publish use today's URL.
    app._pool = None
    app.amqp._producer_pool = None
