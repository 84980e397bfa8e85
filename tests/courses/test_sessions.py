"""Classroom sessions: sign-up and waiting list, check-in codes, attendance, completion, access."""

import threading
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format

from courses import defaults, services
from courses.models import ClassroomSession, Cohort, CoursePage, Enrolment, SessionRegistration
from courses.services.sessions import (
    session_cancel,
    session_check_in,
    session_create,
    session_mark_attendance,
    session_open_check_in,
    session_register,
)
from tests.factories import TraineeFactory, TrainerFactory
from tests.factories.courses import study

Status = SessionRegistration.Status


def plan(course, created_by, **fields) -> ClassroomSession:
    """A session of ``course`` tomorrow morning, led by its creator unless told otherwise."""
    starts_at = timezone.now() + timedelta(days=1)
    values = {
        "title": "Escort procedures in practice",
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=3),
        "trainer": created_by,
        "capacity": 2,
        "location": "Brussels, room 4.12",
        **fields,
    }
    return session_create(course=course, created_by=created_by, **values)


def enrolled_trainee(course, trainee=None):
    trainee = trainee or TraineeFactory()
    services.enrolment_enrol(trainee=trainee, course=course)
    return trainee


def status_of(trainee, session) -> str:
    return SessionRegistration.objects.get(trainee=trainee, session=session).status


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def move_to_the_past(session) -> None:
    ClassroomSession.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    session.refresh_from_db()


@pytest.fixture
def session(course, trainer):
    return plan(course, trainer)


class TestSessionCreate:
    def test_the_owning_trainer_plans_a_session_with_a_check_in_code(self, session, trainer):
        assert session.pk
        assert session.trainer == trainer
        assert len(session.check_in_code) == 6
        assert session.check_in_open_until is None

    def test_an_online_session_needs_no_location(self, course, trainer):
        session = plan(course, trainer, location="", online_url="https://meet.example.org/abc")

        assert session.online_url == "https://meet.example.org/abc"

    def test_a_location_or_an_online_link_is_required(self, course, trainer):
        with pytest.raises(ValidationError) as raised:
            plan(course, trainer, location="  ", online_url="")

        assert raised.value.message_dict == {"location": ["Give a location or an online link."]}
        assert not ClassroomSession.objects.exists()

    def test_the_session_ends_after_it_starts(self, course, trainer):
        starts_at = timezone.now() + timedelta(days=1)

        with pytest.raises(ValidationError) as raised:
            plan(course, trainer, starts_at=starts_at, ends_at=starts_at)

        assert raised.value.message_dict == {"ends_at": ["The session must end after it starts."]}

    def test_a_trainee_cannot_lead_a_session(self, course, trainer, trainee):
        with pytest.raises(ValidationError) as raised:
            plan(course, trainer, trainer=trainee)

        assert "trainer" in raised.value.message_dict

    def test_a_cohort_of_another_course_is_refused(self, catalogue, course, trainer):
        from tests.factories.courses import add_course

        other = add_course(catalogue, title="Identification", trainers=[trainer])
        cohort = Cohort.objects.create(name="Antwerp spring", course=other)

        with pytest.raises(ValidationError) as raised:
            plan(course, trainer, cohort=cohort)

        assert raised.value.message_dict == {"cohort": ["Choose a cohort of this course."]}

    def test_a_trainer_who_does_not_own_the_course_cannot_plan(self, course):
        with pytest.raises(PermissionDenied):
            plan(course, TrainerFactory())

    def test_an_admin_plans_for_any_course_and_names_the_trainer(self, course, admin_user):
        lead = TrainerFactory()

        session = plan(course, admin_user, trainer=lead)

        assert session.trainer == lead


