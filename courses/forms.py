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
