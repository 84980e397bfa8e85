"""Surveys: authoring rules, checked answers stored once, follow-up invitations and reminders."""

import hashlib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale

from assessments import services
from assessments.models import (
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyItem,
    SurveyResponse,
)
from assessments.selectors.surveys import survey_for_course
from assessments.tasks import send_survey_invitations, send_survey_reminders
from courses import services as course_services
from courses.models import Enrolment, EnrolmentMode
from outbox.models import Job
from outbox.services import jobs_dispatch_due
from tests.factories import TraineeFactory
from tests.factories.assessments import (
    FOLLOW_UP_LINK,
    SurveyFactory,
    no_survey_answer_stored,
    survey_answers,
    survey_item,
)
from tests.factories.courses import add_course, enrolment_complete


@pytest.fixture
def completed(enrolment):
    return enrolment_complete(enrolment)


def run(task, django_capture_on_commit_callbacks):
    """Run a beat task the way a worker does: its emails go out once its rows are committed."""
    with django_capture_on_commit_callbacks(execute=True):
        return task()


def links(message):
    return [match.group(0) for match in FOLLOW_UP_LINK.finditer(message.body)]


def token_of(message):
    return FOLLOW_UP_LINK.search(message.body).group(2)


class TestAuthoring:
    def test_a_survey_belongs_to_a_course(self):
        survey = Survey(title="Orphan", purpose=Survey.Purpose.REACTION)

        with pytest.raises(ValidationError) as error:
            survey.full_clean()

        assert error.value.message_dict["course"] == ["A survey belongs to a course."]

    def test_one_survey_per_course_and_purpose(self, course, reaction):
        SurveyFactory(course=course, purpose=Survey.Purpose.FOLLOW_UP)
        second = Survey(title="Again", purpose=Survey.Purpose.REACTION, course=course)

        with pytest.raises(ValidationError) as error:
            second.full_clean()

        assert "already has a survey with this purpose" in str(error.value)

    def test_a_translation_may_share_the_course(self, reaction):
        french = reaction.copy_for_translation(Locale.objects.get(language_code="fr"))
        french.save()

        assert french.course_id == reaction.course_id
        assert french.translation_key == reaction.translation_key

    def test_follow_up_days_is_at_least_one(self, course):
        survey = Survey(title="Soon", purpose="follow_up", course=course, follow_up_days=0)

        with pytest.raises(ValidationError) as error:
            survey.full_clean()

        assert "follow_up_days" in error.value.message_dict

    @pytest.mark.parametrize(
        ("kind", "choices", "message"),
        [
            ("single_choice", "Only one", "Give at least two choices"),
            ("single_choice", "", "Give at least two choices"),
            ("likert", "Yes\nNo", "Only single-choice questions have choices."),
        ],
    )
    def test_choices_only_and_always_for_single_choice(self, reaction, kind, choices, message):
        item = SurveyItem(survey=reaction, kind=kind, text="Q", choices=choices)

        with pytest.raises(ValidationError, match=message):
            item.full_clean()

    def test_trainers_may_manage_surveys(self, trainer, programme_manager):
        for action in ("add", "change", "delete"):
            assert trainer.has_perm(f"assessments.{action}_survey")
        assert not programme_manager.has_perm("assessments.change_survey")