class TestRegistration:
    def test_a_full_session_waitlists_and_a_cancellation_promotes_the_first_waiting(self, session):
        first, second, third, fourth = (enrolled_trainee(session.course) for _ in range(4))
        registrations = [session_register(session=session, trainee=t)[0] for t in (first, second)]
        waiting = [session_register(session=session, trainee=t)[0] for t in (third, fourth)]

        assert [r.status for r in registrations] == [Status.REGISTERED, Status.REGISTERED]
        assert [r.status for r in waiting] == [Status.WAITLISTED, Status.WAITLISTED]

        session_cancel(registration=registrations[0])

        assert status_of(first, session) == Status.CANCELLED
        assert status_of(third, session) == Status.REGISTERED
        assert status_of(fourth, session) == Status.WAITLISTED

    def test_leaving_the_waiting_list_promotes_nobody(self, session):
        trainees = [enrolled_trainee(session.course) for _ in range(4)]
        registrations = [session_register(session=session, trainee=t)[0] for t in trainees]

        session_cancel(registration=registrations[3])

        assert status_of(trainees[2], session) == Status.WAITLISTED
        assert session.registrations.filter(status=Status.REGISTERED).count() == 2

    def test_registering_twice_changes_nothing(self, session, trainee):
        enrolled_trainee(session.course, trainee)
        first, created = session_register(session=session, trainee=trainee)

        again, changed = session_register(session=session, trainee=trainee)

        assert (created, changed) == (True, False)
        assert again.pk == first.pk
        assert again.registered_at == first.registered_at
        assert session.registrations.count() == 1

    def test_a_trainee_without_an_enrolment_is_refused(self, session, trainee):
        with pytest.raises(ValidationError) as raised:
            session_register(session=session, trainee=trainee)

        assert raised.value.messages == ["Enrol in the course before signing up for its sessions."]
        assert not session.registrations.exists()

    def test_a_trainee_who_left_the_course_is_refused(self, session, trainee):
        enrolled_trainee(session.course, trainee)
        services.enrolment_withdraw(enrolment=Enrolment.objects.get(trainee=trainee))

        with pytest.raises(ValidationError):
            session_register(session=session, trainee=trainee)

    def test_a_cohort_session_is_for_its_members_only(self, course, trainer):
        cohort = Cohort.objects.create(name="Antwerp spring", course=course)
        session = plan(course, trainer, cohort=cohort)
        member, outsider = enrolled_trainee(course), enrolled_trainee(course)
        Enrolment.objects.filter(trainee=member).update(cohort=cohort)

        with pytest.raises(ValidationError) as raised:
            session_register(session=session, trainee=outsider)

        assert raised.value.messages == [
            "This session is reserved for the members of another cohort."
        ]
        assert session_register(session=session, trainee=member)[0].status == Status.REGISTERED

    def test_a_session_that_has_started_is_closed(self, session, trainee):
        enrolled_trainee(session.course, trainee)
        move_to_the_past(session)

        with pytest.raises(ValidationError) as raised:
            session_register(session=session, trainee=trainee)

        assert raised.value.messages == ["This session has already started; sign-up is closed."]

    def test_coming_back_after_cancelling_goes_to_the_end_of_the_queue(self, course, trainer):
        session = plan(course, trainer, capacity=1)
        seated, back, waiting = (enrolled_trainee(course) for _ in range(3))
        seat = session_register(session=session, trainee=seated)[0]
        first_try = session_register(session=session, trainee=back)[0]
        session_register(session=session, trainee=waiting)
        session_cancel(registration=first_try)

        again, changed = session_register(session=session, trainee=back)

        assert changed
        assert again.pk == first_try.pk
        assert again.status == Status.WAITLISTED
        assert again.registered_at > first_try.registered_at
        session_cancel(registration=seat)
        assert status_of(waiting, session) == Status.REGISTERED
        assert status_of(back, session) == Status.WAITLISTED


@pytest.fixture
def seated(session, trainee):
    """The ``trainee`` holds a seat in ``session``."""
    enrolled_trainee(session.course, trainee)
    return session_register(session=session, trainee=trainee)[0]


@pytest.fixture
def open_session(session, trainer, seated):
    return session_open_check_in(session=session, trainer=trainer)


