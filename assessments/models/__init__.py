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
from .surveys import (
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyItem,
    SurveyResponse,
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
    "Survey",
    "SurveyAnswer",
    "SurveyInvitation",
    "SurveyItem",
    "SurveyResponse",
]
