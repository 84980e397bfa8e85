"""Admin forms of quizzes and surveys: their own courses, and the rules that need the quiz
and its question list together."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.permissions import OwnedCoursesFieldMixin


class SurveyAdminForm(OwnedCoursesFieldMixin, WagtailAdminModelForm):
    """A trainer gives a survey one of their own courses, and each report role to one
    question at most (the report reads the role's headline from that question)."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("items")
        if formset is None or not formset.is_valid():
            return cleaned
        roles = [
            form.cleaned_data.get("role")
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        given = [role for role in roles if role and role != "none"]
        twice = sorted({role for role in given if given.count(role) > 1})
        if twice:
            raise ValidationError(
                _("Give each role in the report to one question only. Given twice: %(roles)s")
                % {"roles": ", ".join(twice)}
            )
        return cleaned


class QuizAdminForm(OwnedCoursesFieldMixin, WagtailAdminModelForm):
    """Pre-tests and post-tests only use questions tagged with the course's objectives.

    Both tests of a course then measure the same objectives, so the learning gain between
    them can be compared (the Reports issue computes it per objective). A trainer gives a
    quiz one of their own courses.
    """

    def clean(self):
        cleaned = super().clean()
        course, purpose = cleaned.get("course"), cleaned.get("purpose")
        if course is None or purpose not in ("pre_test", "post_test"):
            return cleaned
        formset = self.formsets.get("quiz_questions")
        if formset is None or not formset.is_valid():
            return cleaned
        objectives = set(course.objectives.values_list("pk", flat=True))
        off_course = [
            str(form.cleaned_data["question"])
            for form in formset.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data["question"].objective_id not in objectives
        ]
        if off_course:
            raise ValidationError(
                _(
                    "Every question of a pre-test or post-test must be tagged with one of the "
                    "course's learning objectives. Not tagged so: %(questions)s"
                )
                % {"questions": "; ".join(off_course)}
            )
        return cleaned
