"""Admins revoke certificates with a reason, in the Wagtail admin; nobody else can."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from certificates import services
from certificates.models import Certificate
from tests.factories import ProgrammeManagerFactory, TraineeFactory, TrainerFactory

INDEX_URL = "/admin/issued_certificates/"


def revoke_url(certificate) -> str:
    return f"/admin/issued_certificates/revoke/{certificate.pk}/"


def inspect_url(certificate) -> str:
    return f"/admin/issued_certificates/inspect/{certificate.pk}/"


def test_revoking_records_who_when_and_why(certificate, admin_user):
    services.certificate_revoke(certificate=certificate, by=admin_user, reason=" Forged sheet ")

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.state == "revoked"
    assert certificate.revoked_by == admin_user
    assert certificate.revoked_reason == "Forged sheet"
    assert certificate.revoked_at is not None


def test_a_reason_is_required(certificate, admin_user):
    with pytest.raises(ValidationError, match="Give the reason"):
        services.certificate_revoke(certificate=certificate, by=admin_user, reason="  ")


def test_revoking_twice_is_refused(certificate, admin_user):
    services.certificate_revoke(certificate=certificate, by=admin_user, reason="One")

    with pytest.raises(ValidationError, match="already been revoked"):
        services.certificate_revoke(certificate=certificate, by=admin_user, reason="Two")


def test_only_admins_may_revoke(certificate, trainer):
    with pytest.raises(ValidationError, match="Only administrators"):
        services.certificate_revoke(certificate=certificate, by=trainer, reason="No")

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_an_admin_finds_the_certificate_by_its_printed_code(client, certificate, admin_user):
    client.force_login(admin_user)

    response = client.get(INDEX_URL, {"q": certificate.code_display.lower()})

    assert response.status_code == HTTPStatus.OK
    assert certificate.holder_name in response.content.decode()
    assert revoke_url(certificate) in response.content.decode()


def test_an_admin_revokes_from_the_admin_with_a_reason(client, certificate, admin_user):
    client.force_login(admin_user)
    assert client.get(revoke_url(certificate)).status_code == HTTPStatus.OK

    response = client.post(revoke_url(certificate), {"reason": "Attendance was forged"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == inspect_url(certificate)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoked_reason == "Attendance was forged"
    assert ModelLogEntry.objects.filter(action="certificates.revoke").count() == 1
    inspect = client.get(inspect_url(certificate)).content.decode()
    assert "Attendance was forged" in inspect
    assert revoke_url(certificate) not in inspect


def test_the_admin_form_asks_for_the_reason(client, certificate, admin_user):
    client.force_login(admin_user)

    response = client.post(revoke_url(certificate), {"reason": ""})

    assert response.status_code == HTTPStatus.OK
    assert "This field is required." in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


@pytest.mark.parametrize(
    "factory",
    [TrainerFactory, ProgrammeManagerFactory, TraineeFactory],
    ids=["trainer", "programme-manager", "trainee"],
)
def test_nobody_but_admins_reaches_the_certificate_admin(client, certificate, factory):
    client.force_login(factory())

    for url in (INDEX_URL, inspect_url(certificate), revoke_url(certificate)):
        response = client.get(url)
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN), url
        assert certificate.holder_name not in response.content.decode()
    response = client.post(revoke_url(certificate), {"reason": "Because"})
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.VALID


def test_even_admins_cannot_edit_or_delete_a_certificate(client, certificate, admin_user):
    client.force_login(admin_user)

    for url in (
        f"/admin/issued_certificates/edit/{certificate.pk}/",
        f"/admin/issued_certificates/delete/{certificate.pk}/",
        "/admin/issued_certificates/new/",
    ):
        response = client.get(url)
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN), url
    assert client.post(f"/admin/issued_certificates/delete/{certificate.pk}/").status_code in (
        HTTPStatus.FOUND,
        HTTPStatus.FORBIDDEN,
    )
    assert Certificate.objects.filter(pk=certificate.pk).exists()
