"""Celery: eager in-process without a broker, a real worker through Redis in CI."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from cms.celery import app
from cms.tasks import healthcheck

PROJECT = Path(__file__).resolve().parents[2]


def test_healthcheck_task_runs_eagerly(db):
    result = healthcheck.delay()

    assert result.get(timeout=5) == {
        "database": connection.vendor,
        "name": str(connection.settings_dict["NAME"]),
        "ok": True,
    }


@pytest.mark.postgres
@pytest.mark.redis
# Committed data is needed for a second process to see it; the rollback restores the role
# groups that migrations created, for the tests that run after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_runs_the_task_through_redis():
    """Start `celery -A cms worker` as its own process and send it a task over Redis."""
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
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=1):
            assert worker.poll() is None, worker.stdout.read().decode()
            assert time.monotonic() < deadline, "the worker did not start within 60 s"
        result = healthcheck.apply_async()
        assert result.get(timeout=30) == {
            "database": "postgresql",
            "name": connection.settings_dict["NAME"],
            "ok": True,
        }
    finally:
        app.conf.task_always_eager = eager
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
