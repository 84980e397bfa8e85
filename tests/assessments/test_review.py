"""Questions, quizzes, surveys and certificate templates go through the Legal review: a
change waits as a draft, trainees are graded on the live version, a second trainer approves,
and an attempt keeps the version it started with."""

from http import HTTPStatus

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import WorkflowContentType

from assessments import services
from assessments.models import Question, Quiz, Survey
from certificates.models import CertificateTemplate
from courses.services.catalogue import LEGAL_REVIEW
from tests.assessments.test_admin import QUESTION_URL, question_form
from tests.factories import TrainerFactory
from tests.factories.assessments import ChoiceQuestionFactory, QuizFactory

pytestmark = pytest.mark.django_db


def test_setup_gives_the_four_snippets_the_legal_review(catalogue):
    for model in (Question, Quiz, Survey, CertificateTemplate):
        assigned = WorkflowContentType.objects.get(
            content_type=ContentType.objects.get_for_model(model)
        )
        assert assigned.workflow.name == LEGAL_REVIEW
        assert model.get_default_workflow() == assigned.workflow


@pytest.fixture
def co_trainer(course):
    """A second owning trainer of ``course``: the reviewer."""
    reviewer = TrainerFactory()
    course.trainers.add(reviewer)
    course.save()
    return reviewer


@pytest.fixture
def graded(course, enrolled):
    """A live graded quiz of ``course`` asking one question whose first choice is right."""
    question = ChoiceQuestionFactory(course=course, correct=0, n=2)
    return QuizFactory(course=course, questions=[question]), question


def _answer_first_choice(attempt, trainee):
    row = attempt.answers.get()
    first = min(row.snapshot["choices"], key=lambda choice: choice["id"])["id"]
    services.answers_save(attempt=attempt, trainee=trainee, answers={row.question_id: first})
    return services.attempt_submit(attempt=attempt, trainee=trainee)


def _new_key_form(question: Question) -> dict:
    """The question with its key moved from the first choice to the second."""
    first, second = question.choices.order_by("sort_order")
    form = question_form(course=question.course_id, text=question.text)
    form.update(
        {
            "choices-INITIAL_FORMS": 2,
            "choices-0-id": first.pk,
            "choices-0-text": first.text,
            "choices-0-is_correct": "",
            "choices-1-id": second.pk,
            "choices-1-text": second.text,
            "choices-1-is_correct": "on",
        }
    )
    form.pop("choices-0-feedback")
    form.pop("choices-1-feedback")
    form["choices-TOTAL_FORMS"] = 2
    return form


def _action_url(question: Question, action: str) -> str:
    task_state = question.current_workflow_task_state
    return reverse(
        "wagtailsnippets_assessments_question:workflow_action",
        args=[question.pk, action, task_state.pk],
    )


def test_a_new_key_grades_only_after_a_second_trainer_approves_it(
    client, trainer, co_trainer, graded, trainee
):
    quiz, question = graded
    in_progress = services.attempt_start(quiz=quiz, trainee=trainee)
    client.force_login(trainer)

    # The owner saves the new key and submits it: it waits, trainees are still graded on
    # the old one.
    response = client.post(
        f"{QUESTION_URL}edit/{question.pk}/", {**_new_key_form(question), "action-submit": "1"}
    )
    assert response.status_code == HTTPStatus.FOUND
    question.refresh_from_db()
    assert question.workflow_in_progress
    assert [c.is_correct for c in question.choices.order_by("sort_order")][:2] == [True, False]

    # Nobody approves their own submission.
    refused = client.post(_action_url(question, "approve"))
    assert refused.url == reverse("wagtailadmin_home")  # the admin's "no permission"
    question.refresh_from_db()
    assert question.workflow_in_progress

    # A second trainer approves: the new key is live.
    client.force_login(co_trainer)
    approved = client.post(_action_url(question, "approve"))
    assert approved.status_code == HTTPStatus.FOUND
    question.refresh_from_db()
    assert not question.workflow_in_progress
    assert [c.is_correct for c in question.choices.order_by("sort_order")][:2] == [False, True]
    assert question.live_revision == question.latest_revision

    # The attempt started before keeps the old key: the first choice is still right.
    assert _answer_first_choice(in_progress, trainee).passed is True
    # A new attempt is asked the approved version: the first choice is now wrong.
    again = services.attempt_start(quiz=quiz, trainee=trainee)
    assert again.answers.get().question_revision_id == question.live_revision_id
    assert _answer_first_choice(again, trainee).passed is False


def test_a_draft_does_not_change_the_grading(client, trainer, graded, trainee):
    quiz, question = graded
    client.force_login(trainer)

    response = client.post(f"{QUESTION_URL}edit/{question.pk}/", _new_key_form(question))

    assert response.status_code == HTTPStatus.FOUND
    question.refresh_from_db()
    assert question.has_unpublished_changes
    attempt = services.attempt_start(quiz=quiz, trainee=trainee)
    assert _answer_first_choice(attempt, trainee).passed is True


def test_a_trainer_cannot_publish_without_review(client, trainer, graded):
    _quiz, question = graded
    client.force_login(trainer)

    client.post(
        f"{QUESTION_URL}edit/{question.pk}/", {**_new_key_form(question), "action-publish": "1"}
    )

    question.refresh_from_db()
    assert [c.is_correct for c in question.choices.order_by("sort_order")][:2] == [True, False]


def test_a_quiz_never_published_is_not_offered_to_trainees(client, course, trainee, enrolled):
    quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory(course=course)])
    Quiz.objects.filter(pk=quiz.pk).update(live=False)
    client.force_login(trainee)

    detail = client.get(reverse("assessments:quiz_detail", args=[quiz.pk]))
    start = client.post(reverse("assessments:quiz_start", args=[quiz.pk]))

    assert detail.status_code == HTTPStatus.NOT_FOUND
    assert start.status_code == HTTPStatus.NOT_FOUND
    assert not quiz.attempts.exists()
