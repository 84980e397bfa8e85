"""Celery: eager in-process without a broker, a real worker through Redis in CI."""

import os

import pytest
from django.db import connection

from cms.tasks import healthcheck


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
def test_a_real_worker_runs_the_task_through_redis(celery_worker_process):
    """Start `celery -A cms worker` as its own process and send it a task over Redis."""
    celery_worker_process(os.environ["CELERY_BROKER_URL"])

    result = healthcheck.apply_async()

    assert result.get(timeout=30) == {
        "database": "postgresql",
        "name": connection.settings_dict["NAME"],
        "ok": True,
    }
