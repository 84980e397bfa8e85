"""Enrolment rules: open, on approval, cohort only, prerequisites, twice, withdrawal."""

from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from courses import services
from courses.models import Enrolment, EnrolmentMode
from tests.factories import TraineeFactory, TrainerFactory
from tests.factories.courses import add_course, study


def enrol_url(course):
    return f"/en/learning/courses/{course.pk}/enrol/"


def test_self_enrolment_in_an_open_course(client, trainee, course):
    client.force_login(trainee)

    response = client.post(enrol_url(course), follow=True)

    assert "You are enrolled. Welcome to the course!" in response.content.decode()
    enrolment = Enrolment.objects.get(trainee=trainee, course=course)
    assert (enrolment.status, enrolment.source) == ("active", "self")
    assert enrolment.activated_at is not None


def test_enrolling_twice_keeps_one_enrolment_and_says_so(client, trainee, course):
    client.force_login(trainee)
    client.post(enrol_url(course))

    response = client.post(enrol_url(course), follow=True)

    assert "You are already enrolled in this course." in response.content.decode()
    assert Enrolment.objects.filter(trainee=trainee, course=course).count() == 1


def test_enrolment_needs_a_post_and_a_login(client, trainee, course):
    assert client.post(enrol_url(course))["Location"].startswith("/en/accounts/login/")
    client.force_login(trainee)
    assert client.get(enrol_url(course)).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert not Enrolment.objects.exists()


def test_cohort_only_course_refuses_self_enrolment(client, trainee, catalogue):
    course = add_course(catalogue, title="Cohort course", enrolment_mode=EnrolmentMode.COHORT)
    client.force_login(trainee)

    response = client.post(enrol_url(course), follow=True)

    assert "open to cohorts only: ask your trainer to enrol you" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_missing_prerequisite_is_named(client, trainee, catalogue, course):
    advanced = add_course(catalogue, title="Advanced course", prerequisites=[course])
    client.force_login(trainee)

    response = client.post(enrol_url(advanced), follow=True)

    assert f"Complete “{course.title}” before enrolling" in response.content.decode()
    assert not Enrolment.objects.filter(course=advanced).exists()


def test_completed_prerequisite_opens_the_course(trainee, catalogue, course):
    Enrolment.objects.create(trainee=trainee, course=course, status="completed", source="self")
    advanced = add_course(catalogue, title="Advanced course", prerequisites=[course])

    enrolment, changed = services.enrolment_enrol(trainee=trainee, course=advanced)

    assert changed and enrolment.status == "active"


def test_unpublished_course_refuses_enrolment(trainee, course):
    course.unpublish()

    with pytest.raises(ValidationError, match="not published"):
        services.enrolment_enrol(trainee=trainee, course=course)


class TestApproval:
    @pytest.fixture
    def approval_course(self, catalogue, trainer):
        return add_course(
            catalogue,
            title="Approval course",
            trainers=[trainer],
            enrolment_mode=EnrolmentMode.APPROVAL,
        )

    def test_request_then_owning_trainer_approves(self, client, trainee, trainer, approval_course):
        client.force_login(trainee)
        client.post(enrol_url(approval_course))
        enrolment = Enrolment.objects.get(trainee=trainee)
        assert (enrolment.status, enrolment.source) == ("pending", "approval")

        client.force_login(trainer)
        listing = client.get("/en/learning/trainer/requests/")
        assert trainee.full_name in listing.content.decode()
        client.post(f"/en/learning/trainer/requests/{enrolment.pk}/", {"decision": "approve"})

        enrolment.refresh_from_db()
        assert (enrolment.status, enrolment.decided_by) == ("active", trainer)

    def test_refusal(self, trainee, trainer, approval_course):
        enrolment, _ = services.enrolment_enrol(trainee=trainee, course=approval_course)

        services.enrolment_decide(enrolment=enrolment, trainer=trainer, approve=False)

        enrolment.refresh_from_db()
        assert enrolment.status == "rejected"

    def test_a_request_is_decided_once(self, trainee, trainer, approval_course):
        enrolment, _ = services.enrolment_enrol(trainee=trainee, course=approval_course)
        services.enrolment_decide(enrolment=enrolment, trainer=trainer, approve=True)

        with pytest.raises(ValidationError, match="already been decided"):
            services.enrolment_decide(enrolment=enrolment, trainer=trainer, approve=False)

    def test_other_trainers_and_trainees_cannot_decide(self, client, trainee, approval_course):
        enrolment, _ = services.enrolment_enrol(trainee=trainee, course=approval_course)
        other_trainer = TrainerFactory()

        with pytest.raises(PermissionDenied):
            services.enrolment_decide(enrolment=enrolment, trainer=other_trainer, approve=True)
        client.force_login(other_trainer)
        decide_url = f"/en/learning/trainer/requests/{enrolment.pk}/"
        response = client.post(decide_url, {"decision": "approve"})
        # Another course's request is not found, as that course's progress page.
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert (
            trainee.full_name not in client.get("/en/learning/trainer/requests/").content.decode()
        )
        client.force_login(TraineeFactory())
        assert client.get("/en/learning/trainer/requests/").status_code == HTTPStatus.FORBIDDEN
        assert client.post(decide_url, {"decision": "approve"}).status_code == (
            HTTPStatus.FORBIDDEN
        )
        enrolment.refresh_from_db()
        assert enrolment.status == "pending"


def test_withdraw_keeps_progress_and_re_enrolling_resumes(trainee, course, lessons):
    enrolment, _ = services.enrolment_enrol(trainee=trainee, course=course)
    study(trainee, lessons[0])

    services.enrolment_withdraw(enrolment=enrolment)
    enrolment, changed = services.enrolment_enrol(trainee=trainee, course=course)

    assert changed and enrolment.status == "active"
    assert enrolment.lesson_progress.filter(completed_at__isnull=False).count() == 1


def test_my_learning_lists_courses_with_progress(client, trainee, course, lessons, catalogue):
    services.enrolment_enrol(trainee=trainee, course=course)
    study(trainee, lessons[0])
    other = add_course(catalogue, title="Second course", modules=1, lessons=1)
    services.enrolment_enrol(trainee=trainee, course=other)
    study(trainee, other.get_descendants().live().last().specific)
    client.force_login(trainee)

    html = client.get("/en/learning/my-learning/").content.decode()

    assert course.title in html.split("Completed")[0]
    assert "1 of 4 lessons" in html
    assert "Second course" in html.split("Completed")[1]
