"""Models of the assessments app: quizzes and attempts; surveys and their responses."""

from .quizzes import (
    Attempt,
    AttemptAnswer,
    Choice,
    MatchingPair,
    PreTestSkip,
    Question,
    Quiz,
    QuizQuestion,
)

__all__ = [
    "Attempt",
    "AttemptAnswer",
    "Choice",
    "MatchingPair",
    "PreTestSkip",
    "Question",
    "Quiz",
    "QuizQuestion",
]
