from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Question, Quiz


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Question bank")
    list_display = ["text", "kind", "points", "objective"]
    list_filter = ["kind", "topics"]
    search_fields = ["text"]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Quizzes")
    list_display = ["title", "purpose", "course", "pass_mark_percent"]
    list_filter = ["purpose"]


class AssessmentsViewSetGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuizViewSet)
    menu_icon = "tasks"
    menu_label = _("Assessments")
    menu_order = 300


register_snippet(AssessmentsViewSetGroup)