class TestCheckIn:
    def test_opening_check_in_shows_a_fresh_code_for_a_quarter_of_an_hour(self, session, trainer):
        old_code = session.check_in_code
        before = timezone.now()

        session = session_open_check_in(session=session, trainer=trainer)

        session.refresh_from_db()
        assert session.check_in_code != old_code
        expected = before + timedelta(minutes=defaults.CHECK_IN_CODE_MINUTES)
        assert expected <= session.check_in_open_until < expected + timedelta(seconds=5)

    def test_only_the_sessions_trainers_open_check_in(self, session):
        with pytest.raises(PermissionDenied):
            session_open_check_in(session=session, trainer=TrainerFactory())

    def test_the_code_is_accepted_in_lower_case_and_with_spaces(self, open_session, trainee):
        code = open_session.check_in_code
        typed = f" {code[:3].lower()} {code[3:].lower()} "

        registration = session_check_in(trainee=trainee, code=typed)

        registration.refresh_from_db()
        assert registration.attended
        assert registration.attendance_marked_at is not None

    def test_checking_in_twice_keeps_the_first_time(self, open_session, trainee):
        first = session_check_in(trainee=trainee, code=open_session.check_in_code)

        again = session_check_in(trainee=trainee, code=open_session.check_in_code)

        assert again.attendance_marked_at == first.attendance_marked_at

    @pytest.mark.parametrize("code", ["WRONG1", "", "   ", "ÉÉÉÉÉÉ"])
    def test_a_wrong_code_is_refused(self, open_session, trainee, code):
        with pytest.raises(ValidationError) as raised:
            session_check_in(trainee=trainee, code=code)

        assert raised.value.messages == ["This code is not valid."]
        assert not SessionRegistration.objects.get(trainee=trainee).attended

    def test_an_expired_code_is_refused(self, open_session, trainee):
        ClassroomSession.objects.filter(pk=open_session.pk).update(
            check_in_open_until=timezone.now() - timedelta(minutes=1)
        )

        with pytest.raises(ValidationError) as raised:
            session_check_in(trainee=trainee, code=open_session.check_in_code)

        assert raised.value.messages == ["This code has expired; ask your trainer for a new one."]
        assert not SessionRegistration.objects.get(trainee=trainee).attended

    def test_a_code_never_opened_counts_as_expired(self, session, seated, trainee):
        with pytest.raises(ValidationError) as raised:
            session_check_in(trainee=trainee, code=session.check_in_code)

        assert raised.value.code == "expired"

    def test_the_previous_code_stops_working_when_a_new_one_is_shown(
        self, open_session, trainer, trainee
    ):
        old_code = open_session.check_in_code
        session_open_check_in(session=open_session, trainer=trainer)

        with pytest.raises(ValidationError) as raised:
            session_check_in(trainee=trainee, code=old_code)

        assert raised.value.code == "invalid"

    def test_a_trainee_who_did_not_sign_up_cannot_check_in(self, open_session):
        enrolled_only = enrolled_trainee(open_session.course)
        stranger = TraineeFactory()

        for user in (enrolled_only, stranger):
            with pytest.raises(ValidationError) as raised:
                session_check_in(trainee=user, code=open_session.check_in_code)
            assert raised.value.code == "unregistered"

    def test_a_trainee_on_the_waiting_list_cannot_check_in(self, open_session):
        second, third = enrolled_trainee(open_session.course), enrolled_trainee(open_session.course)
        session_register(session=open_session, trainee=second)
        session_register(session=open_session, trainee=third)

        with pytest.raises(ValidationError) as raised:
            session_check_in(trainee=third, code=open_session.check_in_code)

        assert raised.value.code == "waitlisted"

    def test_after_five_wrong_codes_even_the_right_one_is_refused(self, open_session, trainee):
        for attempt in range(defaults.CHECK_IN_MAX_FAILURES):
            with pytest.raises(ValidationError):
                session_check_in(trainee=trainee, code=f"WRONG{attempt}")

        with pytest.raises(ValidationError) as raised:
            session_check_in(trainee=trainee, code=open_session.check_in_code)

        assert raised.value.messages == [
            "Too many wrong codes. Wait a few minutes, then try again."
        ]
        assert not SessionRegistration.objects.get(trainee=trainee).attended

    def test_the_limit_is_per_trainee(self, open_session, trainee):
        other = enrolled_trainee(open_session.course)
        session_register(session=open_session, trainee=other)
        for attempt in range(defaults.CHECK_IN_MAX_FAILURES):
            with pytest.raises(ValidationError):
                session_check_in(trainee=trainee, code=f"WRONG{attempt}")

        assert session_check_in(trainee=other, code=open_session.check_in_code).attended


