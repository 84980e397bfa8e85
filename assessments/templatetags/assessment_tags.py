"""Template helpers for quiz blocks in lessons."""

from django import template

from ..selectors.quizzes import QuizStanding, quiz_standing

register = template.Library()


@register.simple_tag(takes_context=True)
def quiz_standing_for(context, quiz) -> QuizStanding | None:
    """The signed-in trainee's attempts at ``quiz`` (None for visitors or a deleted quiz)."""
    request = context.get("request")
    if quiz is None or request is None or not request.user.is_authenticated:
        return None
    return quiz_standing(quiz=quiz, trainee=request.user)
