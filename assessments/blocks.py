"""The quiz block of the lesson StreamField (added through LIAISON_LESSON_EXTRA_BLOCKS)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class QuizBlock(blocks.StructBlock):
    """A quiz of the course, shown as a card linking to the quiz with the trainee's score."""

    quiz = SnippetChooserBlock("assessments.Quiz", label=_("Quiz"))
    intro = blocks.TextBlock(
        label=_("Introduction"), required=False, help_text=_("Why the trainee takes this quiz.")
    )

    class Meta:
        icon = "tasks"
        label = _("Quiz")
        template = "assessments/blocks/quiz.html"
