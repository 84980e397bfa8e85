"""Signup with allauth: profile fields, email verification, refusals that store nothing."""

import re
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts import roles
from accounts.models import Organisation, User
from tests.factories import OrganisationFactory, UserFactory

SIGNUP_URL = "/en/accounts/signup/"


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Police zone Antwerpen", city="Antwerpen")


def signup_data(**overrides):
    data = {
        "full_name": "Amina Yilmaz",
        "email": "amina@example.org",
        "password1": "river-lantern-9-cobalt",
        "password2": "river-lantern-9-cobalt",
        "audience": "police",
        "organisation": "",
        "new_organisation_name": "",
        "new_organisation_kind": "",
        "new_organisation_city": "",
        "preferred_language": "fr",
    }
    data.update(overrides)
    return data


def test_signup_creates_unverified_trainee_and_sends_verification(client, organisation):
    response = client.post(SIGNUP_URL, signup_data(organisation=organisation.pk))

    assert response.status_code == HTTPStatus.FOUND
    user = User.objects.get(email="amina@example.org")
    assert user.full_name == "Amina Yilmaz"
    assert user.audience == "police"
    assert user.organisation == organisation
    assert user.preferred_language == "fr"
    assert list(user.groups.values_list("name", flat=True)) == [roles.TRAINEES]
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]


def test_login_is_refused_until_email_is_verified_then_link_logs_in(client, organisation):
    client.post(SIGNUP_URL, signup_data(organisation=organisation.pk))
    client.logout()

    response = client.post(
        "/en/accounts/login/",
        {"login": "amina@example.org", "password": "river-lantern-9-cobalt"},
    )
    assert response.status_code == HTTPStatus.FOUND
    # An unverified address is sent to "check your inbox", not signed in.
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://[^\s]+/confirm-email/[^\s]+", mail.outbox[-1].body).group(0)
    path = link.split("testserver", 1)[1]
    response = client.post(path)
    assert EmailAddress.objects.get(email="amina@example.org").verified
    assert client.session["_auth_user_id"] == str(User.objects.get(email="amina@example.org").pk)
    # The preferred language is honoured on landing.
    assert response["Location"].startswith("/fr/")


def test_signup_can_propose_a_new_organisation_awaiting_confirmation(client, db):
    response = client.post(
        SIGNUP_URL,
        signup_data(
            new_organisation_name="  Vluchtelingenwerk   Gent ",
            new_organisation_kind="ngo",
            new_organisation_city="Gent",
        ),
    )

    assert response.status_code == HTTPStatus.FOUND
    user = User.objects.get(email="amina@example.org")
    organisation = user.organisation
    assert organisation.name == "Vluchtelingenwerk Gent"
    assert organisation.is_confirmed is False
    assert organisation.proposed_by == user
    # Not offered to others until an admin confirms it.
    assert organisation.name not in client.get(SIGNUP_URL).content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"audience": ""}, "audience", "Tell us which audience you belong to."),
        (
            {"password1": "password123", "password2": "password123"},
            "password1",
            "This password is too common.",
        ),
        ({}, "organisation", "Choose your organisation, or propose it below if it is missing."),
        (
            {"new_organisation_name": "New NGO", "new_organisation_kind": ""},
            "new_organisation_kind",
            "Say what kind of organisation it is.",
        ),
    ],
    ids=["malformed-email", "missing-audience", "common-password", "no-organisation", "no-kind"],
)
def test_bad_signup_gets_a_clear_message_and_stores_nothing(client, db, overrides, field, message):
    users_before, organisations_before = User.objects.count(), Organisation.objects.count()

    response = client.post(SIGNUP_URL, signup_data(**overrides))

    assert response.status_code == HTTPStatus.OK
    assert message in response.context["form"].errors[field]
    assert message in response.content.decode()
    assert User.objects.count() == users_before
    assert Organisation.objects.count() == organisations_before
    assert EmailAddress.objects.count() == 0


def test_signup_with_existing_email_tells_the_owner_and_creates_nothing(client, organisation):
    """allauth's enumeration protection: the page says "check your email", and the message
    sent to the address explains that an account already exists (nobody else learns it)."""
    UserFactory(email="amina@example.org")
    users_before, organisations_before = User.objects.count(), Organisation.objects.count()

    response = client.post(
        SIGNUP_URL,
        signup_data(new_organisation_name="Another NGO", new_organisation_kind="ngo"),
    )

    assert response.status_code == HTTPStatus.FOUND
    assert User.objects.count() == users_before
    assert Organisation.objects.count() == organisations_before
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    assert "an account using that email address already exists" in mail.outbox[0].body


def test_choosing_and_proposing_an_organisation_at_once_is_refused(client, organisation):
    response = client.post(
        SIGNUP_URL,
        signup_data(
            organisation=organisation.pk, new_organisation_name="Other", new_organisation_kind="ngo"
        ),
    )

    assert response.status_code == HTTPStatus.OK
    assert "not both" in response.content.decode()
    assert not User.objects.filter(email="amina@example.org").exists()


def test_failed_logins_beyond_the_limit_are_refused_even_with_the_right_password(client, db):
    user = UserFactory(email="target@example.org")
    for _attempt in range(5):
        response = client.post(
            "/en/accounts/login/", {"login": user.email, "password": "wrong-password"}
        )
        assert "The email address and/or password you specified are not correct." in (
            response.content.decode()
        )

    response = client.post(
        "/en/accounts/login/", {"login": user.email, "password": "a-long-test-password-42"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session
