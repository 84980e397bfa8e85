"""Two-factor authentication: available to all, enforced for staff roles when switched on."""

from http import HTTPStatus

import pytest
from allauth.mfa.models import Authenticator

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


def test_staff_with_totp_pass(client, trainer, mfa_enforced):
    Authenticator.objects.create(user=trainer, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(trainer)

    assert client.get(MY_ACCOUNT).status_code == HTTPStatus.OK


def test_trainees_are_not_forced_but_may_set_up_totp(client, trainee, mfa_enforced):
    log_in(client, trainee)

    assert client.get(MY_ACCOUNT).status_code == HTTPStatus.OK
    assert open_totp_setup(client).status_code == HTTPStatus.OK


def test_nothing_is_enforced_when_the_setting_is_off(client, trainer, settings):
    settings.LIAISON_REQUIRE_MFA_FOR_STAFF = False
    client.force_login(trainer)

    assert client.get(MY_ACCOUNT).status_code == HTTPStatus.OK
