"""Shared fixtures; tests that need PostgreSQL or Redis skip, with the reason, when unset."""

import os

import pytest
from django.core.cache import cache

from tests.factories import (
    AdminFactory,
    ProgrammeManagerFactory,
    TraineeFactory,
    TrainerFactory,
)

_SERVICE_MARKS = {
    "postgres": (
        lambda: os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        "needs PostgreSQL: set DATABASE_URL=postgres://... (CI does)",
    ),
    "redis": (
        lambda: os.environ.get("CELERY_BROKER_URL", "").startswith("redis://"),
        "needs Redis: set CELERY_BROKER_URL=redis://... (CI does)",
    ),
}


def pytest_runtest_setup(item):
    for mark, (available, reason) in _SERVICE_MARKS.items():
        if item.get_closest_marker(mark) and not available():
            # CI's service pass sets this, so a mistyped URL fails instead of skipping.
            if os.environ.get("LIAISON_REQUIRE_SERVICES") == "1":
                pytest.fail(f"LIAISON_REQUIRE_SERVICES=1 but this test {reason}")
            pytest.skip(reason)


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
