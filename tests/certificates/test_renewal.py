"""Expiry reminders (once each) and renewal: study again, new certificate, old superseded."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from certificates.tasks import send_expiry_reminders
from courses import services as course_services
from courses.models import Enrolment, LessonProgress
from outbox.models import Job
from outbox.services import jobs_dispatch_due
from tests.factories import AdminFactory, TraineeFactory, TrainerFactory
from tests.factories.courses import complete_course


def expire_in(certificate, days: int) -> Certificate:
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() + timedelta(days=days)
    )
    certificate.refresh_from_db()
    return certificate


def renew_url(certificate) -> str:
    return f"/en/certificates/{certificate.pk}/renew/"


# --- Reminders ----------------------------------------------------------------------------


def test_the_holder_is_reminded_30_days_before_expiry_once(
    certificate, trainee, course, django_capture_on_commit_callbacks
):
    expire_in(certificate, 29)

    with django_capture_on_commit_callbacks(execute=True):
        assert send_expiry_reminders.delay().get() == 1
        assert send_expiry_reminders.delay().get() == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [trainee.email]
    assert "Forced return procedures" in message.subject
    assert f"http://testserver{course.url}" in message.body
    assert certificate.get_verification_url() in message.body
    certificate.refresh_from_db()
    assert certificate.reminded_at is not None


@pytest.mark.parametrize(
    ("days", "status"),
    [
        (31, Certificate.Status.VALID),
        (-1, Certificate.Status.VALID),
        (10, Certificate.Status.REVOKED),
        (10, Certificate.Status.SUPERSEDED),
    ],
    ids=["too-early", "already-expired", "revoked", "superseded"],
)
def test_no_reminder_outside_the_window_or_for_a_certificate_no_longer_current(
    certificate, days, status
):
    expire_in(certificate, days)
    Certificate.objects.filter(pk=certificate.pk).update(
        status=status,
        revoked_at=timezone.now() if status == "revoked" else None,
        superseded_at=timezone.now() if status == "superseded" else None,
    )

    assert services.certificates_expiry_reminders_send() == 0
    assert mail.outbox == []


def test_a_certificate_that_never_expires_is_never_reminded(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=None)

    assert services.certificates_expiry_reminders_send() == 0


def test_an_erased_holder_is_not_reminded(certificate, trainee):
    from accounts.services import user_erase

    expire_in(certificate, 5)
    user_erase(user=trainee)

    assert services.certificates_expiry_reminders_send() == 0
    assert mail.outbox == []


def test_a_reminder_the_mail_server_refused_is_sent_once_when_it_is_back(
    certificate, monkeypatch, django_capture_on_commit_callbacks
):
    expire_in(certificate, 5)

    def refused(self, messages):  # the mail server is outside our control: mocked
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailBackend, "send_messages", refused)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.certificates_expiry_reminders_send() == 1
    job = Job.objects.get(task="outbox.send_mail")
    assert job.status == Job.Status.PENDING
    assert "ConnectionRefusedError" in job.last_error

    monkeypatch.undo()
    # The next day's run reminds nobody twice; the outbox's sweep sends the waiting mail.
    assert services.certificates_expiry_reminders_send() == 0
    Job.objects.update(due_at=timezone.now())
    assert jobs_dispatch_due() == 1
    assert jobs_dispatch_due() == 0
    assert [message.to for message in mail.outbox] == [[certificate.holder.email]]


def test_the_beat_schedule_runs_the_reminders_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["send-certificate-expiry-reminders"]

    assert entry["task"] == "certificates.send_expiry_reminders"
    assert entry["schedule"].remaining_estimate(timezone.now()) <= timedelta(days=1)


# --- Renewal ------------------------------------------------------------------------------


def test_renewing_too_early_is_refused(certificate, trainee):
    with pytest.raises(ValidationError, match="You can renew this certificate from"):
        services.certificate_renew(certificate=certificate, user=trainee)

    assert Enrolment.objects.get().status == Enrolment.Status.COMPLETED


def test_a_certificate_that_never_expires_cannot_be_renewed(certificate, trainee):
    Certificate.objects.filter(pk=certificate.pk).update(expires_at=None)
    certificate.refresh_from_db()

    with pytest.raises(ValidationError, match="does not expire"):
        services.certificate_renew(certificate=certificate, user=trainee)


def test_a_revoked_certificate_cannot_be_renewed(certificate, trainee, admin_user):
    expire_in(certificate, 5)
    certificate = services.certificate_revoke(certificate=certificate, by=admin_user, reason="x")

    with pytest.raises(ValidationError, match="cannot be renewed"):
        services.certificate_renew(certificate=certificate, user=trainee)


def test_only_the_holder_may_renew(certificate):
    expire_in(certificate, 5)

    with pytest.raises(ValidationError, match="not your certificate"):
        services.certificate_renew(certificate=certificate, user=TraineeFactory())


def test_renewal_starts_the_course_again(certificate, trainee, enrolment):
    expire_in(certificate, 10)

    services.certificate_renew(certificate=certificate, user=trainee)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert enrolment.completed_at is None and enrolment.completion_rule is None
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()
    certificate.refresh_from_db()
    assert certificate.state == "valid"  # still valid until its date


def test_an_expired_certificate_may_be_renewed(certificate, trainee, enrolment):
    expire_in(certificate, -100)

    services.certificate_renew(certificate=certificate, user=trainee)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_completing_the_renewed_course_issues_a_new_certificate_and_supersedes_the_old(
    client, certificate, trainee, lessons, django_capture_on_commit_callbacks
):
    expire_in(certificate, 10)
    services.certificate_renew(certificate=certificate, user=trainee)

    complete_course(trainee, lessons, django_capture_on_commit_callbacks)

    certificate.refresh_from_db()
    new = Certificate.objects.exclude(pk=certificate.pk).get()
    assert certificate.status == Certificate.Status.SUPERSEDED
    assert certificate.superseded_by == new
    assert new.state == "valid"
    assert new.code != certificate.code
    assert new.expires_at > certificate.expires_at
    assert new.pdf
    content = client.get(f"/en/certificates/verify/{certificate.code}/").content.decode()
    assert "Superseded certificate" in content
    assert f'href="/en/certificates/verify/{new.code}/"' in content


def test_the_renewal_completion_delivered_twice_still_gives_two_certificates_in_all(
    certificate, trainee, enrolment, lessons, django_capture_on_commit_callbacks
):
    expire_in(certificate, 10)
    services.certificate_renew(certificate=certificate, user=trainee)
    complete_course(trainee, lessons, django_capture_on_commit_callbacks)

    services.certificate_issue(enrolment_id=enrolment.pk)

    assert Certificate.objects.count() == 2
    assert Certificate.objects.filter(superseded_at__isnull=True).count() == 1


def test_enrolment_renew_refuses_an_enrolment_that_is_not_completed(enrolment):
    with pytest.raises(ValidationError, match="Only a completed course"):
        course_services.enrolment_renew(enrolment=enrolment)


def test_the_course_page_and_my_certificates_offer_renew_when_due(client, certificate, trainee):
    expire_in(certificate, 10)
    client.force_login(trainee)

    course_page = client.get(certificate.course.url).content.decode()
    my_list = client.get("/en/certificates/").content.decode()

    for content in (course_page, my_list):
        assert f'action="{renew_url(certificate)}"' in content


def test_the_course_page_shows_the_certificate_without_renew_when_not_due(
    client, certificate, trainee
):
    client.force_login(trainee)

    content = client.get(certificate.course.url).content.decode()

    assert "Your certificate" in content
    assert renew_url(certificate) not in content


@pytest.mark.parametrize("role", ["anonymous", "other_trainee", "trainer", "admin"])
def test_nobody_else_can_renew(client, certificate, role):
    expire_in(certificate, 10)
    factory = {"other_trainee": TraineeFactory, "trainer": TrainerFactory, "admin": AdminFactory}
    if role in factory:
        client.force_login(factory[role]())

    response = client.post(renew_url(certificate))

    expected = HTTPStatus.FOUND if role == "anonymous" else HTTPStatus.NOT_FOUND
    assert response.status_code == expected
    assert Enrolment.objects.get().status == Enrolment.Status.COMPLETED


def test_the_holder_renews_from_the_page(client, certificate, trainee, course):
    expire_in(certificate, 10)
    client.force_login(trainee)

    response = client.post(renew_url(certificate), follow=True)

    assert response.redirect_chain[-1][0] == course.url
    assert "The course has started again" in response.content.decode()
    assert Enrolment.objects.get().status == Enrolment.Status.ACTIVE


def test_renewing_too_early_from_the_page_says_when(client, certificate, trainee):
    client.force_login(trainee)

    response = client.post(renew_url(certificate), follow=True)

    assert "You can renew this certificate from" in response.content.decode()
    assert Enrolment.objects.get().status == Enrolment.Status.COMPLETED
