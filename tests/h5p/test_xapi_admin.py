"""xAPI clients and the statement log in the Wagtail admin: superusers only."""

import re
from http import HTTPStatus

import pytest

from h5p.models import Statement, XAPIClient
from h5p.xapi.services import statement_record
from h5p.xapi.vocabulary import COMPLETED, activity_iri
from tests.factories import TrainerFactory
from tests.factories.h5p import XAPI_URL, XAPI_VERSION, basic

CLIENTS = "/admin/xapi_clients/"
STATEMENTS = "/admin/xapi_statements/"


@pytest.fixture
def superuser_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_creating_a_client_shows_its_secret_once_and_keeps_only_a_digest(superuser_client):
    response = superuser_client.post(
        CLIENTS + "new/",
        {"name": "Reporting LRS", "can_read": "on", "can_write": "on", "is_active": "on"},
    )

    assert response.status_code == HTTPStatus.OK
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    key = re.search(r"<code data-xapi-key>([^<]+)</code>", page).group(1)
    secret = re.search(r"<code data-xapi-secret>([^<]+)</code>", page).group(1)
    client = XAPIClient.objects.get()
    assert client.key == key and client.can_write
    assert secret not in client.secret_hash
    # The secret works at once, and is nowhere to be seen again.
    answer = superuser_client.get(XAPI_URL, **XAPI_VERSION, **basic(key, secret))
    assert answer.status_code == HTTPStatus.OK
    assert secret not in superuser_client.get(CLIENTS).content.decode()
    assert secret not in superuser_client.get(f"{CLIENTS}edit/{client.pk}/").content.decode()


def test_editing_a_client_keeps_its_credentials(superuser_client):
    client = XAPIClient.objects.create(name="Tool", key="k1", secret_hash="sha256$x")

    response = superuser_client.post(
        f"{CLIENTS}edit/{client.pk}/", {"name": "Tool", "can_read": "on", "is_active": ""}
    )

    assert response.status_code == HTTPStatus.FOUND
    client.refresh_from_db()
    assert (client.key, client.secret_hash, client.is_active) == ("k1", "sha256$x", False)


@pytest.mark.parametrize("url", [CLIENTS, CLIENTS + "new/", STATEMENTS])
def test_staff_who_are_not_superusers_cannot_reach_the_xapi_screens(client, db, url):
    trainer = TrainerFactory()
    trainer.is_staff = True
    trainer.save()
    client.force_login(trainer)

    response = client.get(url)

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert "xapi" not in response.get("Location", "")


def test_the_statement_log_is_read_only(superuser_client, trainee):
    stored = statement_record(
        user=trainee, verb=COMPLETED, object_id=activity_iri("lesson", 1), object_name="L"
    )

    listing = superuser_client.get(STATEMENTS)
    inspect = superuser_client.get(f"{STATEMENTS}inspect/{stored.pk}/")
    add = superuser_client.get(STATEMENTS + "new/")
    edit = superuser_client.post(f"{STATEMENTS}edit/{stored.pk}/", {"voided": "on"})

    assert listing.status_code == HTTPStatus.OK
    assert activity_iri("lesson", 1) in listing.content.decode()
    assert inspect.status_code == HTTPStatus.OK
    assert add.status_code != HTTPStatus.OK
    assert edit.status_code != HTTPStatus.OK
    assert not Statement.objects.get().voided