class TestAttendance:
    def test_the_checklist_marks_and_unmarks(self, session, trainer):
        session = plan(session.course, trainer, capacity=3)
        first, second, third = (enrolled_trainee(session.course) for _ in range(3))
        for trainee in (first, second, third):
            session_register(session=session, trainee=trainee)

        changed = session_mark_attendance(
            session=session, trainer=trainer, attended_ids=[first.pk, second.pk]
        )
        assert changed == 2
        changed = session_mark_attendance(
            session=session, trainer=trainer, attended_ids=[second.pk, third.pk]
        )

        assert changed == 2
        attended = dict(session.registrations.values_list("trainee_id", "attended"))
        assert attended == {first.pk: False, second.pk: True, third.pk: True}

    def test_trainees_without_a_seat_are_never_marked(self, course, trainer):
        session = plan(course, trainer, capacity=1)
        seated, waiting = enrolled_trainee(course), enrolled_trainee(course)
        session_register(session=session, trainee=seated)
        session_register(session=session, trainee=waiting)

        session_mark_attendance(
            session=session, trainer=trainer, attended_ids=[seated.pk, waiting.pk]
        )

        assert not SessionRegistration.objects.get(trainee=waiting).attended
        assert SessionRegistration.objects.get(trainee=seated).attended

    def test_the_lead_trainer_and_an_admin_may_mark(self, course, trainer, admin_user, trainee):
        lead = TrainerFactory()
        session = plan(course, trainer, trainer=lead)
        enrolled_trainee(course, trainee)
        session_register(session=session, trainee=trainee)

        for user in (lead, admin_user):
            session_mark_attendance(session=session, trainer=user, attended_ids=[trainee.pk])

        assert SessionRegistration.objects.get(trainee=trainee).attended

    def test_another_trainer_may_not_mark(self, session, seated, trainee):
        with pytest.raises(PermissionDenied):
            session_mark_attendance(
                session=session, trainer=TrainerFactory(), attended_ids=[trainee.pk]
            )

        assert not SessionRegistration.objects.get(trainee=trainee).attended


class TestCompletionRule:
    @pytest.fixture
    def course(self, course):
        CoursePage.objects.filter(pk=course.pk).update(required_sessions=1)
        return CoursePage.objects.get(pk=course.pk)

    @pytest.mark.parametrize("how", ["checklist", "code"])
    def test_the_course_completes_once_attendance_arrives(
        self,
        course,
        lessons,
        session,
        trainer,
        trainee,
        seated,
        completions,
        how,
        django_capture_on_commit_callbacks,
    ):
        enrolment = Enrolment.objects.get(trainee=trainee, course=course)
        with django_capture_on_commit_callbacks(execute=True):
            for lesson in lessons:
                study(trainee, lesson)
        enrolment.refresh_from_db()
        assert enrolment.status == Enrolment.Status.ACTIVE
        assert completions == []

        with django_capture_on_commit_callbacks(execute=True):
            if how == "checklist":
                session_mark_attendance(session=session, trainer=trainer, attended_ids=[trainee.pk])
            else:
                session_open_check_in(session=session, trainer=trainer)
                session.refresh_from_db()
                session_check_in(trainee=trainee, code=session.check_in_code)

        enrolment.refresh_from_db()
        assert enrolment.status == Enrolment.Status.COMPLETED
        sessions = next(
            r for r in enrolment.completion_rule["requirements"] if r["key"] == "sessions"
        )
        assert sessions["met"]
        assert completions == [enrolment.pk]

        with django_capture_on_commit_callbacks(execute=True):
            session_mark_attendance(session=session, trainer=trainer, attended_ids=[])
            session_mark_attendance(session=session, trainer=trainer, attended_ids=[trainee.pk])

        enrolment.refresh_from_db()
        assert enrolment.status == Enrolment.Status.COMPLETED
        assert completions == [enrolment.pk]

    def test_attendance_alone_does_not_complete(
        self, course, lessons, session, trainer, trainee, seated, completions
    ):
        session_mark_attendance(session=session, trainer=trainer, attended_ids=[trainee.pk])

        assert Enrolment.objects.get(trainee=trainee).status == Enrolment.Status.ACTIVE


