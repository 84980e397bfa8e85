"""Forms of the courses app."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import Audience

from .models import Topic


class CatalogueFilterForm(forms.Form):
    """Filters and search of the catalogue; every field is optional."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All topics"),
    )
    audience = forms.ChoiceField(
        label=_("Audience"), required=False, choices=[("", _("All audiences")), *Audience.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        topics = Topic.objects.all()
        if locale is not None:
            topics = topics.filter(locale=locale)
        self.fields["topic"].queryset = topics.order_by("name")


class SessionForm(forms.Form):
    """A trainer plans a classroom session; the rules live in ``session_create``."""

    course = forms.ModelChoiceField(label=_("Course"), queryset=None)
    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=None,
        required=False,
        empty_label=_("Open to every trainee of the course"),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    location = forms.CharField(
        label=_("Location"),
        max_length=250,
        required=False,
        help_text=_("The room and address, or leave empty for an online session."),
    )
    online_url = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https", max_length=200
    )
    trainer = forms.ModelChoiceField(label=_("Trainer"), queryset=None)
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=32767)

    def __init__(self, *args, courses, cohorts, trainers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
        self.fields["cohort"].queryset = cohorts
        self.fields["trainer"].queryset = trainers


class CheckInForm(forms.Form):
    """The code a trainer shows in the classroom."""

    code = forms.CharField(
        label=_("Session code"),
        max_length=20,
        help_text=_("The code your trainer shows, for example K7QM2X."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class AttendanceForm(forms.Form):
    """The trainer's checklist: one box per trainee holding a seat."""

    attended = forms.TypedMultipleChoiceField(
        label=_("Present"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, registrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [
            (registration.trainee_id, str(registration.trainee)) for registration in registrations
        ]
        self.fields["attended"].initial = [
            registration.trainee_id for registration in registrations if registration.attended
        ]


class CohortForm(forms.Form):
    """A new cohort: its course (among those the user manages), trainers, group and dates."""

    name = forms.CharField(label=_("Name"), max_length=150)
    course = forms.ModelChoiceField(label=_("Course"), queryset=None)
    trainers = forms.ModelMultipleChoiceField(
        label=_("Trainers"),
        queryset=None,
        help_text=_("The trainers who lead the cohort and follow its members' progress."),
    )
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None, required=False)
    starts_on = forms.DateField(
        label=_("Starts on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Ends on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, courses, trainers, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
        self.fields["trainers"].queryset = trainers
        self.fields["organisation"].queryset = organisations


class CohortMembersForm(forms.Form):
    """People picked from a search to join a cohort."""

    users = forms.ModelMultipleChoiceField(
        label=_("People to add"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = candidates


class CohortCsvForm(forms.Form):
    """A CSV file of emails to enrol in a cohort."""

    file = forms.FileField(
        label=_("CSV file of email addresses"),
        help_text=_(
            "One email address per line; a first line “email” is skipped. Commas or "
            "semicolons, UTF-8."
        ),
    )
