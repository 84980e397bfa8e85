"""Security headers on representative pages, and the H5P player's own, looser policy.

Every page for people keeps ``script-src 'self'``: no inline script, no eval, no other host.
The one exception is the H5P player page (README, "H5P exercises"): its bundled H5P core
needs eval and inline scripts, so its policy allows them, and only them, for that page, which
only this site may frame. The Wagtail admin's own policy is checked in tests/cms/test_pages.py.
"""

from collections.abc import Callable
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import translation

from tests.security.conftest import World


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} appears twice"
        directives[name] = sources
    return directives


def assert_common_headers(response) -> None:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def _en(name: str, *args) -> Callable[[World], str]:
    def path(world: World) -> str:
        with translation.override("en"):
            return reverse(name, args=[arg(world) if callable(arg) else arg for arg in args])

    return path


# (page, who opens it, its path)
PAGES: list[tuple[str, str, Callable[[World], str]]] = [
    ("home", "anonymous", lambda w: w.home.url),
    ("catalogue", "anonymous", lambda w: w.catalogue.url),
    ("course", "anonymous", lambda w: w.course.url),
    ("course, enrolled", "trainee", lambda w: w.course.url),
    ("lesson", "trainee", lambda w: w.lesson.url),
    ("lesson that frames the H5P player", "trainee", lambda w: w.h5p_lesson.url),
    ("quiz", "trainee", _en("assessments:quiz_detail", lambda w: w.quiz.pk)),
    ("quiz attempt", "trainee", _en("assessments:attempt_take", lambda w: w.attempt_open.pk)),
    ("quiz result", "trainee", _en("assessments:attempt_result", lambda w: w.attempt_done.pk)),
    ("survey", "trainee", _en("assessments:survey_answer", lambda w: w.reaction_survey.pk)),
    ("my learning", "trainee", _en("courses:my_learning")),
    ("my certificates", "trainee", _en("certificates:my_certificates")),
    ("certificate verification form", "anonymous", _en("certificates:verify_form")),
    (
        "certificate verification",
        "anonymous",
        _en("certificates:verify", lambda w: w.certificate.code),
    ),
    ("login (also the admin's)", "anonymous", _en("account_login")),
    ("signup", "anonymous", _en("account_signup")),
    ("password reset", "anonymous", _en("account_reset_password")),
    ("my account", "trainee", _en("accounts:my_account")),
    ("two-factor", "trainee", _en("mfa_index")),
    ("cohort progress", "trainer", _en("courses:cohort_progress", lambda w: w.cohort.pk)),
    ("report", "programme_manager", _en("reports:run", lambda w: w.report_run.pk)),
    ("page not found", "anonymous", lambda w: "/en/no-such-page/"),
]


@pytest.mark.parametrize(("page", "role", "path"), PAGES, ids=[page for page, _, _ in PAGES])
def test_pages_keep_a_strict_policy(client, world, db, page, role, path):
    if world.users[role]:
        client.force_login(world.users[role])

    response = client.get(path(world))

    assert response.status_code in (HTTPStatus.OK, HTTPStatus.NOT_FOUND)
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert_common_headers(response)


def test_the_admin_login_address_leads_to_the_strict_login_page(client, world, db):
    response = client.get("/admin/login/?next=/admin/")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/accounts/login/?next=/admin/"
    assert_common_headers(response)


def test_the_h5p_player_frame_is_sandboxed_by_its_own_policy(client, world, db):
    client.force_login(world.trainee)
    with translation.override("en"):
        url = reverse("h5p:frame")

    response = client.get(url)

    assert response.status_code == HTTPStatus.OK
    directives = policy(response)
    # Whatever the uploaded libraries do, they do it in an opaque origin (no session, no
    # storage, no access to the lesson page) and may read only the H5P files.
    assert directives["sandbox"] == ["allow-scripts", "allow-forms", "allow-popups"]
    assert directives["default-src"] == ["'none'"]
    assert directives["connect-src"] == ["http://testserver/media/h5p/"]
    assert "'self'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["form-action"] == ["'none'"]
    # Lessons of this site frame it; nobody else may.
    assert directives["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert_common_headers(response)