class TestTraineeViews:
    def test_signing_up_returns_to_the_course_page_with_a_message(self, client, session, trainee):
        enrolled_trainee(session.course, trainee)
        client.force_login(trainee)

        response = client.post(reverse("courses:session_register", args=[session.pk]))

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == session.course.url
        assert messages_of(response) == [f"You have a seat in “{session.title}”."]
        assert status_of(trainee, session) == Status.REGISTERED

    def test_signing_up_without_an_enrolment_says_why(self, client, session, trainee):
        client.force_login(trainee)

        response = client.post(reverse("courses:session_register", args=[session.pk]))

        assert response["Location"] == session.course.url
        assert messages_of(response) == ["Enrol in the course before signing up for its sessions."]
        assert not session.registrations.exists()

    def test_a_full_session_says_the_trainee_is_waiting(self, client, course, trainer, trainee):
        session = plan(course, trainer, capacity=1)
        session_register(session=session, trainee=enrolled_trainee(course))
        enrolled_trainee(course, trainee)
        client.force_login(trainee)

        response = client.post(reverse("courses:session_register", args=[session.pk]))

        assert "waiting list" in messages_of(response)[0]
        assert status_of(trainee, session) == Status.WAITLISTED

    def test_cancelling_frees_the_seat(self, client, seated, trainee):
        client.force_login(trainee)

        response = client.post(reverse("courses:session_cancel", args=[seated.session_id]))

        assert response["Location"] == seated.session.course.url
        assert messages_of(response) == ["Your registration is cancelled."]
        assert status_of(trainee, seated.session) == Status.CANCELLED

    def test_one_cannot_cancel_someone_elses_seat(self, client, seated):
        client.force_login(TraineeFactory())

        response = client.post(reverse("courses:session_cancel", args=[seated.session_id]))

        assert response.status_code == HTTPStatus.NOT_FOUND

    def test_signing_up_needs_a_post(self, client, session, trainee):
        client.force_login(trainee)

        response = client.get(reverse("courses:session_register", args=[session.pk]))

        assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED

    def test_my_sessions_lists_what_the_trainee_can_join(self, client, session, seated, trainee):
        other = plan(session.course, session.trainer, title="Second day")
        client.force_login(trainee)

        html = client.get(reverse("courses:session_mine")).content.decode()

        assert "Escort procedures in practice" in html
        assert "Cancel my seat" in html
        assert other.title in html
        assert "Sign up" in html

    def test_check_in_page(self, client, open_session, trainee):
        client.force_login(trainee)
        url = reverse("courses:session_check_in")

        page = client.get(url)
        wrong = client.post(url, {"code": "NOPE42"})
        right = client.post(url, {"code": open_session.check_in_code.lower()})

        assert page.status_code == HTTPStatus.OK
        assert '<label for="id_code">Session code' in page.content.decode()
        assert wrong.status_code == HTTPStatus.OK
        assert "This code is not valid." in wrong.content.decode()
        assert right.status_code == HTTPStatus.FOUND
        assert right["Location"] == open_session.course.url
        assert SessionRegistration.objects.get(trainee=trainee).attended

    def test_check_in_page_says_when_the_code_expired(self, client, open_session, trainee):
        ClassroomSession.objects.filter(pk=open_session.pk).update(
            check_in_open_until=timezone.now() - timedelta(seconds=1)
        )
        client.force_login(trainee)

        response = client.post(
            reverse("courses:session_check_in"), {"code": open_session.check_in_code}
        )

        assert "This code has expired; ask your trainer for a new one." in (
            response.content.decode()
        )

    def test_check_in_needs_a_login(self, client, db):
        response = client.get(reverse("courses:session_check_in"))

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith("/en/accounts/login/")