class TestResponseSubmit:
    def test_checked_answers_are_stored_with_the_trainee_and_enrolment(
        self, trainee, completed, reaction
    ):
        response = services.survey_response_submit(
            survey=reaction, trainee=trainee, enrolment=completed, data=survey_answers(reaction)
        )

        assert (response.trainee, response.enrolment) == (trainee, completed)
        completed.refresh_from_db()
        assert completed.follow_up_at is None  # a reaction survey is not the follow-up
        stored = {a.kind: (a.value, a.text, a.item_text) for a in response.answers.all()}
        assert stored == {
            "likert": (4, "", "The course was relevant to my work."),
            "nps": (9, "", "How likely are you to recommend this course?"),
            "single_choice": (1, "Module 2", "Which part did you apply?"),
            "free_text": (None, "Time.", "What got in the way?"),
        }

    def test_an_optional_item_may_stay_empty(self, trainee, completed, reaction):
        response = services.survey_response_submit(
            survey=reaction,
            trainee=trainee,
            enrolment=completed,
            data=survey_answers(reaction, free_text="  "),
        )

        assert sorted(response.answers.values_list("kind", flat=True)) == [
            "likert",
            "nps",
            "single_choice",
        ]

    @pytest.mark.parametrize(
        ("kind", "value", "message"),
        [
            ("likert", "0", "Choose one of the five answers"),
            ("likert", "6", "Choose one of the five answers"),
            ("likert", "agree", "Choose one of the five answers"),
            ("likert", "٣", "Choose one of the five answers"),
            ("nps", "11", "Choose a number from 0 to 10."),
            ("nps", "-1", "Choose a number from 0 to 10."),
            ("single_choice", "3", "Choose one of the answers offered."),
            ("single_choice", "Module 1", "Choose one of the answers offered."),
            ("likert", "", "This question needs an answer."),
            ("nps", "", "This question needs an answer."),
            ("single_choice", " ", "This question needs an answer."),
            ("free_text", "x" * 5001, "Keep your answer under 5000 characters."),
        ],
    )
    def test_a_wrong_answer_is_refused_and_nothing_is_stored(
        self, trainee, completed, reaction, kind, value, message
    ):
        data = survey_answers(reaction, **{kind: value})

        with pytest.raises(ValidationError) as error:
            services.survey_response_submit(
                survey=reaction, trainee=trainee, enrolment=completed, data=data
            )

        errors = error.value.message_dict
        assert list(errors) == [str(survey_item(reaction, kind).pk)]
        assert message in errors[str(survey_item(reaction, kind).pk)][0]
        assert no_survey_answer_stored()

    def test_a_missing_required_item_is_refused(self, trainee, completed, reaction):
        data = survey_answers(reaction)
        del data[str(survey_item(reaction, "nps").pk)]

        with pytest.raises(ValidationError) as error:
            services.survey_response_submit(
                survey=reaction, trainee=trainee, enrolment=completed, data=data
            )

        assert error.value.message_dict == {
            str(survey_item(reaction, "nps").pk): ["This question needs an answer."]
        }
        assert no_survey_answer_stored()

    def test_an_item_of_another_survey_is_refused(self, trainee, completed, reaction, follow_up):
        data = survey_answers(reaction)
        data[str(survey_item(follow_up, "likert").pk)] = "5"

        with pytest.raises(ValidationError) as error:
            services.survey_response_submit(
                survey=reaction, trainee=trainee, enrolment=completed, data=data
            )

        assert error.value.message_dict == {
            NON_FIELD_ERRORS: [
                "An answer was sent for a question that is not part of this survey. "
                "Reload the page and try again."
            ]
        }
        assert no_survey_answer_stored()

    def test_a_survey_without_questions_is_refused(self, trainee, completed, course):
        empty = SurveyFactory(course=course, items=[])

        with pytest.raises(ValidationError, match="has no questions yet"):
            services.survey_response_submit(
                survey=empty, trainee=trainee, enrolment=completed, data={}
            )
        assert no_survey_answer_stored()

    def test_a_course_one_is_not_enrolled_in_is_refused(self, trainee, catalogue, reaction):
        other_course = add_course(
            catalogue, title="Identification", enrolment_mode=EnrolmentMode.OPEN
        )
        other = enrolment_complete(
            course_services.enrolment_enrol(trainee=trainee, course=other_course)[0]
        )

        for enrolment in (None, other):
            with pytest.raises(PermissionDenied, match="not about a course you are enrolled in"):
                services.survey_response_submit(
                    survey=reaction,
                    trainee=trainee,
                    enrolment=enrolment,
                    data=survey_answers(reaction),
                )
        assert no_survey_answer_stored()

    def test_another_trainees_enrolment_is_refused(self, completed, reaction):
        with pytest.raises(PermissionDenied):
            services.survey_response_submit(
                survey=reaction,
                trainee=TraineeFactory(),
                enrolment=completed,
                data=survey_answers(reaction),
            )
        assert no_survey_answer_stored()

    def test_a_course_not_completed_yet_is_refused(self, trainee, enrolment, reaction):
        with pytest.raises(ValidationError, match="once you have completed the course") as error:
            services.survey_response_submit(
                survey=reaction, trainee=trainee, enrolment=enrolment, data=survey_answers(reaction)
            )

        assert error.value.code == "not_completed"
        assert no_survey_answer_stored()

    def test_a_survey_is_answered_once_per_enrolment(self, trainee, completed, reaction):
        services.survey_response_submit(
            survey=reaction, trainee=trainee, enrolment=completed, data=survey_answers(reaction)
        )

        with pytest.raises(ValidationError, match="already answered"):
            services.survey_response_submit(
                survey=reaction,
                trainee=trainee,
                enrolment=completed,
                data=survey_answers(reaction, likert="1"),
            )

        assert SurveyResponse.objects.count() == 1
        assert SurveyAnswer.objects.get(kind="likert").value == 4

    def test_answering_one_translation_answers_them_all(self, trainee, completed, reaction):
        french = reaction.copy_for_translation(Locale.objects.get(language_code="fr"))
        french.save()
        services.survey_response_submit(
            survey=reaction, trainee=trainee, enrolment=completed, data=survey_answers(reaction)
        )

        with pytest.raises(ValidationError, match="already answered"):
            services.survey_response_submit(
                survey=french, trainee=trainee, enrolment=completed, data=survey_answers(french)
            )
        assert SurveyResponse.objects.count() == 1


