"""Trainers build the question bank and quizzes in the Wagtail admin."""

from http import HTTPStatus

import pytest

from assessments.models import Question, Quiz
from tests.factories.assessments import ChoiceQuestionFactory

QUESTION_URL = "/admin/snippets/assessments/question/"
QUIZ_URL = "/admin/snippets/assessments/quiz/"


def formset(prefix: str, rows: list[dict]) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{index}-ORDER"] = index + 1
    return data


def question_form(**fields) -> dict:
    data = {
        "kind": "single",
        "text": "Which authority issues an order to leave the territory?",
        "points": "1",
        "explanation": "The Immigration Office issues it.",
        "ignore_case": "on",
        "ignore_accents": "on",
        **formset(
            "choices",
            [
                {"text": "The Immigration Office", "is_correct": "on", "feedback": ""},
                {"text": "The municipality", "feedback": "It only notifies."},
            ],
        ),
        **formset("pairs", []),
    }
    data.update(fields)
    return data


def quiz_form(course, questions, **fields) -> dict:
    data = {
        "title": "Before the course",
        "purpose": "pre_test",
        "course": course.pk,
        "pass_mark_percent": 70,
        "max_attempts": 1,
        "feedback": "never",
        **formset("quiz_questions", [{"question": q.pk} for q in questions]),
    }
    data.update(fields)
    return data


@pytest.fixture
def editor(client, trainer):
    client.force_login(trainer)
    return client


def test_a_trainer_adds_a_question_with_choices_and_a_revision(editor, course):
    objective = course.objectives.get()

    response = editor.post(f"{QUESTION_URL}add/", question_form(objective=objective.pk))

    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    question = Question.objects.get()
    assert [c.is_correct for c in question.choices.order_by("sort_order")] == [True, False]
    assert question.objective == objective
    assert question.latest_revision is not None


def test_a_short_answer_without_accepted_answers_is_refused(editor):
    response = editor.post(
        f"{QUESTION_URL}add/", question_form(kind="short_answer", **formset("choices", []))
    )

    assert response.status_code == HTTPStatus.OK
    assert "Give at least one accepted answer." in response.content.decode()
    assert not Question.objects.exists()


def test_a_pre_test_uses_only_questions_on_the_courses_objectives(editor, course):
    tagged = ChoiceQuestionFactory(text="Tagged")
    Question.objects.filter(pk=tagged.pk).update(objective=course.objectives.get())
    untagged = ChoiceQuestionFactory(text="Untagged")

    refused = editor.post(f"{QUIZ_URL}add/", quiz_form(course, [tagged, untagged]))

    assert refused.status_code == HTTPStatus.OK
    assert "Not tagged so: Untagged" in refused.content.decode()
    assert not Quiz.objects.exists()

    accepted = editor.post(f"{QUIZ_URL}add/", quiz_form(course, [tagged]))

    assert accepted.status_code == HTTPStatus.FOUND
    assert list(Quiz.objects.get().quiz_questions.values_list("question", flat=True)) == [tagged.pk]


def test_a_pre_test_that_shows_answers_is_refused(editor, course):
    response = editor.post(f"{QUIZ_URL}add/", quiz_form(course, [], feedback="immediate"))

    assert "A pre-test never reveals the answers." in response.content.decode()
    assert not Quiz.objects.exists()


def test_a_quiz_needs_a_course(editor, course):
    data = quiz_form(course, [], purpose="graded")
    data["course"] = ""

    response = editor.post(f"{QUIZ_URL}add/", data)

    assert "Choose the course this quiz belongs to." in response.content.decode()
    assert not Quiz.objects.exists()


def test_trainees_cannot_open_the_question_bank(client, trainee):
    client.force_login(trainee)

    listing = client.get(QUESTION_URL)
    adding = client.post(f"{QUESTION_URL}add/", question_form())

    assert listing.status_code == HTTPStatus.FOUND and "/login/" in listing["Location"]
    assert adding.status_code == HTTPStatus.FOUND and "/login/" in adding["Location"]
    assert not Question.objects.exists()
