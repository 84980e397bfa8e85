"""End-to-end tests: Debian's Chromium driven by Playwright against a live test server.

Browsers are never downloaded: Playwright launches ``/usr/bin/chromium`` (``apt install
chromium``; ``.ci/run`` installs it). Without it every test here is skipped with that reason,
and CI's service pass (``LIAISON_REQUIRE_SERVICES=1``) fails instead of skipping.
"""

import os
from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings
from django.test import Client

# Playwright's synchronous API runs an event loop in the test thread; Django's ORM guard
# would refuse every query the test makes while a page is open.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("LIAISON_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in item.nodeid:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _served_media(settings, tmp_path):
    """Uploads on disk and served by the live server, as the H5P player needs them."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.ROOT_URLCONF = "tests.e2e.urls"


@pytest.fixture
def context(browser, live_server, django_db_serialized_rollback):
    # Serialized rollback: each test starts from the migrated database (Wagtail's root page,
    # locales, the groups of the data migrations), which a transactional test flushes.
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


def log_in(context, live_server, user) -> None:
    """Give the browser a session for ``user`` (the sign-in journey itself is tested once)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
