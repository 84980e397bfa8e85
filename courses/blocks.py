"""The one block set shared by every lesson: ``LessonStreamBlock``.

Each block renders with its own template (``courses/blocks/<name>.html``), and the lesson
template renders blocks with ``include_block``, so a new block type needs no template change.
The quiz and H5P blocks are declared here too, so that the set (and so the lesson migrations)
is the same whatever the settings; they name their models by string and render with their
own app's template, so courses imports neither assessments nor h5p.
"""

from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"), choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "courses/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    """A video uploaded as a document or embedded from a video site, with accessible text."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    video_file = DocumentChooserBlock(
        label=_("Uploaded video"), required=False, help_text=_("An MP4 or WebM file.")
    )
    embed = EmbedBlock(label=_("Embedded video"), required=False)
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"), required=False, help_text=_("A .vtt file for the upload.")
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=["bold", "italic", "link", "ul"]
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("video_file")) == bool(value.get("embed")):
            raise StructBlockValidationError(
                block_errors={
                    "video_file": ValidationError(_("Upload a video or embed one, not both.")),
                }
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        template = "courses/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(label=_("Description"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "courses/blocks/document.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("legal", _("Legal note")), ("warning", _("Warning")), ("tip", _("Tip"))],
        default="legal",
    )
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "courses/blocks/callout.html"


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    scenario = blocks.RichTextBlock(label=_("Scenario"), features=RICH_TEXT_FEATURES)
    question = blocks.TextBlock(label=_("Reflective question"))

    class Meta:
        icon = "group"
        label = _("Case study")
        template = "courses/blocks/case_study.html"


class GlossaryTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=120)
    definition = blocks.TextBlock(label=_("Definition"))

    class Meta:
        icon = "help"
        label = _("Glossary term")
        template = "courses/blocks/glossary_term.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=300), label=_("Items"))

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "courses/blocks/checklist.html"


class ModelChooserBlock(blocks.ChooserBlock):
    """Chooses an instance of ``target_model`` ("app_label.Model") with that model's own chooser.

    The chooser is the one the model's app registers with a ``ChooserViewSet``, which makes it
    the admin widget of every foreign key to the model (once the admin's URLs are loaded, as
    they are before any admin form is shown); asking for that widget lets courses offer the
    chooser of a model it does not import.
    """

    def __init__(self, target_model: str, **kwargs):
        super().__init__(**kwargs)
        self.target_model = target_model

    @cached_property
    def widget(self):
        field = formfield_for_dbfield(models.ForeignKey(self.model_class, on_delete=models.CASCADE))
        if not getattr(field.widget, "get_value_data", None):
            raise ImproperlyConfigured(f"No chooser is registered for {self.target_model}.")
        return field.widget

    def get_form_state(self, value):
        return self.widget.get_value_data(value)


class QuizBlock(blocks.StructBlock):
    """A quiz of the course, shown as a card linking to the quiz with the trainee's score."""

    quiz = SnippetChooserBlock("assessments.Quiz", label=_("Quiz"))
    intro = blocks.TextBlock(
        label=_("Introduction"), required=False, help_text=_("Why the trainee takes this quiz.")
    )

    class Meta:
        icon = "tasks"
        label = _("Quiz")
        # The assessments app's template (and its tags) show the trainee's standing.
        template = "assessments/blocks/quiz.html"


class H5PBlock(blocks.StructBlock):
    """An H5P exercise played in the lesson; its score can be required to finish the lesson."""

    content = ModelChooserBlock("h5p.H5PContent", label=_("H5P exercise"))
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
        # The h5p app's template frames its player; the h5p app reads ``required`` and
        # ``pass_scaled`` to decide whether the lesson is finished.
        template = "h5p/blocks/h5p.html"


class LessonStreamBlock(blocks.StreamBlock):
    """Every block a lesson may hold, declared as a class so migrations never read settings."""

    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Text"), template="courses/blocks/rich_text.html"
    )
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    case_study = CaseStudyBlock()
    glossary_term = GlossaryTermBlock()
    checklist = ChecklistBlock()
    quiz = QuizBlock()
    h5p = H5PBlock()
