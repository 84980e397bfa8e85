"""Wagtail editor forms for course pages."""

from collections.abc import Iterator

from django import forms
from django.db.models import Model, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue, StructValue

from accounts import roles
from accounts.models import User


class CoursePageForm(WagtailAdminPageForm):
    """The creating trainer starts as an owner and cannot remove themselves by mistake."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainers" in self.fields:
            self.fields["trainers"].queryset = User.objects.filter(
                Q(groups__name=roles.TRAINERS) | Q(is_superuser=True), is_active=True
            ).distinct()
        user = self.for_user
        if user is not None and not self.instance.pk and "trainers" in self.fields:
            self.initial["trainers"] = [user.pk]

    def clean_trainers(self):
        trainers = self.cleaned_data["trainers"]
        user = self.for_user
        if user is not None and not user.is_superuser and user not in trainers:
            raise forms.ValidationError(
                _("Keep yourself among the owning trainers, or you could no longer edit it.")
            )
        return trainers


def _chosen_objects(body: StreamValue) -> Iterator[Model]:
    """Objects chosen in a lesson's blocks (a quiz in the quiz block, say)."""
    for block in body:
        values = block.value.values() if isinstance(block.value, StructValue) else [block.value]
        yield from (value for value in values if isinstance(value, Model))


class LessonPageForm(WagtailAdminPageForm):
    """Whatever a lesson embeds that belongs to a course (a quiz) belongs to the lesson's
    course: only trainees enrolled in a quiz's course can take it, so another course's quiz
    would show this course's trainees a quiz they cannot open."""

    def clean(self):
        from .models import CoursePage

        cleaned = super().clean()
        body, parent = cleaned.get("body"), self.parent_page
        if body is None or parent is None:
            return cleaned
        course = CoursePage.objects.ancestor_of(parent, inclusive=True).first()
        foreign = [
            str(chosen)
            for chosen in _chosen_objects(body)
            if getattr(chosen, "course_id", None) not in (None, getattr(course, "pk", None))
        ]
        if foreign:
            self.add_error(
                "body",
                _(
                    "Choose what belongs to this course: only its trainees can take it. From "
                    "another course: %(items)s"
                )
                % {"items": "; ".join(foreign)},
            )
        return cleaned
