"""The one block set shared by every lesson; later apps add theirs through a setting.

Each block renders with its own template (``courses/blocks/<name>.html``), and the lesson
template renders blocks with ``include_block``, so a new block type needs no template change.
"""

from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from . import defaults

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


def lesson_blocks() -> list[tuple[str, blocks.Block]]:
    """The lesson block set: Liaison's own blocks plus those other apps add in settings."""
    own = [
        (
            "rich_text",
            blocks.RichTextBlock(
                features=RICH_TEXT_FEATURES,
                label=_("Text"),
                template="courses/blocks/rich_text.html",
            ),
        ),
        ("heading", HeadingBlock()),
        ("image", ImageBlock()),
        ("video", VideoBlock()),
        ("document", DocumentBlock()),
        ("callout", CalloutBlock()),
        ("case_study", CaseStudyBlock()),
        ("glossary_term", GlossaryTermBlock()),
        ("checklist", ChecklistBlock()),
    ]
    extra = [(name, import_string(path)()) for name, path in defaults.LESSON_EXTRA_BLOCKS]
    return own + extra
