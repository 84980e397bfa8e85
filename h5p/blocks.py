"""The H5P block of the lesson StreamField (added through LIAISON_LESSON_EXTRA_BLOCKS)."""

from decimal import Decimal
from functools import cached_property

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class H5PContentChooserBlock(blocks.ChooserBlock):
    """Chooses an uploaded package; the model resolves lazily, after the apps are loaded."""

    target_model = "h5p.H5PContent"

    @cached_property
    def widget(self):
        from .choosers import h5p_content_chooser_viewset

        return h5p_content_chooser_viewset.widget_class()

    def get_form_state(self, value):
        return self.widget.get_value_data(value)

    class Meta:
        icon = "media"


class H5PBlock(blocks.StructBlock):
    """An H5P exercise played in the lesson; its score can be required to finish the lesson."""

    content = H5PContentChooserBlock(label=_("H5P exercise"))
    required = blocks.BooleanBlock(
        label=_("Required to finish the lesson"),
        required=False,
        default=True,
        help_text=_("The trainee must reach the pass score before the lesson counts as done."),
    )
    pass_scaled = blocks.DecimalBlock(
        label=_("Score needed to pass (0 to 1)"),
        min_value=Decimal("0"),
        max_value=Decimal("1"),
        decimal_places=2,
        default=Decimal("0.5"),
    )

    class Meta:
        icon = "media"
        label = _("H5P exercise")
        template = "h5p/blocks/h5p.html"
