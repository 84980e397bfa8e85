"""Completing a course issues one certificate, whatever happens to the completion event."""

from datetime import datetime
from decimal import Decimal
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from certificates import services
from certificates.models import Certificate
from certificates.services import _add_months
from certificates.tasks import issue_certificate
from courses import services as course_services
from courses.models import CoursePage, Enrolment
from courses.signals import course_completed
from outbox.models import Job
from tests.factories import TraineeFactory
from tests.factories.certificates import CertificateTemplateFactory
from tests.factories.courses import add_course, complete_course, study


def test_completing_a_course_issues_its_certificate_within_one_task_run(
    media, template, trainee, enrolment, lessons, django_capture_on_commit_callbacks
):
    CoursePage.objects.filter(pk=enrolment.course_id).update(estimated_hours=Decimal("3.5"))

    complete_course(trainee, lessons, django_capture_on_commit_callbacks)

    enrolment.refresh_from_db()
    certificate = Certificate.objects.get()
    assert certificate.holder == trainee
    assert certificate.enrolment == enrolment
    assert certificate.course_id == enrolment.course_id
    assert certificate.holder_name == trainee.full_name
    assert certificate.course_title == "Forced return procedures"
    assert certificate.hours == Decimal("3.5")
    assert certificate.completed_at == enrolment.completed_at
    assert certificate.status == Certificate.Status.VALID
    assert certificate.state == "valid"
    assert certificate.template == template
    assert certificate.signatory_name == "Ann Peeters"
    assert trainee.full_name in certificate.body and "3.5 hours" in certificate.body
    assert trainee.organisation.name in certificate.body
    assert certificate.pdf.name.startswith("certificates/")
    assert (media / certificate.pdf.name).read_bytes().startswith(b"%PDF")
    # In the private storage: nothing under the public media folder, and no URL at all.
    assert not list(media.glob("public/**/*.pdf"))
    with pytest.raises(ValueError, match="private file"):
        _url = certificate.pdf.url


def test_the_pdf_is_stored_under_a_random_name_that_tells_nothing(certificate):
    first = certificate.pdf.name
    stem = first.removeprefix("certificates/").removesuffix(".pdf")

    services.certificate_pdf_render(certificate=certificate)

    assert len(stem) >= 32
    assert certificate.code not in first
    assert certificate.pdf.name != first


def test_the_task_run_twice_issues_one_certificate(certificate, enrolment):
    first = issue_certificate.delay(enrolment.pk).get()
    second = issue_certificate.delay(enrolment.pk).get()

    assert first == second == certificate.pk
    assert Certificate.objects.count() == 1


