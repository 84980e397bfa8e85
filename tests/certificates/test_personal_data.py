"""The trainee's data export lists their certificates; erasure forgets the name on them."""

from accounts.selectors import user_personal_data
from accounts.services import user_erase
from certificates import services


def test_the_data_export_includes_the_certificates(client, certificate, trainee, admin_user):
    services.certificate_revoke(certificate=certificate, by=admin_user, reason="Mistake")
    client.force_login(trainee)

    response = client.get("/en/accounts/me/data/")

    assert response.status_code == 200
    data = response.json()["sections"]["certificates"]
    assert data == [
        {
            "verification_code": certificate.code_display,
            "verification_url": f"http://testserver/certificates/verify/{certificate.code}/",
            "course": "Forced return procedures",
            "holder_name": trainee.full_name,
            "holder_organisation": trainee.organisation.name,
            "hours": "1.0",
            "language": "en",
            "completed_at": data[0]["completed_at"],
            "issued_at": data[0]["issued_at"],
            "expires_at": data[0]["expires_at"],
            "status": "revoked",
            "revoked_at": data[0]["revoked_at"],
            "revoked_reason": "Mistake",
            "superseded_at": None,
            "expiry_reminder_sent_at": None,
        }
    ]
    assert data[0]["expires_at"] and data[0]["revoked_at"]


def test_another_users_export_has_no_certificates(certificate, trainer):
    assert user_personal_data(trainer)["sections"]["certificates"] == []


def test_erasing_the_account_removes_the_name_and_the_pdf(certificate, trainee, media):
    stored = media / certificate.pdf.name

    user_erase(user=trainee)

    certificate.refresh_from_db()
    assert certificate.holder_name == ""
    assert certificate.holder_organisation == ""
    assert certificate.body == ""
    assert not certificate.pdf
    assert not stored.exists()
    # The record itself stays: an employer still learns that the course was certified.
    assert certificate.course_title == "Forced return procedures"
