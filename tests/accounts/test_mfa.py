"""Two-factor authentication: available to all, enforced for staff roles when switched on."""

from http import HTTPStatus

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group, Permission

from tests.factories import DEFAULT_PASSWORD

MY_ACCOUNT = "/en/accounts/me/"
TOTP_SETUP = "/en/accounts/2fa/totp/activate/"


def log_in(client, user):
    """Log in through allauth so that it records a fresh authentication."""
    client.post("/en/accounts/login/", {"login": user.email, "password": DEFAULT_PASSWORD})
    assert client.session["_auth_user_id"] == str(user.pk)


def open_totp_setup(client):
    """allauth asks for the password again before TOTP setup; answer it, return the page."""
    response = client.get(TOTP_SETUP)
    assert response.status_code == HTTPStatus.FOUND
    reauthenticate = response["Location"]
    assert reauthenticate.startswith("/en/accounts/reauthenticate/")
    assert client.get(reauthenticate).status_code == HTTPStatus.OK
    client.post(reauthenticate, {"password": DEFAULT_PASSWORD})
    return client.get(TOTP_SETUP)


@pytest.fixture
def mfa_enforced(settings):
    settings.LIAISON_REQUIRE_MFA_FOR_STAFF = True


@pytest.mark.parametrize("role_fixture", ["trainer", "programme_manager", "admin_user"])
def test_staff_without_totp_are_sent_to_set_it_up(client, db, request, mfa_enforced, role_fixture):
    log_in(client, request.getfixturevalue(role_fixture))

    for url in (MY_ACCOUNT, "/admin/"):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND, url
        assert response["Location"] == TOTP_SETUP

    response = open_totp_setup(client)
    assert response.status_code == HTTPStatus.OK
    assert "Authenticator App" in response.content.decode()


def current_code(secret):
    counter = next(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counter))


def test_staff_signing_in_with_their_code_pass(client, trainer, mfa_enforced):
    secret = generate_totp_secret()
    TOTP.activate(trainer, secret)

    response = client.post(
        "/en/accounts/login/", {"login": trainer.email, "password": DEFAULT_PASSWORD}
    )
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    client.post("/en/accounts/2fa/authenticate/", {"code": current_code(secret)})

    assert client.session["_auth_user_id"] == str(trainer.pk)
    assert client.get(MY_ACCOUNT).status_code == HTTPStatus.OK
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_a_session_that_never_used_the_second_factor_is_asked_for_a_code(
    client, trainer, mfa_enforced
):
    secret = generate_totp_secret()
    TOTP.activate(trainer, secret)
    client.force_login(trainer)  # as if signed in by a route that skipped the code

    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/en/accounts/2fa/reauthenticate/")

    client.post(response["Location"], {"code": current_code(secret)})
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_anyone_with_admin_access_needs_mfa_not_only_the_role_groups(
    client, db, trainee, mfa_enforced
):
    trainee.user_permissions.add(Permission.objects.get(codename="access_admin"))
    log_in(client, trainee)

    response = client.get(MY_ACCOUNT)

    assert response["Location"] == TOTP_SETUP


def test_wagtail_starter_groups_are_removed(db):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_wagtails_own_login_form_is_replaced_by_allauth(client, trainer):
    get = client.get("/admin/login/?next=/admin/")
    post = client.post("/admin/login/", {"username": trainer.email, "password": DEFAULT_PASSWORD})

    assert get.status_code == HTTPStatus.FOUND
    assert get["Location"] == "/en/accounts/login/?next=/admin/"
    assert post.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session


def test_wagtail_account_page_cannot_change_email_or_password(client, trainer):
    client.force_login(trainer)

    html = client.get("/admin/account/").content.decode()

    assert 'name="name_email-email"' not in html
    assert 'name="password-new_password1"' not in html


def test_trainees_are_not_forced_but_may_set_up_totp(client, trainee, mfa_enforced):
    log_in(client, trainee)

    assert client.get(MY_ACCOUNT).status_code == HTTPStatus.OK
    assert open_totp_setup(client).status_code == HTTPStatus.OK


def test_nothing_is_enforced_when_the_setting_is_off(client, trainer, settings):
    settings.LIAISON_REQUIRE_MFA_FOR_STAFF = False
    client.force_login(trainer)

    assert client.get(MY_ACCOUNT).status_code == HTTPStatus.OK
