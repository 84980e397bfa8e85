"""My certificates: the holder's list, PDF and share link; nobody else's."""

from http import HTTPStatus

import pytest

from certificates import services
from tests.factories import AdminFactory, TraineeFactory, TrainerFactory

LIST_URL = "/en/certificates/"


def pdf_url(certificate) -> str:
    return f"/en/certificates/{certificate.pk}/pdf/"


def login_as(client, role, holder):
    user = {
        "anonymous": None,
        "holder": holder,
        "other_trainee": TraineeFactory(),
        "trainer": TrainerFactory(),
        "admin": AdminFactory(),
    }[role]
    if user:
        client.force_login(user)
    return user


def test_the_holder_sees_their_certificate_with_pdf_and_share_link(client, certificate, trainee):
    client.force_login(trainee)

    content = client.get(LIST_URL).content.decode()

    assert "Forced return procedures" in content
    assert certificate.code_display in content
    assert pdf_url(certificate) in content
    assert f'value="http://testserver/certificates/verify/{certificate.code}/"' in content
    assert "Renew" not in content  # it expires in two years


@pytest.mark.parametrize("role", ["other_trainee", "trainer", "admin"])
def test_others_do_not_see_the_certificate(client, certificate, trainee, role):
    login_as(client, role, trainee)

    response = client.get(LIST_URL)

    assert response.status_code == HTTPStatus.OK
    assert certificate.code_display not in response.content.decode()
    assert "You have no certificates yet." in response.content.decode()


def test_the_navigation_links_to_my_certificates(client, trainee, home):
    client.force_login(trainee)

    assert 'href="/en/certificates/">My certificates</a>' in client.get("/en/").content.decode()


def test_the_holder_downloads_the_pdf(client, certificate, trainee):
    client.force_login(trainee)

    response = client.get(pdf_url(certificate))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "certificate-forced-return-procedures-" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_pdf_is_drawn_again_when_its_file_is_missing(client, certificate, trainee, media):
    (media / certificate.pdf.name).unlink()
    client.force_login(trainee)

    response = client.get(pdf_url(certificate))

    assert response.status_code == HTTPStatus.OK
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    certificate.refresh_from_db()
    assert (media / certificate.pdf.name).is_file()


def test_a_revoked_certificate_has_no_pdf_to_download(client, certificate, trainee, admin_user):
    services.certificate_revoke(certificate=certificate, by=admin_user, reason="Error")
    client.force_login(trainee)

    assert client.get(pdf_url(certificate)).status_code == HTTPStatus.NOT_FOUND
    content = client.get(LIST_URL).content.decode()
    assert "Revoked" in content
    assert pdf_url(certificate) not in content
