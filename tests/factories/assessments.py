"""Factories for questions, quizzes, attempts, surveys and survey responses."""

import re

import factory

from assessments import services
from assessments.models import (
    Attempt,
    Choice,
    Question,
    Quiz,
    QuizQuestion,
    Survey,
    SurveyAnswer,
    SurveyItem,
    SurveyResponse,
)
from tests.factories.base import CleanModelFactory

DEFAULT_SURVEY_ITEMS = [
    (SurveyItem.Kind.LIKERT, "The course was relevant to my work.", "", True),
    (SurveyItem.Kind.NPS, "How likely are you to recommend this course?", "", True),
    (SurveyItem.Kind.SINGLE_CHOICE, "Which part did you apply?", "Module 1\nModule 2\nNone", True),
    (SurveyItem.Kind.FREE_TEXT, "What got in the way?", "", False),
]


class ChoiceQuestionFactory(CleanModelFactory):
    """A single-choice question of ``n`` choices, of which the ``correct``-th is right.

    It belongs to ``course``; left empty, the first quiz made with ``QuizFactory`` gives it
    that quiz's course, unless it has ``owners`` (then it stays in the shared bank).
    """

    class Meta:
        model = Question

    course = None
    kind = Question.Kind.SINGLE
    text = "Who decides on a forced return?"
    points = 1
    # Not fields of Question: _create turns them into its choices.
    correct = 0
    n = 3

    @classmethod
    def _create(cls, model_class, *args, correct, n, **kwargs):
        question = super()._create(model_class, *args, **kwargs)
        for i in range(n):
            Choice.objects.create(question=question, text=f"Answer {i}", is_correct=i == correct)
        return question

    @factory.post_generation
    def owners(question, create, extracted, **kwargs):
        if extracted:
            question.owners.set(extracted)
            question.save()


class QuizFactory(CleanModelFactory):
    """A quiz of ``course`` asking ``questions`` in their order; pre-tests give no feedback."""

    class Meta:
        model = Quiz

    course = None
    purpose = Quiz.Purpose.GRADED
    title = factory.LazyAttribute(lambda quiz: f"{quiz.purpose} quiz")
    feedback = factory.LazyAttribute(
        lambda quiz: (
            Quiz.Feedback.NEVER
            if quiz.purpose == Quiz.Purpose.PRE_TEST
            else Quiz.Feedback.AFTER_SUBMISSION
        )
    )

    @factory.post_generation
    def questions(quiz, create, extracted, **kwargs):
        for order, question in enumerate(extracted or ()):
            if question.course_id is None and not question.owners.exists() and quiz.course_id:
                # As the data migration does: a question one course uses belongs to it.
                Question.objects.filter(pk=question.pk).update(course=quiz.course_id)
                question.course_id = quiz.course_id
            QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=order)


def correct_choice(answer_row) -> int:
    """The id of the right choice in an attempt answer's snapshot."""
    return next(c["id"] for c in answer_row.snapshot["choices"] if c["is_correct"])


def wrong_choice(answer_row) -> int:
    """The id of a wrong choice in an attempt answer's snapshot."""
    return next(c["id"] for c in answer_row.snapshot["choices"] if not c["is_correct"])


class AttemptFactory(factory.Factory):
    """An attempt started by ``attempt_start``; ``right`` answers right, then submitted.

    With ``right=None`` the attempt is left open and unanswered; otherwise the first ``right``
    questions get their right choice, the others a wrong one, and ``attempt_submit`` grades it.
    """

    class Meta:
        model = Attempt

    right = None

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("An attempt is made by attempt_start: use AttemptFactory().")

    @classmethod
    def _create(cls, model_class, *, quiz, trainee, right=None):
        attempt = services.attempt_start(quiz=quiz, trainee=trainee)
        if right is None:
            return attempt
        rows = list(attempt.answers.order_by("position"))
        services.answers_save(
            attempt=attempt,
            trainee=trainee,
            answers={
                row.question_id: correct_choice(row) if index < right else wrong_choice(row)
                for index, row in enumerate(rows)
            },
        )
        return services.attempt_submit(attempt=attempt, trainee=trainee)


class SurveyFactory(CleanModelFactory):
    """A survey of ``course`` with ``items`` as (kind, text, choices, required) tuples."""

    class Meta:
        model = Survey

    purpose = Survey.Purpose.REACTION
    title = factory.LazyAttribute(lambda survey: f"{survey.purpose} survey")

    @factory.post_generation
    def items(survey, create, extracted, **kwargs):
        items = DEFAULT_SURVEY_ITEMS if extracted is None else extracted
        for order, (kind, text, choices, required) in enumerate(items):
            SurveyItem.objects.create(
                survey=survey,
                kind=kind,
                text=text,
                choices=choices,
                required=required,
                sort_order=order,
            )


def survey_answers(survey, **overrides) -> dict[str, str]:
    """Valid answers to DEFAULT_SURVEY_ITEMS by item id; ``overrides`` by kind."""
    values = {"likert": "4", "nps": "9", "single_choice": "1", "free_text": "Time."}
    values.update(overrides)
    return {str(item.pk): values[item.kind] for item in survey.items.all()}


class SurveyResponseFactory(factory.Factory):
    """A completed enrolment's answers to ``survey``, stored by ``survey_response_submit``."""

    class Meta:
        model = SurveyResponse

    trainee = factory.SelfAttribute("enrolment.trainee")
    data = factory.LazyAttribute(lambda response: survey_answers(response.survey))

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("A response is made by survey_response_submit: use the factory's create.")

    @classmethod
    def _create(cls, model_class, *, survey, enrolment, trainee, data):
        return services.survey_response_submit(
            survey=survey, trainee=trainee, enrolment=enrolment, data=data
        )


def survey_admin_form(course, fields=()) -> dict[str, str]:
    """The POST data of the survey snippet's create form, two items; ``fields`` overrides."""
    data = {
        "title": "What did you think?",
        "purpose": "reaction",
        "course": course.pk,
        "follow_up_days": "90",
        "intro": "",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "1",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-kind": "likert",
        "items-0-text": "The materials were clear.",
        "items-0-choices": "",
        "items-0-required": "on",
        "items-0-role": "usefulness",
        "items-0-ORDER": "1",
        "items-1-kind": "single_choice",
        "items-1-text": "Which module helped most?",
        "items-1-choices": "Module 1\nModule 2",
        "items-1-role": "none",
        "items-1-ORDER": "2",
    }
    data.update(fields)
    return data


# The follow-up link of an invitation email: its language and its token.
FOLLOW_UP_LINK = re.compile(r"http://testserver/(\w+)/assessments/surveys/follow-up/([\w-]+)/")


def survey_item(survey, kind):
    """The survey's one item of ``kind``."""
    return survey.items.get(kind=kind)


def no_survey_answer_stored() -> bool:
    """True when no survey response nor answer was written."""
    return not SurveyResponse.objects.exists() and not SurveyAnswer.objects.exists()
