"""Builders for questions and quizzes, on top of the courses fixtures."""

import pytest

from assessments.models import Choice, Question, Quiz, QuizQuestion
from courses import services as course_services


def make_choice_question(text="Who decides on a forced return?", points=1, correct=0, n=3):
    question = Question(kind=Question.Kind.SINGLE, text=text, points=points)
    question.save()
    for i in range(n):
        Choice.objects.create(question=question, text=f"Answer {i}", is_correct=i == correct)
    return question


def make_quiz(*, course=None, purpose=Quiz.Purpose.GRADED, questions=(), **fields):
    fields.setdefault(
        "feedback", Quiz.Feedback.NEVER if purpose == "pre_test" else "after_submission"
    )
    quiz = Quiz(title=f"{purpose} quiz", purpose=purpose, course=course, **fields)
    quiz.full_clean()
    quiz.save()
    for order, question in enumerate(questions):
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=order)
    return quiz


def correct_choice(answer_row) -> int:
    return next(c["id"] for c in answer_row.snapshot["choices"] if c["is_correct"])


def wrong_choice(answer_row) -> int:
    return next(c["id"] for c in answer_row.snapshot["choices"] if not c["is_correct"])


@pytest.fixture
def enrolled(trainee, course):
    return course_services.enrolment_enrol(trainee=trainee, course=course)[0]


@pytest.fixture
def quiz(course):
    questions = [make_choice_question(text=f"Question {n}") for n in range(4)]
    return make_quiz(course=course, questions=questions, pass_mark_percent=75)
