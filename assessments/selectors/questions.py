"""Reads about the question bank: which questions a user may put in a quiz."""

from django.db.models import QuerySet
from wagtail.permissions import policy_registry

from accounts.models import User

from ..models import Question


def questions_usable_by(user: User) -> QuerySet[Question]:
    """The questions a user may ask in a quiz: a trainer's are those of the courses they own
    and the shared bank, whoever owns it; administrators use every question."""
    return policy_registry.get_by_type(Question).instances_user_may_choose(user)
