"""The form a programme manager fills in to ask for a report."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Audience, Organisation
from courses.models import Cohort, CoursePage, Topic


class _LabelledChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of objects, each shown by ``label(obj)``."""

    def __init__(self, *args, label_from=str, **kwargs):
        self._label_from = label_from
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj) -> str:
        return self._label_from(obj)


def _with_language(title: str, obj: Any) -> str:
    return f"{title} ({obj.locale.language_code})"


class ReportFilterForm(forms.Form):
    """Period and groups a report covers; every field is optional (empty means all)."""

    period_start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    courses = _LabelledChoiceField(
        label=_("Courses"),
        queryset=CoursePage.objects.none(),
        required=False,
        label_from=lambda course: _with_language(course.title, course),
    )
    topics = _LabelledChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        label_from=lambda topic: _with_language(topic.name, topic),
    )
    audiences = forms.MultipleChoiceField(
        label=_("Audiences"), choices=Audience.choices, required=False
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations"), queryset=Organisation.objects.none(), required=False
    )
    cities = forms.MultipleChoiceField(label=_("Cities"), choices=(), required=False)
    cohorts = forms.ModelMultipleChoiceField(
        label=_("Cohorts"), queryset=Cohort.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["courses"].queryset = CoursePage.objects.select_related("locale").order_by(
            "title"
        )
        self.fields["topics"].queryset = Topic.objects.select_related("locale").order_by("name")
        self.fields["organisations"].queryset = Organisation.objects.order_by("name", "city")
        self.fields["cohorts"].queryset = Cohort.objects.order_by("name")
        cities = (
            Organisation.objects.exclude(city="")
            .order_by("city")
            .values_list("city", flat=True)
            .distinct()
        )
        self.fields["cities"].choices = [(city, city) for city in cities]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The end of the period comes before its start."))
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The cleaned choices as ``ReportRun.filters`` data (ids, codes, ISO dates)."""
        data = self.cleaned_data
        return {
            "period_start": data["period_start"].isoformat() if data.get("period_start") else None,
            "period_end": data["period_end"].isoformat() if data.get("period_end") else None,
            "courses": [course.pk for course in data.get("courses") or []],
            "topics": [topic.pk for topic in data.get("topics") or []],
            "audiences": list(data.get("audiences") or []),
            "organisations": [organisation.pk for organisation in data.get("organisations") or []],
            "cities": list(data.get("cities") or []),
            "cohorts": [cohort.pk for cohort in data.get("cohorts") or []],
        }
