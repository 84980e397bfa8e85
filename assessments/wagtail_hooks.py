from django.contrib import messages
from django.contrib.admin.utils import quote
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from courses.permissions import CourseOwnedPermissionPolicy, course_owned_views

from .completion import passed_post_test
from .models import Question, Quiz, Survey
from .quiz_panels import course_tests_panel, pre_test_gate
from .selectors.quizzes import trainee_assessment_data
from .selectors.surveys import trainee_survey_data
from .survey_panels import reaction_survey_panel

# Questions, quizzes and surveys: trainers see and change those of their own courses, and
# the shared questions they own. Registered before the viewsets, which otherwise create the
# default policy.
register_permission_policy(Question, CourseOwnedPermissionPolicy(Question, owners_field="owners"))
register_permission_policy(Quiz, CourseOwnedPermissionPolicy(Quiz))


@course_owned_views
class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Question bank")
    list_display = ["text", "kind", "points", "course", "objective"]
    list_filter = ["kind", "topics"]
    search_fields = ["text"]


@course_owned_views
class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Quizzes")
    list_display = ["title", "purpose", "course", "pass_mark_percent"]
    list_filter = ["purpose"]


class SurveyPermissionPolicy(CourseOwnedPermissionPolicy):
    """A survey trainees have answered cannot be deleted: reports need its answers."""

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "delete" and instance.responses.exists():
            return False
        return super().user_has_permission_for_instance(user, action, instance)


register_permission_policy(Survey, SurveyPermissionPolicy(Survey))


class SurveyDeleteView(DeleteView):
    """Wagtail's delete view checks the model permission only; answered surveys stay.

    Users who may not delete it anyway (no delete permission, or someone else's course) get
    Wagtail's usual refusal, not this message.
    """

    def dispatch(self, request, *args, **kwargs):
        policy, user = self.permission_policy, request.user
        if (
            policy.user_has_permission(user, "delete")
            and policy.user_has_permission_for_instance(user, "change", self.object)
            and not policy.user_has_permission_for_instance(user, "delete", self.object)
        ):
            messages.error(
                request,
                _("Trainees have answered this survey: it is kept because reports need it."),
            )
            return redirect(self.edit_url_name, quote(self.object.pk))
        return super().dispatch(request, *args, **kwargs)


@course_owned_views
class SurveyViewSet(SnippetViewSet):
    # Only the surveys: trainees' answers reach programme managers as aggregates in reports.
    model = Survey
    delete_view_class = SurveyDeleteView
    icon = "clipboard-list"
    menu_label = _("Surveys")
    list_display = ["title", "purpose", "course", "follow_up_days"]
    list_filter = ["purpose"]
    search_fields = ["title"]


class AssessmentsViewSetGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuizViewSet, SurveyViewSet)
    menu_icon = "tasks"
    menu_label = _("Assessments")
    menu_order = 300


register_snippet(AssessmentsViewSetGroup)

# What the assessments app adds to courses through Liaison's hooks (cms.hooks).
hooks.register("liaison_course_panel", course_tests_panel, order=100)
hooks.register("liaison_course_panel", reaction_survey_panel, order=200)
hooks.register("liaison_lesson_gate", pre_test_gate)
hooks.register("liaison_completion_requirement", passed_post_test, order=300)


@hooks.register("liaison_reviewed_snippets")
def assessments_reviewed_snippets() -> list:
    """Questions, quizzes and surveys are legal content: their changes go through review."""
    return [Question, Quiz, Survey]


@hooks.register("liaison_personal_data")
def assessments_personal_data(user) -> dict:
    """The trainee's quiz attempts and survey answers."""
    return {"assessments": trainee_assessment_data(user), "surveys": trainee_survey_data(user)}
