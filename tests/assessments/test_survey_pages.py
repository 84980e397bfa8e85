"""Survey pages per role, follow-up links, the course-page box, the export and the admin."""

from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.snippets.models import get_snippet_models

from accounts.selectors import user_personal_data
from assessments.models import (
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyResponse,
)
from assessments.tasks import send_survey_invitations
from tests.factories import TraineeFactory
from tests.factories.assessments import (
    FOLLOW_UP_LINK,
    SurveyResponseFactory,
    no_survey_answer_stored,
    survey_admin_form,
    survey_answers,
    survey_item,
)
from tests.factories.courses import enrolment_complete


def form_data(survey, **overrides):
    return {f"item_{key}": value for key, value in survey_answers(survey, **overrides).items()}


def answer_url(survey):
    return reverse("assessments:survey_answer", args=[survey.pk])


@pytest.fixture
def link(enrolment, follow_up, django_capture_on_commit_callbacks):
    """The follow-up link emailed to the trainee who completed the course 90 days ago."""
    enrolment_complete(enrolment, days_ago=90)
    with django_capture_on_commit_callbacks(execute=True):
        send_survey_invitations()
    return FOLLOW_UP_LINK.search(mail.outbox[-1].body).group(0).removeprefix("http://testserver")


class TestReactionSurveyPage:
    def test_a_trainee_not_enrolled_gets_404(self, client, reaction):
        client.force_login(TraineeFactory())

        assert client.get(answer_url(reaction)).status_code == HTTPStatus.NOT_FOUND
        response = client.post(answer_url(reaction), form_data(reaction))
        assert response.status_code == HTTPStatus.NOT_FOUND
        assert no_survey_answer_stored()

    def test_a_follow_up_survey_is_not_answered_here(self, client, trainee, enrolment, follow_up):
        enrolment_complete(enrolment)
        client.force_login(trainee)

        assert client.get(answer_url(follow_up)).status_code == HTTPStatus.NOT_FOUND

    def test_a_trainee_who_has_not_completed_is_told_so(self, client, trainee, enrolment, reaction):
        client.force_login(trainee)

        page = client.get(answer_url(reaction))
        sent = client.post(answer_url(reaction), form_data(reaction))

        for response in (page, sent):
            assert response.status_code == HTTPStatus.FORBIDDEN
            assert "once you have completed the course" in response.content.decode()
        assert no_survey_answer_stored()

    def test_a_completed_trainee_sees_an_accessible_form(
        self, client, trainee, enrolment, reaction
    ):
        enrolment_complete(enrolment)
        client.force_login(trainee)

        response = client.get(answer_url(reaction))

        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        assert html.count("<fieldset") == 3  # Likert, recommend, single choice
        assert "<legend>The course was relevant to my work." in html
        for label in ("Strongly disagree", "Neither agree nor disagree", "Strongly agree"):
            assert label in html
        assert "0 – not at all likely" in html and "10 – extremely likely" in html
        nps = survey_item(reaction, "nps")
        assert html.count(f'name="item_{nps.pk}"') == 11
        free_text = survey_item(reaction, "free_text")
        assert f'<label for="id_item_{free_text.pk}">What got in the way?</label>' in html
        assert "<textarea" in html

    def test_answers_are_stored_and_the_survey_is_not_offered_again(
        self, client, trainee, enrolment, reaction
    ):
        enrolment_complete(enrolment)
        client.force_login(trainee)

        response = client.post(answer_url(reaction), form_data(reaction), follow=True)

        assert response.redirect_chain[0][0] == enrolment.course.url
        assert "Thank you! Your answers help us improve the course." in response.content.decode()
        stored = SurveyResponse.objects.get()
        assert (stored.trainee, stored.enrolment) == (trainee, enrolment)
        assert stored.answers.count() == 4
        again = client.get(answer_url(reaction))
        assert again.status_code == HTTPStatus.OK
        assert "You have already answered this survey." in again.content.decode()
        assert "<fieldset" not in again.content.decode()

    @pytest.mark.parametrize(
        ("kind", "value", "message"),
        [
            ("likert", "7", "Choose one of the five answers"),
            ("nps", "11", "Choose a number from 0 to 10."),
            ("single_choice", "9", "Choose one of the answers offered."),
            ("likert", "", "This question needs an answer."),
        ],
    )
    def test_a_wrong_answer_is_shown_next_to_its_question(
        self, client, trainee, enrolment, reaction, kind, value, message
    ):
        enrolment_complete(enrolment)
        client.force_login(trainee)

        response = client.post(answer_url(reaction), form_data(reaction, **{kind: value}))

        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        item = survey_item(reaction, kind)
        assert f'<p class="error" id="id_item_{item.pk}_error">{message}' in html
        assert "Some answers need your attention" in html
        # What the trainee typed is kept.
        assert "Time.</textarea>" in html
        assert no_survey_answer_stored()

    def test_an_item_of_another_survey_is_refused(
        self, client, trainee, enrolment, reaction, follow_up
    ):
        enrolment_complete(enrolment)
        client.force_login(trainee)
        data = form_data(reaction)
        data[f"item_{survey_item(follow_up, 'likert').pk}"] = "5"

        response = client.post(answer_url(reaction), data)

        assert "not part of this survey" in response.content.decode()
        assert no_survey_answer_stored()


