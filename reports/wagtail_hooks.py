"""Programme indicators and their values in the Wagtail admin (programme managers, admins)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import IndicatorValue, ProgrammeIndicator


class ProgrammeIndicatorViewSet(SnippetViewSet):
    # Programme managers add, change and delete (reports 0002_programme_manager_permissions).
    model = ProgrammeIndicator
    icon = "crosshairs"
    menu_label = _("Indicators")
    list_display = ["name", "unit", "target", "sort_order"]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("target"), FieldPanel("sort_order")]),
    ]


class IndicatorValueViewSet(SnippetViewSet):
    model = IndicatorValue
    icon = "list-ol"
    menu_label = _("Indicator values")
    list_display = ["indicator", "period_start", "period_end", "value", "recorded_by"]
    list_filter = ["indicator"]
    ordering = ["indicator__sort_order", "indicator__name", "-period_start"]
    # Who recorded a value is set from the request (after_create_snippet below).
    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("value"),
        FieldPanel("note"),
    ]


class ResultsViewSetGroup(SnippetViewSetGroup):
    items = (ProgrammeIndicatorViewSet, IndicatorValueViewSet)
    menu_icon = "crosshairs"
    menu_label = _("Programme results")
    menu_order = 500


register_snippet(ResultsViewSetGroup)


@hooks.register("after_create_snippet")
def record_indicator_value_author(request, instance):
    """A new indicator value remembers who recorded it."""
    if isinstance(instance, IndicatorValue) and instance.recorded_by_id is None:
        IndicatorValue.objects.filter(pk=instance.pk).update(recorded_by=request.user)