def test_a_completion_event_delivered_twice_issues_one_certificate(
    certificate, enrolment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        course_completed.send(sender=Enrolment, enrolment_id=enrolment.pk)
        course_completed.send(sender=Enrolment, enrolment_id=enrolment.pk)

    assert list(Certificate.objects.values_list("pk", flat=True)) == [certificate.pk]


def test_the_database_refuses_a_second_certificate_for_one_completion(certificate):
    from django.db import IntegrityError, transaction

    duplicate = Certificate(
        holder=certificate.holder,
        enrolment=certificate.enrolment,
        course=certificate.course,
        language="en",
        holder_name="x",
        course_title="x",
        hours=1,
        title="x",
        body="x",
        signatory_name="x",
        signatory_title="x",
        completed_at=certificate.completed_at,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_course_without_a_template_issues_no_certificate(
    media, trainee, enrolment, lessons, django_capture_on_commit_callbacks
):
    complete_course(trainee, lessons, django_capture_on_commit_callbacks)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert not Certificate.objects.exists()


def test_a_template_waiting_for_its_first_review_issues_nothing(
    media, template, trainee, enrolment, lessons, django_capture_on_commit_callbacks
):
    """A new template is a draft until a second trainer approves it: no certificate carries
    text nobody reviewed."""
    template.live = False
    template.save(update_fields=["live"])

    complete_course(trainee, lessons, django_capture_on_commit_callbacks)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert not Certificate.objects.exists()


def test_an_enrolment_not_completed_gets_no_certificate(media, template, enrolment):
    assert services.certificate_issue(enrolment_id=enrolment.pk) is None
    assert issue_certificate.delay(enrolment.pk).get() is None
    assert not Certificate.objects.exists()


def test_the_template_of_another_course_is_not_used(
    media, catalogue, trainee, enrolment, lessons, django_capture_on_commit_callbacks
):
    other = add_course(catalogue, title="Identification", modules=1, lessons=1)
    CertificateTemplateFactory(courses=[other])

    complete_course(trainee, lessons, django_capture_on_commit_callbacks)

    assert not Certificate.objects.exists()


def test_the_template_in_the_trainees_language_is_preferred(
    media, template, trainee, enrolment, lessons, django_capture_on_commit_callbacks
):
    french = template.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Certificat de réussite"
    french.body = "{trainee_name} a suivi « {course} » le {completion_date}."
    french.save()
    trainee.preferred_language = "fr"
    trainee.save()

    complete_course(trainee, lessons, django_capture_on_commit_callbacks)

    certificate = Certificate.objects.get()
    assert certificate.template == french
    assert certificate.language == "fr"
    assert certificate.title == "Certificat de réussite"
    assert " a suivi « Forced return procedures » le " in certificate.body


def test_the_expiry_date_is_the_completion_date_plus_the_validity(certificate):
    assert certificate.expires_at == _add_months(certificate.completed_at, 24)
    assert certificate.expires_at.date().year == certificate.completed_at.date().year + 2


def test_a_template_without_validity_issues_certificates_that_never_expire(
    media, template, trainee, enrolment, lessons, django_capture_on_commit_callbacks
):
    template.validity_months = None
    template.save()

    complete_course(trainee, lessons, django_capture_on_commit_callbacks)

    certificate = Certificate.objects.get()
    assert certificate.expires_at is None
    assert certificate.state == "valid"


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        ((2026, 1, 31), 1, (2026, 2, 28)),
        ((2028, 1, 31), 1, (2028, 2, 29)),
        ((2026, 11, 15), 3, (2027, 2, 15)),
        ((2026, 5, 10), 24, (2028, 5, 10)),
    ],
)
def test_months_are_added_calendar_wise(start, months, end):
    zone = ZoneInfo("Europe/Brussels")
    assert _add_months(datetime(*start, 9, 30, tzinfo=zone), months) == datetime(
        *end, 9, 30, tzinfo=zone
    )


def test_expired_is_computed_from_the_expiry_date(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() - timezone.timedelta(minutes=1)
    )
    certificate.refresh_from_db()

    assert certificate.status == Certificate.Status.VALID
    assert certificate.is_expired
    assert certificate.state == "expired"


def test_what_the_certificate_says_is_frozen_at_issue(certificate, trainee, course):
    trainee.full_name = "Someone Else"
    trainee.save()
    course.title = "Renamed course"
    course.save_revision().publish()

    certificate.refresh_from_db()
    assert certificate.holder_name != "Someone Else"
    assert certificate.course_title == "Forced return procedures"


def test_no_certificate_is_issued_over_a_revoked_one(
    certificate, enrolment, admin_user, trainee, lessons
):
    services.certificate_revoke(certificate=certificate, by=admin_user, reason="Fraud")
    # Whatever brings the enrolment back to a new completion, revocation stands.
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=timezone.now())

    assert services.certificate_issue(enrolment_id=enrolment.pk) is None
    assert Certificate.objects.count() == 1


def test_a_lesson_completed_after_the_course_changes_nothing(
    certificate, trainee, lessons, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        study(trainee, lessons[0])

    assert Certificate.objects.count() == 1


def test_completions_left_without_a_certificate_before_the_outbox_are_issued_once(
    media, template, trainee, enrolment, lessons, course, catalogue, drain_outbox,
    django_capture_on_commit_callbacks,
):
    complete_course(trainee, lessons, django_capture_on_commit_callbacks)
    other = TraineeFactory()
    other_enrolment = course_services.enrolment_enrol(trainee=other, course=course)[0]
    for lesson in lessons:
        study(other, lesson)
    # Before the outbox a broker outage lost the task: the completion has no job at all.
    Job.objects.all().delete()
    untemplated = add_course(catalogue, title="No certificate here")
    third = course_services.enrolment_enrol(trainee=other, course=untemplated)[0]
    Enrolment.objects.filter(pk=third.pk).update(
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now()
    )
    out = StringIO()

    call_command("certificates_issue_missing", stdout=out)
    drain_outbox()

    assert out.getvalue() == "1 certificates queued.\n"
    assert [job.kwargs for job in Job.objects.all()] == [{}]  # done: arguments dropped
    assert Certificate.objects.filter(enrolment=other_enrolment).count() == 1
    assert Certificate.objects.count() == 2
    assert services.certificates_missing_queue() == 0