class TestInvitations:
    def test_each_trainee_is_invited_once_per_enrolment(
        self, trainee, enrolment, follow_up, django_capture_on_commit_callbacks
    ):
        enrolment_complete(enrolment, days_ago=90)

        first = run(send_survey_invitations, django_capture_on_commit_callbacks)
        second = run(send_survey_invitations, django_capture_on_commit_callbacks)

        assert (first, second) == (1, 0)
        invitation = SurveyInvitation.objects.get()
        assert (invitation.enrolment, invitation.survey) == (enrolment, follow_up)
        assert invitation.expires_at - invitation.sent_at == timedelta(days=60)
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [trainee.email]

    def test_a_survey_waiting_for_its_first_review_is_neither_sent_nor_shown(
        self, client, trainee, enrolment, course, follow_up, reaction,
        django_capture_on_commit_callbacks,
    ):  # fmt: skip
        """Surveys are legal content too: until a second trainer approves them, no trainee
        is invited to one or can open it."""
        Survey.objects.filter(pk__in=[follow_up.pk, reaction.pk]).update(live=False)
        enrolment_complete(enrolment, days_ago=90)

        assert run(send_survey_invitations, django_capture_on_commit_callbacks) == 0
        assert not survey_for_course(course=course, purpose=reaction.purpose, language_code="en")
        client.force_login(trainee)
        page = client.get(reverse("assessments:survey_answer", args=[reaction.pk]))
        assert page.status_code == 404

    def test_no_invitation_before_the_courses_delay(
        self, enrolment, course, django_capture_on_commit_callbacks
    ):
        SurveyFactory(course=course, purpose=Survey.Purpose.FOLLOW_UP, follow_up_days=30)
        enrolment_complete(enrolment, days_ago=29)

        assert run(send_survey_invitations, django_capture_on_commit_callbacks) == 0

        enrolment_complete(enrolment, days_ago=30)
        assert run(send_survey_invitations, django_capture_on_commit_callbacks) == 1
        assert len(mail.outbox) == 1

    def test_only_completed_enrolments_of_courses_with_a_follow_up_survey(
        self, trainee, enrolment, catalogue, reaction, django_capture_on_commit_callbacks
    ):
        # The course has only a reaction survey; another course's trainee has not completed.
        enrolment_complete(enrolment, days_ago=200)
        other_course = add_course(
            catalogue, title="Identification", enrolment_mode=EnrolmentMode.OPEN
        )
        SurveyFactory(course=other_course, purpose=Survey.Purpose.FOLLOW_UP)
        active = course_services.enrolment_enrol(trainee=trainee, course=other_course)[0]
        Enrolment.objects.filter(pk=active.pk).update(
            created_at=timezone.now() - timedelta(days=200)
        )

        assert run(send_survey_invitations, django_capture_on_commit_callbacks) == 0
        assert not SurveyInvitation.objects.exists()
        assert mail.outbox == []

    def test_the_email_has_the_link_and_only_its_hash_is_stored(
        self, trainee, enrolment, follow_up, django_capture_on_commit_callbacks
    ):
        enrolment_complete(enrolment, days_ago=91)

        run(send_survey_invitations, django_capture_on_commit_callbacks)

        message = mail.outbox[0]
        assert "Forced return procedures" in message.subject
        assert len(links(message)) == 1
        token = token_of(message)
        assert len(token) >= 43
        invitation = SurveyInvitation.objects.get()
        assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
        stored = SurveyInvitation.objects.values_list().get()
        assert not any(token in str(value) for value in stored)

    def test_the_link_is_in_the_trainees_language(
        self, trainee, enrolment, follow_up, django_capture_on_commit_callbacks
    ):
        trainee.preferred_language = "nl"
        trainee.save(update_fields=["preferred_language"])
        enrolment_complete(enrolment, days_ago=91)

        run(send_survey_invitations, django_capture_on_commit_callbacks)

        assert FOLLOW_UP_LINK.search(mail.outbox[0].body).group(1) == "nl"

    def test_the_translation_in_the_trainees_language_is_sent(
        self, trainee, enrolment, follow_up, django_capture_on_commit_callbacks
    ):
        french = follow_up.copy_for_translation(Locale.objects.get(language_code="fr"))
        french.save()
        trainee.preferred_language = "fr"
        trainee.save(update_fields=["preferred_language"])
        enrolment_complete(enrolment, days_ago=91)

        assert run(send_survey_invitations, django_capture_on_commit_callbacks) == 1

        assert SurveyInvitation.objects.get().survey == french

    def test_a_refused_address_does_not_stop_the_others_and_is_sent_once_later(
        self, course, follow_up, monkeypatch, django_capture_on_commit_callbacks
    ):
        trainees = [TraineeFactory(), TraineeFactory()]
        for trainee in trainees:
            enrolment_complete(
                course_services.enrolment_enrol(trainee=trainee, course=course)[0], days_ago=91
            )
        deliver = EmailBackend.send_messages

        def refusing_the_first(backend, messages):  # the mail server: mocked
            if messages[0].to == [trainees[0].email]:
                raise ConnectionRefusedError("mail server said no")
            return deliver(backend, messages)

        monkeypatch.setattr(EmailBackend, "send_messages", refusing_the_first)
        assert run(send_survey_invitations, django_capture_on_commit_callbacks) == 2

        assert [message.to for message in mail.outbox] == [[trainees[1].email]]
        assert SurveyInvitation.objects.count() == 2

        monkeypatch.undo()
        assert run(send_survey_invitations, django_capture_on_commit_callbacks) == 0
        Job.objects.update(due_at=timezone.now())
        assert jobs_dispatch_due() == 1
        assert [message.to for message in mail.outbox] == [
            [trainees[1].email],
            [trainees[0].email],
        ]

    def test_deleted_accounts_are_not_invited(
        self, trainee, enrolment, follow_up, django_capture_on_commit_callbacks
    ):
        enrolment_complete(enrolment, days_ago=91)
        type(trainee).objects.filter(pk=trainee.pk).update(is_active=False)

        assert run(send_survey_invitations, django_capture_on_commit_callbacks) == 0
        assert mail.outbox == []