class TestFollowUpLink:
    def test_the_link_works_without_login_and_once(self, client, trainee, link, follow_up):
        page = client.get(link)
        assert page.status_code == HTTPStatus.OK
        assert "no-cache" in page["Cache-Control"]
        assert follow_up.title in page.content.decode()

        sent = client.post(link, form_data(follow_up))

        assert sent.status_code == HTTPStatus.FOUND
        assert sent["Location"] == reverse("assessments:survey_thanks")
        assert SurveyResponse.objects.get().trainee == trainee
        for response in (client.get(link), client.post(link, form_data(follow_up))):
            assert response.status_code == HTTPStatus.GONE
            assert "already been used" in response.content.decode()
        assert SurveyResponse.objects.count() == 1

    def test_another_logged_in_user_answers_as_the_invited_trainee(
        self, client, trainee, link, follow_up
    ):
        client.force_login(TraineeFactory())

        client.post(link, form_data(follow_up))

        assert SurveyResponse.objects.get().trainee == trainee

    def test_an_expired_link_is_gone(self, client, link, follow_up):
        SurveyInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

        for response in (client.get(link), client.post(link, form_data(follow_up))):
            assert response.status_code == HTTPStatus.GONE
            assert "This survey link has expired." in response.content.decode()
        assert no_survey_answer_stored()

    def test_an_unknown_link_is_not_found(self, client, link, follow_up):
        response = client.get(link.rstrip("/") + "x/")

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert "This survey link is not valid." in response.content.decode()

    def test_wrong_answers_are_shown_and_the_link_still_works(self, client, link, follow_up):
        response = client.post(link, form_data(follow_up, nps="42"))

        assert response.status_code == HTTPStatus.OK
        assert "Choose a number from 0 to 10." in response.content.decode()
        assert no_survey_answer_stored()
        assert client.post(link, form_data(follow_up)).status_code == HTTPStatus.FOUND


class TestCoursePanel:
    def test_completed_trainee_is_asked_until_they_answer(
        self, client, trainee, enrolment, reaction
    ):
        client.force_login(trainee)
        assert "Tell us what you thought" not in client.get(enrolment.course.url).content.decode()

        enrolment_complete(enrolment)
        html = client.get(enrolment.course.url).content.decode()
        assert "Tell us what you thought of this course" in html
        assert f'href="{answer_url(reaction)}"' in html

        client.post(answer_url(reaction), form_data(reaction))
        assert "Tell us what you thought" not in client.get(enrolment.course.url).content.decode()

    def test_the_translation_in_the_pages_language_is_linked(
        self, client, trainee, enrolment, reaction
    ):
        from wagtail.models import Locale

        french = reaction.copy_for_translation(Locale.objects.get(language_code="fr"))
        french.save()
        enrolment_complete(enrolment)
        client.force_login(trainee)

        english = client.get(enrolment.course.url).content.decode()

        assert f'href="{answer_url(reaction)}"' in english
        assert f'href="{answer_url(french)}"' not in english


