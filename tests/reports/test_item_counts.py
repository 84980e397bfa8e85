"""Item analysis adds its sums up in the database: they must equal the definition on the
answer matrix (``reports.statistics.item_counts``), first attempts only, scope respected."""

import math

import pandas as pd
import pytest
from django.utils import timezone

from assessments.models import Attempt, AttemptAnswer, Quiz
from courses.models import Enrolment
from reports.data import ReportFilters, item_counts
from reports.statistics import item_analysis, item_analysis_of_counts
from reports.statistics import item_counts as matrix_counts
from tests.factories import TraineeFactory
from tests.factories.assessments import ChoiceQuestionFactory, QuizFactory
from tests.factories.courses import add_course

# The first graded attempt of each trainee in scope, as the report must see it: one row per
# attempt, None where the question was not drawn. The third row's q2 is stored without a
# grade (counts as wrong), the fourth was not shown q3 (a random draw), the sixth was shown
# q2 and q3 only.
FIRST_ATTEMPTS = [
    (1, 1, 1),
    (1, 0, 0),
    (0, 0, 1),
    (1, None, 0),
    (1, 1, None),
    (None, 0, 1),
    (0, 0, 0),
]
UNGRADED = (2, 1)  # row, question: is_correct NULL


def _attempt(quiz, trainee, enrolment, number, status=Attempt.Status.SUBMITTED):
    now = timezone.now()
    return Attempt.objects.create(
        quiz=quiz,
        trainee=trainee,
        enrolment=enrolment,
        number=number,
        status=status,
        started_at=now,
        submitted_at=now if status != Attempt.Status.IN_PROGRESS else None,
    )


def _answers(attempt, questions, row):
    for position, (question, value) in enumerate(zip(questions, row, strict=True)):
        if value is None:
            continue
        AttemptAnswer.objects.create(
            attempt=attempt,
            question=question,
            position=position,
            snapshot={},
            is_correct=bool(value),
        )


@pytest.fixture
def quiz_data(catalogue):
    course = add_course(catalogue, title="Identification", modules=1, lessons=1)
    other_course = add_course(catalogue, title="Voluntary return", modules=1, lessons=1)
    questions = [ChoiceQuestionFactory(text=f"Question {n}") for n in range(1, 4)]
    quiz = QuizFactory(course=course, purpose=Quiz.Purpose.POST_TEST, questions=questions)
    first_attempts = []
    for index, row in enumerate(FIRST_ATTEMPTS):
        trainee = TraineeFactory()
        enrolment = Enrolment.objects.create(
            trainee=trainee, course=course, status=Enrolment.Status.ACTIVE
        )
        number = 1
        if index == 1:
            # An attempt still in progress comes first and is not graded: skipped.
            in_progress = _attempt(quiz, trainee, enrolment, 1, Attempt.Status.IN_PROGRESS)
            _answers(in_progress, questions, (0, 0, 0))
            number = 2
        first_attempts.append(_attempt(quiz, trainee, enrolment, number))
        _answers(first_attempts[-1], questions, row)
        if index == 0:
            # A later attempt, all wrong: only the first counts.
            _answers(_attempt(quiz, trainee, enrolment, number + 1), questions, (0, 0, 0))
    row, question = UNGRADED
    AttemptAnswer.objects.filter(attempt=first_attempts[row], question=questions[question]).update(
        is_correct=None
    )
    # Out of scope: a trainee whose enrolment was never accepted, and one enrolled only in
    # another course (an attempt of the quiz without enrolment in its course).
    for status, enrolled_course in (
        (Enrolment.Status.PENDING, course),
        (Enrolment.Status.ACTIVE, other_course),
    ):
        outsider = TraineeFactory()
        enrolment = Enrolment.objects.create(
            trainee=outsider, course=enrolled_course, status=status
        )
        _answers(_attempt(quiz, outsider, enrolment, 1), questions, (1, 1, 1))
    return quiz, questions


def _matrix(questions):
    return pd.DataFrame(
        [[math.nan if value is None else value for value in row] for row in FIRST_ATTEMPTS],
        columns=[question.pk for question in questions],
    )


@pytest.mark.django_db
def test_database_sums_equal_the_matrix_definition(quiz_data, django_assert_num_queries):
    quiz, questions = quiz_data

    with django_assert_num_queries(1):
        counts = item_counts(ReportFilters(), [quiz.pk])

    expected = matrix_counts(_matrix(questions))
    assert list(counts) == [quiz.pk]
    got = counts[quiz.pk]
    pd.testing.assert_frame_equal(got.items, expected.items, check_dtype=False)
    assert (got.attempts, got.complete, got.complete_total, got.complete_squares) == (
        expected.attempts,
        expected.complete,
        expected.complete_total,
        expected.complete_squares,
    )
    # Written out: 7 attempts; 4 complete (the first three and the last), totals 3, 1, 1, 0.
    assert (got.attempts, got.complete, got.complete_total, got.complete_squares) == (7, 4, 5, 11)
    assert got.items["n"].tolist() == [6, 6, 6]
    assert got.items["correct"].tolist() == [4, 2, 3]


@pytest.mark.django_db
def test_the_analysis_of_the_sums_is_the_analysis_of_the_matrix(quiz_data):
    quiz, questions = quiz_data

    from_database = item_analysis_of_counts(item_counts(ReportFilters(), [quiz.pk])[quiz.pk])
    from_matrix = item_analysis(_matrix(questions))

    pd.testing.assert_frame_equal(from_database.items, from_matrix.items, check_dtype=False)
    assert from_database.kr20 == pytest.approx(from_matrix.kr20)
    assert (from_database.n_attempts, from_database.k) == (7, 3)


@pytest.mark.django_db
def test_quizzes_without_answers_are_left_out(quiz_data):
    quiz, _questions = quiz_data
    empty = QuizFactory(course=quiz.course, purpose=Quiz.Purpose.GRADED, questions=[])

    assert list(item_counts(ReportFilters(), [quiz.pk, empty.pk])) == [quiz.pk]
    assert item_counts(ReportFilters(), []) == {}