@pytest.fixture
def led_session(course, trainer):
    """A session of the ``trainer``'s course, led by another trainer."""
    return plan(course, trainer, trainer=TrainerFactory())


class TestTrainerAccess:
    PAGES = ["session_attendance", "session_code"]

    @pytest.fixture
    def as_role(self, client, request, led_session):
        def login(role):
            users = {
                "lead": lambda: led_session.trainer,
                "other_trainer": TrainerFactory,
                "trainee": lambda: request.getfixturevalue("trainee"),
                "programme_manager": lambda: request.getfixturevalue("programme_manager"),
            }
            client.force_login(users[role]())
            return client

        return login

    # The other roles' answers on these pages are in the URL matrix (tests/security); a
    # trainer who leads the session without owning its course is not.
    @pytest.mark.parametrize("page", PAGES)
    def test_the_trainer_leading_the_session_opens_its_pages(self, as_role, led_session, page):
        response = as_role("lead").get(reverse(f"courses:{page}", args=[led_session.pk]))

        assert response.status_code == HTTPStatus.OK

    @pytest.mark.parametrize(
        ("role", "expected"),
        [
            ("trainee", HTTPStatus.FORBIDDEN),
            ("programme_manager", HTTPStatus.FORBIDDEN),
            ("other_trainer", HTTPStatus.NOT_FOUND),
            ("lead", HTTPStatus.FOUND),
        ],
    )
    def test_opening_check_in_per_role(self, as_role, led_session, role, expected):
        old_code = led_session.check_in_code

        response = as_role(role).post(
            reverse("courses:session_open_check_in", args=[led_session.pk])
        )

        assert response.status_code == expected
        led_session.refresh_from_db()
        assert (led_session.check_in_code != old_code) == (expected == HTTPStatus.FOUND)

    @pytest.mark.parametrize(
        ("role", "expected"),
        [
            ("trainee", HTTPStatus.FORBIDDEN),
            ("programme_manager", HTTPStatus.FORBIDDEN),
            ("other_trainer", HTTPStatus.OK),
            ("lead", HTTPStatus.OK),
        ],
    )
    def test_session_list_per_role(self, as_role, led_session, role, expected):
        response = as_role(role).get(reverse("courses:session_list"))

        assert response.status_code == expected
        if expected == HTTPStatus.OK:
            listed = led_session.title in response.content.decode()
            assert listed == (role == "lead")