class TestPrivacyAndAdmin:
    def test_the_trainee_finds_their_answers_in_their_data_export(self, trainee, link, follow_up):
        from assessments import services

        token = link.rstrip("/").rsplit("/", 1)[1]
        services.survey_invitation_redeem(token=token, data=survey_answers(follow_up))

        section = user_personal_data(trainee)["sections"]["surveys"]

        [response] = section["responses"]
        assert response["course"] == "Forced return procedures"
        assert {
            "question": "What got in the way?",
            "type": "free_text",
            "value": None,
            "text": "Time.",
        } in response["answers"]
        [invitation] = section["invitations"]
        assert invitation["used_at"] is not None
        assert token not in str(section)
        assert user_personal_data(TraineeFactory())["sections"]["surveys"] == {
            "responses": [],
            "invitations": [],
        }

    def test_individual_answers_have_no_admin_screen(self):
        snippets = get_snippet_models()

        assert Survey in snippets
        assert SurveyResponse not in snippets
        assert SurveyAnswer not in snippets

    def test_a_trainer_manages_surveys_in_the_admin(self, client, trainer, reaction):
        client.force_login(trainer)

        listing = client.get(reverse("wagtailsnippets_assessments_survey:list"))
        edit = client.get(reverse("wagtailsnippets_assessments_survey:edit", args=[reaction.pk]))

        assert listing.status_code == HTTPStatus.OK
        assert reaction.title in listing.content.decode()
        assert edit.status_code == HTTPStatus.OK
        assert "The course was relevant to my work." in edit.content.decode()

    def test_a_trainee_has_no_survey_admin(self, client, trainee, reaction):
        client.force_login(trainee)

        response = client.get(reverse("wagtailsnippets_assessments_survey:list"))

        assert response.status_code != HTTPStatus.OK


class TestSurveyAdmin:
    def test_a_trainer_creates_a_survey_with_its_questions(self, client, trainer, course):
        client.force_login(trainer)

        response = client.post(
            reverse("wagtailsnippets_assessments_survey:add"), survey_admin_form(course)
        )

        assert response.status_code == HTTPStatus.FOUND
        survey = Survey.objects.get()
        assert (survey.course, survey.purpose, survey.locale.language_code) == (
            course.specific,
            "reaction",
            "en",
        )
        assert [(item.kind, item.required, item.role) for item in survey.items.all()] == [
            ("likert", True, "usefulness"),
            ("single_choice", False, "none"),
        ]
        assert survey.latest_revision is not None

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"items-1-choices": "Only one"}, "Give at least two choices, one per line."),
            ({"course": ""}, "A survey belongs to a course."),
            # The report reads a role as a share agreeing: statements only, once per survey.
            ({"items-1-role": "usefulness"}, "Only a statement (agree … disagree) can have"),
            (
                {"items-1-kind": "likert", "items-1-choices": "", "items-1-role": "usefulness"},
                "Give each role in the report to one question only. Given twice: usefulness",
            ),
        ],
    )
    def test_authoring_mistakes_are_explained(self, client, trainer, course, fields, message):
        client.force_login(trainer)

        response = client.post(
            reverse("wagtailsnippets_assessments_survey:add"), survey_admin_form(course, fields)
        )

        assert response.status_code == HTTPStatus.OK
        assert message in response.content.decode()
        assert not Survey.objects.exists()

    def test_a_second_survey_with_the_same_purpose_is_explained(
        self, client, trainer, course, reaction
    ):
        client.force_login(trainer)

        response = client.post(
            reverse("wagtailsnippets_assessments_survey:add"), survey_admin_form(course)
        )

        assert response.status_code == HTTPStatus.OK
        assert "This course already has a survey with this purpose." in response.content.decode()
        assert Survey.objects.count() == 1

    def test_an_answered_survey_cannot_be_deleted(self, client, trainer, enrolment, reaction):
        enrolment_complete(enrolment)
        SurveyResponseFactory(survey=reaction, enrolment=enrolment)
        client.force_login(trainer)
        delete_url = reverse("wagtailsnippets_assessments_survey:delete", args=[reaction.pk])
        bulk_url = reverse("wagtail_bulk_action", args=["assessments", "survey", "delete"])

        single = client.post(delete_url, follow=True)
        bulk = client.post(f"{bulk_url}?id={reaction.pk}")

        assert single.redirect_chain[0][0] == reverse(
            "wagtailsnippets_assessments_survey:edit", args=[reaction.pk]
        )
        assert "Trainees have answered this survey" in single.content.decode()
        assert bulk.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
        assert Survey.objects.filter(pk=reaction.pk).exists()
        assert SurveyAnswer.objects.count() == 4

    def test_an_unanswered_survey_can_be_deleted(self, client, trainer, reaction):
        client.force_login(trainer)

        client.post(reverse("wagtailsnippets_assessments_survey:delete", args=[reaction.pk]))

        assert not Survey.objects.exists()
