"""Public verification: no login ever, the database's word, clear 404s, rate-limited."""

from http import HTTPStatus

import pytest
from django.utils import timezone

from accounts.services import user_erase
from certificates import services
from certificates.models import Certificate
from tests.factories import AdminFactory, TraineeFactory, TrainerFactory

FORM_URL = "/en/certificates/verify/"


def page_url(code: str) -> str:
    return f"/en/certificates/verify/{code}/"


@pytest.mark.parametrize("role", ["anonymous", "holder", "other_trainee", "trainer", "admin"])
def test_every_role_sees_the_same_verification_page(client, certificate, trainee, role):
    user = {
        "anonymous": None,
        "holder": trainee,
        "other_trainee": TraineeFactory(),
        "trainer": TrainerFactory(),
        "admin": AdminFactory(),
    }[role]
    if user:
        client.force_login(user)

    response = client.get(page_url(certificate.code))

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Valid certificate" in content
    assert certificate.holder_name in content
    assert "Forced return procedures" in content
    assert certificate.code_display in content


def test_the_page_shows_hours_dates_issuer_and_the_note_for_employers(client, certificate):
    content = client.get(page_url(certificate.code)).content.decode()

    expires = timezone.localtime(certificate.expires_at)
    assert "<dt>Hours</dt><dd>1</dd>" in content
    assert f"{expires:%b}. {expires.day}, {expires.year}" in content
    assert "Liaison · signed by Ann Peeters, Head of training" in content
    assert "This page, not the PDF, is the proof" in content


def test_the_page_is_not_indexed_nor_cached(client, certificate):
    response = client.get(page_url(certificate.code))

    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_the_qr_address_without_language_redirects_to_the_page_in_the_visitors_language(
    client, certificate
):
    response = client.get(f"/certificates/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="fr")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"/fr/certificates/verify/{certificate.code}/"
    assert client.get(response["Location"]).status_code == HTTPStatus.OK


def test_the_page_reads_the_database_so_an_edited_pdf_cannot_verify(client, certificate):
    # What the PDF says does not matter: the page shows the record, here changed behind it.
    Certificate.objects.filter(pk=certificate.pk).update(
        holder_name="Name On Record", course_title="Course On Record"
    )

    content = client.get(page_url(certificate.code)).content.decode()

    assert "Name On Record" in content and "Course On Record" in content


@pytest.mark.parametrize(
    "typed",
    [
        "{grouped}",
        "{lower}",
        "{spaced}",
    ],
)
def test_codes_typed_with_dashes_spaces_or_lowercase_lead_to_the_certificate(
    client, certificate, typed
):
    grouped = certificate.code_display
    code = typed.format(grouped=grouped, lower=grouped.lower(), spaced=grouped.replace("-", " "))

    response = client.get(page_url(code), follow=True)

    assert response.status_code == HTTPStatus.OK
    assert response.redirect_chain[-1][0] == page_url(certificate.code)
    assert "Valid certificate" in response.content.decode()


def test_an_unknown_code_gets_a_clear_404(client, certificate):
    guess = "A" * 32

    response = client.get(page_url(guess))

    assert response.status_code == HTTPStatus.NOT_FOUND
    content = response.content.decode()
    assert "No such certificate" in content
    assert "Liaison has no certificate with this code" in content
    assert certificate.holder_name not in content


def test_random_guesses_find_nothing(client, certificate):
    from certificates.codes import code_new

    for _ in range(10):
        assert client.get(page_url(code_new())).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("ABCD-EFGH", "A certificate code has 32 letters and digits"),
        ("A" * 33, "this one has 33"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ23456!", "only the letters A to Z and the digits 2 to 7"),
    ],
)
def test_a_malformed_code_gets_a_404_that_says_what_is_wrong(client, certificate, code, message):
    response = client.get(page_url(code))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert message in response.content.decode()


def test_a_malformed_code_is_refused_before_any_query(rf, db):
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from certificates.views import verify

    request = rf.get(page_url("ABCD"))
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as queries:
        response = verify(request, code="ABCD")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not [q for q in queries.captured_queries if "certificates_certificate" in q["sql"]]


def test_the_form_leads_a_typed_code_to_its_page(client, certificate):
    response = client.get(FORM_URL, {"code": certificate.code_display.lower()})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == page_url(certificate.code)


def test_the_form_explains_a_malformed_code(client, db):
    response = client.get(FORM_URL, {"code": "ABCD-9999"})

    assert response.status_code == HTTPStatus.OK
    assert "only the letters A to Z and the digits 2 to 7" in response.content.decode()


def test_the_form_without_language_redirects_keeping_the_code(client, db):
    response = client.get("/certificates/verify/", {"code": "abcd"})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/certificates/verify/?code=abcd"


def test_the_form_is_rate_limited_per_ip(settings, client, db):
    for _ in range(30):
        assert client.get(FORM_URL, {"code": "x"}).status_code == HTTPStatus.OK

    limited = client.get(FORM_URL, {"code": "x"})
    other_ip = client.get(FORM_URL, {"code": "x"}, REMOTE_ADDR="192.0.2.7")

    assert limited.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many certificate codes were checked" in limited.content.decode()
    assert limited["Retry-After"] == "60"
    assert other_ip.status_code == HTTPStatus.OK


def test_the_verification_page_is_rate_limited_against_guessing(client, certificate):
    for _ in range(30):
        client.get(page_url("B" * 32))

    response = client.get(page_url(certificate.code))

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_an_expired_certificate_shows_expired(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() - timezone.timedelta(days=1)
    )

    content = client.get(page_url(certificate.code)).content.decode()

    assert "Expired certificate" in content
    assert "Valid certificate" not in content


def test_a_revoked_certificate_shows_revoked_with_the_date_but_not_the_reason(
    client, certificate, admin_user
):
    services.certificate_revoke(
        certificate=certificate, by=admin_user, reason="Attendance sheet was forged"
    )
    certificate.refresh_from_db()

    content = client.get(page_url(certificate.code)).content.decode()

    revoked = timezone.localtime(certificate.revoked_at)
    assert "Revoked certificate" in content
    assert f"revoked it on {revoked:%b}. {revoked.day}, {revoked.year}" in content
    assert "forged" not in content


def test_an_erased_holders_name_is_no_longer_shown(client, certificate, trainee):
    name = certificate.holder_name

    user_erase(user=trainee)

    content = client.get(page_url(certificate.code)).content.decode()
    assert name not in content
    assert "the holder has deleted their Liaison account" in content
    assert "Forced return procedures" in content
    certificate.refresh_from_db()
    assert certificate.holder_name == "" and certificate.body == "" and not certificate.pdf