class TestTrainerViews:
    def test_planning_a_session(self, client, course, trainer):
        client.force_login(trainer)
        starts_at = timezone.localtime() + timedelta(days=3)

        response = client.post(
            reverse("courses:session_create"),
            {
                "course": course.pk,
                "title": "Interview techniques",
                "starts_at": starts_at.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (starts_at + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
                "location": "Ghent",
                "trainer": trainer.pk,
                "capacity": 12,
            },
        )

        session = ClassroomSession.objects.get()
        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == reverse("courses:session_attendance", args=[session.pk])
        assert (session.title, session.capacity, session.location) == (
            "Interview techniques",
            12,
            "Ghent",
        )

    def test_planning_errors_are_shown_on_the_form(self, client, course, trainer):
        client.force_login(trainer)
        starts_at = timezone.localtime() + timedelta(days=3)

        response = client.post(
            reverse("courses:session_create"),
            {
                "course": course.pk,
                "title": "Interview techniques",
                "starts_at": starts_at.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": starts_at.strftime("%Y-%m-%dT%H:%M"),
                "trainer": trainer.pk,
                "capacity": 12,
            },
        )

        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        assert "Give a location or an online link." in html
        assert "The session must end after it starts." in html
        assert not ClassroomSession.objects.exists()

    def test_a_trainer_cannot_plan_for_a_course_they_do_not_own(self, client, course):
        client.force_login(TrainerFactory())
        starts_at = timezone.localtime() + timedelta(days=3)

        client.post(
            reverse("courses:session_create"),
            {
                "course": course.pk,
                "title": "Interview techniques",
                "starts_at": starts_at.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (starts_at + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
                "location": "Ghent",
                "trainer": course.trainers.get().pk,
                "capacity": 12,
            },
        )

        assert not ClassroomSession.objects.exists()

    def test_the_checklist_page_lists_seats_and_the_waiting_list(self, client, course, trainer):
        session = plan(course, trainer, capacity=1)
        seated, waiting = enrolled_trainee(course), enrolled_trainee(course)
        session_register(session=session, trainee=seated)
        session_register(session=session, trainee=waiting)
        client.force_login(trainer)

        html = client.get(reverse("courses:session_attendance", args=[session.pk])).content.decode()

        checklist, waiting_list = html.split("Waiting list")
        assert f'value="{seated.pk}"' in checklist
        assert f'<label for="id_attended_0">{seated}</label>' in checklist
        assert str(waiting) in waiting_list
        assert f'value="{waiting.pk}"' not in html

    def test_submitting_the_checklist_marks_attendance(self, client, session, seated, trainer):
        client.force_login(trainer)
        url = reverse("courses:session_attendance", args=[session.pk])

        response = client.post(url, {"attended": [seated.trainee_id]})

        assert response.status_code == HTTPStatus.FOUND
        assert messages_of(response) == ["Attendance saved."]
        seated.refresh_from_db()
        assert seated.attended
        assert 'id="id_attended_0" checked' in client.get(url).content.decode()

        client.post(url, {})

        seated.refresh_from_db()
        assert not seated.attended

    def test_the_code_page_shows_the_code_and_its_expiry(self, client, session, trainer):
        client.force_login(trainer)

        response = client.post(
            reverse("courses:session_open_check_in", args=[session.pk]), follow=True
        )

        session.refresh_from_db()
        html = response.content.decode()
        assert session.check_in_code in html
        expiry = time_format(timezone.localtime(session.check_in_open_until))
        assert f"Valid until {expiry}." in html
        assert "http://testserver/en/learning/sessions/check-in/" in html

    def test_the_checklist_page_issues_a_constant_number_of_queries(self, client, course, trainer):
        session = plan(course, trainer, capacity=10)
        client.force_login(trainer)
        url = reverse("courses:session_attendance", args=[session.pk])
        client.get(url)  # warms the per-process caches (content types, site root)
        counts = []
        for size in (2, 8):
            while session.registrations.count() < size:
                session_register(session=session, trainee=enrolled_trainee(course))
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counts.append(len(queries))

        assert counts[0] == counts[1]


@pytest.mark.postgres
# Each thread commits through its own connection; the rollback restores the data that
# migrations created, for the tests that run after this one.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_sign_ups_for_the_last_seat_at_once_leave_one_seated(course, trainer):
    session = plan(course, trainer, capacity=2)
    session_register(session=session, trainee=enrolled_trainee(course))
    racers = [enrolled_trainee(course), enrolled_trainee(course)]
    start = threading.Barrier(len(racers))
    errors = []

    def sign_up(trainee):
        try:
            start.wait(timeout=10)
            session_register(session=session, trainee=trainee)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(trainee,)) for trainee in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    statuses = sorted(
        session.registrations.filter(trainee__in=racers).values_list("status", flat=True)
    )
    assert statuses == [Status.REGISTERED, Status.WAITLISTED]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_wrong_codes_sent_at_once_get_no_more_tries_than_the_limit(course, trainer):
    session = plan(course, trainer)
    trainee = enrolled_trainee(course)
    session_register(session=session, trainee=trainee)
    session = session_open_check_in(session=session, trainer=trainer)
    racers = 3 * defaults.CHECK_IN_MAX_FAILURES
    start = threading.Barrier(racers)
    refusals = []

    def guess(attempt):
        try:
            start.wait(timeout=10)
            session_check_in(trainee=trainee, code=f"WRONG{attempt}")
        except ValidationError as error:
            refusals.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert refusals.count("invalid") == defaults.CHECK_IN_MAX_FAILURES
    assert refusals.count("rate_limited") == racers - defaults.CHECK_IN_MAX_FAILURES
    with pytest.raises(ValidationError) as raised:
        session_check_in(trainee=trainee, code=session.check_in_code)
    assert raised.value.code == "rate_limited"