@pytest.fixture
def invited(enrolment, follow_up, django_capture_on_commit_callbacks):
    """The trainee completed 90 days ago and was emailed the follow-up link: its token."""
    enrolment_complete(enrolment, days_ago=90)
    run(send_survey_invitations, django_capture_on_commit_callbacks)
    return token_of(mail.outbox[-1])


def age_invitation(days):
    SurveyInvitation.objects.update(sent_at=timezone.now() - timedelta(days=days))


class TestReminders:
    def test_one_reminder_after_fourteen_days_with_a_new_link(
        self, trainee, invited, django_capture_on_commit_callbacks
    ):
        age_invitation(13)
        assert run(send_survey_reminders, django_capture_on_commit_callbacks) == 0

        age_invitation(14)
        first = run(send_survey_reminders, django_capture_on_commit_callbacks)
        second = run(send_survey_reminders, django_capture_on_commit_callbacks)

        assert (first, second) == (1, 0)
        assert len(mail.outbox) == 2
        reminder = mail.outbox[1]
        assert reminder.to == [trainee.email]
        assert reminder.subject.startswith("Reminder:")
        new_token = token_of(reminder)
        assert new_token != invited
        invitation = SurveyInvitation.objects.get()
        assert invitation.reminded_at is not None
        assert invitation.reminder_token_hash == hashlib.sha256(new_token.encode()).hexdigest()
        # Both the first email's link and the reminder's lead to the same invitation.
        for token in (invited, new_token):
            assert services.survey_invitation_open(token=token) == invitation

    def test_no_reminder_once_answered_or_expired(
        self, invited, follow_up, django_capture_on_commit_callbacks
    ):
        services.survey_invitation_redeem(token=invited, data=survey_answers(follow_up))
        age_invitation(20)
        assert run(send_survey_reminders, django_capture_on_commit_callbacks) == 0

        SurveyInvitation.objects.update(
            used_at=None, expires_at=timezone.now() - timedelta(minutes=1)
        )
        assert run(send_survey_reminders, django_capture_on_commit_callbacks) == 0
        assert len(mail.outbox) == 1

    def test_a_reminder_the_mail_server_refused_is_sent_once_later(
        self, invited, monkeypatch, django_capture_on_commit_callbacks
    ):
        age_invitation(15)

        def refused(backend, messages):  # the mail server: mocked
            raise ConnectionRefusedError("mail server down")

        monkeypatch.setattr(EmailBackend, "send_messages", refused)
        assert run(send_survey_reminders, django_capture_on_commit_callbacks) == 1
        assert len(mail.outbox) == 1

        monkeypatch.undo()
        assert run(send_survey_reminders, django_capture_on_commit_callbacks) == 0
        Job.objects.update(due_at=timezone.now())
        assert jobs_dispatch_due() == 1
        assert len(mail.outbox) == 2
        assert services.survey_invitation_open(token=token_of(mail.outbox[1]))


