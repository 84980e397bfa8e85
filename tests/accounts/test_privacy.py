"""My account: profile, personal-data download, account deletion."""

import json
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from accounts.models import User
from accounts.selectors import user_personal_data
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory

MY_ACCOUNT = "/en/accounts/me/"
DATA = "/en/accounts/me/data/"
DELETE = "/en/accounts/me/delete/"


@pytest.mark.parametrize("url", [MY_ACCOUNT, DATA, DELETE])
def test_anonymous_visitors_are_sent_to_login(client, db, url):
    response = client.get(url)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/en/accounts/login/")


def test_profile_edit_saves_the_fields(client, trainee):
    organisation = OrganisationFactory(name="Université de Liège", city="Liège")
    client.force_login(trainee)

    response = client.post(
        MY_ACCOUNT,
        {
            "full_name": "Jan Peeters",
            "audience": "student",
            "organisation": organisation.pk,
            "preferred_language": "nl",
        },
    )

    assert response.status_code == HTTPStatus.FOUND
    trainee.refresh_from_db()
    assert (
        trainee.full_name,
        trainee.audience,
        trainee.organisation,
        trainee.preferred_language,
    ) == (
        "Jan Peeters",
        "student",
        organisation,
        "nl",
    )


def test_profile_edit_refuses_a_blank_name(client, trainee):
    client.force_login(trainee)
    name_before = trainee.full_name

    response = client.post(
        MY_ACCOUNT, {"full_name": "", "audience": "police", "preferred_language": "en"}
    )

    assert response.status_code == HTTPStatus.OK
    assert "This field is required." in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.full_name == name_before


def test_data_download_is_json_of_the_users_own_data(client, trainee, trainer):
    client.force_login(trainee)

    response = client.get(DATA)

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith('attachment; filename="liaison-my-data-')
    data = json.loads(response.content)
    account = data["sections"]["account"]
    assert account["email"] == trainee.email
    assert account["full_name"] == trainee.full_name
    assert account["organisation"]["name"] == trainee.organisation.name
    assert account["roles"] == ["Trainees"]
    assert account["email_addresses"] == [
        {"email": trainee.email, "verified": True, "primary": True}
    ]
    assert trainer.email not in response.content.decode()
    assert trainer.full_name not in response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_personal_data_hook_adds_its_section(client, trainee):
    client.force_login(trainee)

    with hooks.register_temporarily(
        "liaison_personal_data", lambda user: {"notes": [f"note of {user.pk}"]}
    ):
        data = json.loads(client.get(DATA).content)

    assert data["sections"]["notes"] == [f"note of {trainee.pk}"]
    assert list(data["sections"]) == [
        "account",
        "courses",
        "assessments",
        "surveys",
        "exercises",
        "certificates",
        "notes",
    ]


def test_a_section_exported_twice_is_refused(trainee):
    with (
        hooks.register_temporarily("liaison_personal_data", lambda user: {"account": {}}),
        pytest.raises(ImproperlyConfigured, match="'account'"),
    ):
        user_personal_data(trainee)


def test_account_deletion_with_wrong_password_changes_nothing(client, trainee):
    client.force_login(trainee)

    response = client.post(DELETE, {"password": "not-my-password"})

    assert response.status_code == HTTPStatus.OK
    assert "This password is not correct." in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.is_active and not trainee.is_erased


def test_account_deletion_pseudonymises_and_keeps_statistics(client, trainee, admin_user):
    email, organisation, audience = trainee.email, trainee.organisation, trainee.audience
    name = trainee.full_name
    Authenticator.objects.create(user=trainee, type=Authenticator.Type.TOTP, data={})
    UserProfile.get_for_user(trainee)
    log(instance=trainee, action="wagtail.edit", user=admin_user)
    assert ModelLogEntry.objects.filter(label__contains=name).exists()
    client.force_login(trainee)

    response = client.post(DELETE, {"password": DEFAULT_PASSWORD})

    assert response.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session
    erased = User.objects.get(pk=trainee.pk)
    assert erased.is_erased and not erased.is_active
    assert erased.full_name == ""
    assert email not in erased.email
    assert not erased.has_usable_password()
    assert not erased.groups.exists()
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not Authenticator.objects.filter(user=erased).exists()
    assert not UserProfile.objects.filter(user=erased).exists()
    assert not ModelLogEntry.objects.filter(label__contains=name).exists()
    # Aggregate statistics still count this person by audience and organisation.
    assert (erased.organisation, erased.audience) == (organisation, audience)
    response = client.post("/en/accounts/login/", {"login": email, "password": DEFAULT_PASSWORD})
    assert "_auth_user_id" not in client.session


def test_the_only_administrator_cannot_delete_their_account(client, admin_user):
    client.force_login(admin_user)

    response = client.post(DELETE, {"password": DEFAULT_PASSWORD})

    assert response.status_code == HTTPStatus.OK
    assert "You are the only administrator." in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.is_active and admin_user.is_superuser
