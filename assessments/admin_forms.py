"""Admin forms of quizzes and surveys: their own courses, and the rules that need the quiz
and its question list together."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from courses.permissions import OwnedCoursesFieldMixin


class QuestionAdminForm(OwnedCoursesFieldMixin, WagtailAdminModelForm):
    """A trainer gives a question one of their own courses, or leaves it in the shared bank,
    where they become one of its owners (only administrators name the owners)."""

    def save(self, commit=True):
        user = getattr(self, "for_user", None)
        if user is not None and not user.is_superuser and self.cleaned_data.get("course") is None:
            # In memory until the question is saved: the revision keeps it too.
            owners = list(self.instance.owners.all()) if self.instance.pk else []
            if user not in owners:
                self.instance.owners.set([*owners, user])
        return super().save(commit=commit)


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
        self._refuse_questions_not_usable()
        course, purpose = cleaned.get("course"), cleaned.get("purpose")
        if course is None or purpose not in ("pre_test", "post_test"):
            return cleaned
        formset = self._question_formset()
        if formset is None:
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

    def _question_formset(self):
        formset = self.formsets.get("quiz_questions")
        if formset is None or not formset.is_valid():
            return None
        return formset

    def _chosen_questions(self) -> list:
        formset = self._question_formset()
        if formset is None:
            return []
        return [
            form.cleaned_data["question"]
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def _refuse_questions_not_usable(self) -> None:
        """A trainer asks only questions of their own courses or of the shared bank."""
        # Imported here: the models import this module.
        from .selectors.questions import questions_usable_by

        user = getattr(self, "for_user", None)
        chosen = self._chosen_questions()
        if user is None or user.is_superuser or not chosen:
            return
        usable = set(
            questions_usable_by(user)
            .filter(pk__in=[question.pk for question in chosen])
            .values_list("pk", flat=True)
        )
        refused = [str(question) for question in chosen if question.pk not in usable]
        if refused:
            raise ValidationError(
                _(
                    "These questions belong to courses you do not own; use questions of your "
                    "courses or of the shared bank: %(questions)s"
                )
                % {"questions": "; ".join(refused)}
            )
