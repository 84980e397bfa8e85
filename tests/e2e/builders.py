"""Content the browser tests play: an H5P exercise in a lesson, a course to complete."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from demo.h5p_packages import build_h5p_package
from h5p.services.packages import h5p_package_import

RIGHT = "The Immigration Office"
WRONG = "The municipality"


def add_exercise(lesson, *, uploaded_by, required_score: str = "1"):
    """Put the project's own single-choice H5P exercise after the lesson's text; publish."""
    package = build_h5p_package(
        title="Who issues an order to leave the territory?",
        answers=[RIGHT, WRONG, "The police zone"],
        correct=0,
    )
    content = h5p_package_import(
        file=SimpleUploadedFile("exercise.h5p", package, content_type="application/zip"),
        uploaded_by=uploaded_by,
    )
    lesson.body = [
        ("rich_text", "<p>Read this, then answer the question below.</p>"),
        ("h5p", {"content": content, "required": True, "pass_scaled": Decimal(required_score)}),
    ]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def open_exercise(page, lesson_url: str):
    """Open the lesson; return the sandboxed player frame, once the exercise shows."""
    page.goto(lesson_url)
    exercise = page.frame_locator("iframe.h5p-frame")
    exercise.get_by_text(WRONG).wait_for()
    return exercise


def answer(exercise, choice: str) -> None:
    exercise.get_by_text(choice).click()
    exercise.get_by_role("button", name="Check").click()


def shows_saved(frame, text: str = "Your result is saved.") -> None:
    """Wait for the player's status line to say ``text``.

    Tests read the database only once a page says the server answered: on SQLite the live
    server shares the test's in-memory connection, and reading while it writes fails.
    """
    frame.locator("[data-player-status]").filter(has_text=text).wait_for(timeout=30_000)
