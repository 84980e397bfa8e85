"""Fixtures of the assessments tests: an enrolment, a graded quiz, the two surveys."""

import pytest

from assessments.models import Survey
from tests.factories.assessments import ChoiceQuestionFactory, QuizFactory, SurveyFactory
from tests.factories.courses import EnrolmentFactory


@pytest.fixture
def enrolled(trainee, course):
    return EnrolmentFactory(trainee=trainee, course=course)


@pytest.fixture
def quiz(course):
    questions = [ChoiceQuestionFactory(text=f"Question {n}") for n in range(4)]
    return QuizFactory(course=course, questions=questions, pass_mark_percent=75)


@pytest.fixture
def reaction(course):
    return SurveyFactory(course=course)


@pytest.fixture
def follow_up(course):
    return SurveyFactory(course=course, purpose=Survey.Purpose.FOLLOW_UP)
