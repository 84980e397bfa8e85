"""The survey form trainees fill in, built from the survey's items.

The form only renders the items and shows errors: the answers are checked by
``services.survey_response_submit``, so the rules live in one place.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from .models import SurveyItem
from .services.surveys import FREE_TEXT_MAX_LENGTH

LIKERT_CHOICES = [
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neither agree nor disagree")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
]
NPS_CHOICES = [
    (0, _("0 – not at all likely")),
    *((number, str(number)) for number in range(1, 10)),
    (10, _("10 – extremely likely")),
]
PREFIX = "item_"


def _field_for(item: SurveyItem) -> forms.Field:
    if item.kind == SurveyItem.Kind.FREE_TEXT:
        widget = forms.Textarea(attrs={"rows": 4, "maxlength": FREE_TEXT_MAX_LENGTH})
    elif item.kind == SurveyItem.Kind.LIKERT:
        widget = forms.RadioSelect(choices=LIKERT_CHOICES)
    elif item.kind == SurveyItem.Kind.NPS:
        widget = forms.RadioSelect(choices=NPS_CHOICES)
    else:
        widget = forms.RadioSelect(choices=list(enumerate(item.choice_list())))
    # Not required for the form: the service checks it and gives the message.
    field = forms.CharField(label=item.text, required=False, strip=False, widget=widget)
    field.survey_item = item
    return field


class SurveyForm(forms.Form):
    """One field per survey item: radios for scales and choices, a text area for free text."""

    def __init__(self, *args, items: list[SurveyItem], **kwargs):
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"{PREFIX}{item.pk}"] = _field_for(item)

    def answers(self) -> dict[str, str]:
        """Every posted answer by item id; ids from other surveys too, for the service to refuse."""
        return {
            key.removeprefix(PREFIX): value
            for key, value in self.data.items()
            if key.startswith(PREFIX)
        }

    def add_service_errors(self, error: ValidationError) -> None:
        """Show the service's errors next to the items they are about."""
        self.full_clean()
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for key, messages in error.message_dict.items():
            field = f"{PREFIX}{key}"
            self.add_error(
                field if key != NON_FIELD_ERRORS and field in self.fields else None, messages
            )