class TestLinks:
    def test_the_link_answers_as_the_invited_trainee_and_then_stops(
        self, trainee, invited, follow_up, enrolment
    ):
        response = services.survey_invitation_redeem(token=invited, data=survey_answers(follow_up))

        assert (response.trainee, response.enrolment, response.survey) == (
            trainee,
            enrolment,
            follow_up,
        )
        assert SurveyInvitation.objects.get().used_at == response.submitted_at
        enrolment.refresh_from_db()
        assert enrolment.follow_up_at == response.submitted_at
        with pytest.raises(ValidationError, match="already been used") as error:
            services.survey_invitation_redeem(token=invited, data=survey_answers(follow_up))
        assert error.value.code == "used"
        assert SurveyResponse.objects.count() == 1

    def test_an_expired_link_is_refused(self, invited, follow_up):
        SurveyInvitation.objects.update(expires_at=timezone.now())

        with pytest.raises(ValidationError, match="has expired") as error:
            services.survey_invitation_redeem(token=invited, data=survey_answers(follow_up))

        assert error.value.code == "expired"
        assert no_survey_answer_stored()
        assert SurveyInvitation.objects.get().used_at is None

    def test_an_unknown_link_is_refused(self, invited, follow_up):
        with pytest.raises(ValidationError, match="not valid") as error:
            services.survey_invitation_redeem(token=invited + "x", data=survey_answers(follow_up))

        assert error.value.code == "unknown"
        assert no_survey_answer_stored()

    def test_wrong_answers_leave_the_link_usable(self, invited, follow_up):
        with pytest.raises(ValidationError):
            services.survey_invitation_redeem(
                token=invited, data=survey_answers(follow_up, nps="12")
            )

        assert no_survey_answer_stored()
        assert SurveyInvitation.objects.get().used_at is None
        assert services.survey_invitation_redeem(token=invited, data=survey_answers(follow_up))

    def test_the_link_days_come_from_the_defaults(
        self, enrolment, follow_up, monkeypatch, django_capture_on_commit_callbacks
    ):
        from assessments import defaults

        monkeypatch.setattr(defaults, "SURVEY_LINK_DAYS", 7)
        enrolment_complete(enrolment, days_ago=90)

        run(send_survey_invitations, django_capture_on_commit_callbacks)

        invitation = SurveyInvitation.objects.get()
        assert invitation.expires_at - invitation.sent_at == timedelta(days=7)
