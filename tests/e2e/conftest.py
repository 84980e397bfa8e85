"""End-to-end tests: Debian's Chromium driven by Playwright against a live test server.

Browsers are never downloaded: Playwright launches ``/usr/bin/chromium`` (``apt install
chromium``; ``.ci/run`` installs it). Without it every test here is skipped with that reason,
and CI's service pass (``LIAISON_REQUIRE_SERVICES=1``) fails instead of skipping.
"""

import os
import tempfile
import threading
from collections.abc import Iterator
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test import Client
from django.test.testcases import _MediaFilesHandler

from tests.conftest import CHROMIUM

# Playwright's synchronous API runs an event loop in the test thread; Django's ORM guard
# would refuse every query the test makes while a page is open.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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


ARTIFACTS = os.environ.get(
    "LIAISON_E2E_ARTIFACTS", os.path.join(tempfile.gettempdir(), "liaison-e2e")
)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed:
        item.failed_in_browser = True
    return report


def _keep_pages_of_a_failure(node, contexts) -> None:
    """On failure, keep a screenshot and the HTML of every open page to look at."""
    if not getattr(node, "failed_in_browser", False):
        return
    folder = os.path.join(ARTIFACTS, node.name.replace("/", "_"))
    os.makedirs(folder, exist_ok=True)
    for c, context in enumerate(contexts):
        for p, page in enumerate(context.pages):
            name = os.path.join(folder, f"{c}-{p}")
            page.screenshot(path=f"{name}.png", full_page=True)
            with open(f"{name}.html", "w") as html:
                html.write(page.content())
    print(f"Pages of the failure: {folder}")


@pytest.hookimpl(tryfirst=True)  # before -m selects by marker
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


@pytest.fixture(scope="session", autouse=True)
def _files_served_as_in_production():
    """Django's live server answers STATIC_URL and MEDIA_URL itself, before the middleware
    and the URLconf, and so without the headers production sets (CORS, which the sandboxed
    H5P player needs for fonts and JSON; the sandbox policy on H5P files). Static files go
    to WhiteNoise, as in production, and media to ``tests.e2e.urls``."""
    never = mock.Mock(return_value=False)
    with (
        mock.patch.object(_MediaFilesHandler, "_should_handle", never),
        mock.patch.object(StaticFilesHandler, "_should_handle", never),
    ):
        yield


@pytest.fixture(autouse=True)
def _served_media(settings, tmp_path):
    """Uploads on disk and served by the live server, as the H5P player needs them."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.ROOT_URLCONF = "tests.e2e.urls"


class _Gate:
    """The live server's door: while a test runs, requests pass; between tests they are
    answered 503 without reaching Django, and the reset waits for those already inside.

    Pages send work after a test's last step (the H5P lesson page saves the exercise's
    state a second after a change, and on leaving with ``keepalive``). On PostgreSQL such a
    request raced the flush that resets the database after a transactional test: the flush
    deadlocked, or the request ran after pytest-django had closed the database.
    """

    def __init__(self, application):
        self.application = application
        self.open = False
        self.inside = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            if not self.open:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"between tests"]
            self.inside += 1
        try:
            # Read the whole answer here, so the request is over when the count drops.
            answer = self.application(environ, start_response)
            try:
                return list(answer)
            finally:
                answer.close()
        finally:
            with self.changed:
                self.inside -= 1
                self.changed.notify_all()

    def close(self, timeout: float = 30.0) -> None:
        with self.changed:
            self.open = False
            if not self.changed.wait_for(lambda: self.inside == 0, timeout):
                raise RuntimeError(f"{self.inside} request(s) still running after {timeout}s")


@pytest.fixture(scope="session")
def _gate(live_server) -> _Gate:
    server = live_server.thread.httpd
    gate = _Gate(server.get_app())
    server.set_app(gate)
    return gate


@pytest.fixture
def new_context(request, browser, live_server, _gate, settings, django_db_serialized_rollback):
    """Open browser contexts on the live server, phone-sized when given ``PHONE``.

    Serialized rollback: each test starts from the migrated database (Wagtail's root page,
    locales, the groups of the data migrations), which a transactional test flushes.
    """
    # Links the site builds for outside use (certificate share links, mails) point here.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    opened = []

    def open_context(viewport: dict | None = None):
        options = {"base_url": live_server.url, "locale": "en-GB"}
        if viewport:
            options.update(viewport=viewport, is_mobile=True, has_touch=True)
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        opened.append(context)
        return context

    _gate.open = True
    yield open_context
    _keep_pages_of_a_failure(request.node, opened)
    _gate.close()
    for context in opened:
        context.close()
    _gate.close()  # what the pages sent as they closed


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


def log_in(context, live_server, user) -> None:
    """Give the browser a session for ``user`` (the sign-in journey itself is tested once)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
