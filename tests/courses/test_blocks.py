"""The lesson block set: one class, so the lesson migrations never depend on settings."""

from django.core.management import call_command
from django.urls import reverse

from courses.blocks import LessonStreamBlock
from courses.models import LessonPage


def test_the_lesson_body_holds_every_block_of_the_lesson_stream_block():
    body = LessonPage._meta.get_field("body").stream_block

    assert isinstance(body, LessonStreamBlock)
    assert list(body.child_blocks) == [
        "rich_text",
        "heading",
        "image",
        "video",
        "document",
        "callout",
        "case_study",
        "glossary_term",
        "checklist",
        "quiz",
        "h5p",
    ]


def test_the_migrations_describe_the_lesson_blocks(db):
    # Exits with status 1 when the blocks differ from what the migrations recorded.
    call_command("makemigrations", "courses", check=True, dry_run=True, verbosity=0)


def test_the_h5p_block_offers_the_chooser_the_h5p_app_registers():
    reverse("wagtailadmin_home")  # loading the admin's URLs registers its choosers

    widget = LessonStreamBlock().child_blocks["h5p"].child_blocks["content"].widget

    assert widget.chooser_modal_url_name == "h5p_content_chooser:choose"
