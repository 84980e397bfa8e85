"""A trainee's whole journey in Chromium, on a desktop screen and on a 360 px phone.

Sign up, confirm the address from the mail, enrol, read, play the H5P exercise, pass the
final test, complete the course, download the certificate, and have it verified by someone
who is not signed in.
"""

import re
from pathlib import Path

import pytest

from accounts.models import Audience
from assessments.models import Quiz
from tests.e2e.builders import RIGHT, add_exercise, answer, open_exercise, shows_saved
from tests.e2e.conftest import PHONE
from tests.factories import OrganisationFactory
from tests.factories.assessments import ChoiceQuestionFactory, QuizFactory
from tests.factories.certificates import CertificateTemplateFactory

PASSWORD = "Return-procedures-2026"


@pytest.fixture
def journey_course(course, lessons, trainer):
    """The shared 2 × 2 course with an exercise in its first lesson, a final test and a
    certificate template."""
    add_exercise(lessons[0], uploaded_by=trainer)
    questions = [
        ChoiceQuestionFactory(text=f"Question {n} on the procedure", correct=n % 3)
        for n in range(3)
    ]
    final = QuizFactory(
        course=course, purpose=Quiz.Purpose.POST_TEST, questions=questions, pass_mark_percent=60
    )
    final.title = "Final test: forced return"
    final.save()
    CertificateTemplateFactory(courses=[course])
    OrganisationFactory(name="Police zone Antwerpen")
    return course


def fits_the_screen(page) -> None:
    """Nothing wider than the screen: on a phone the trainee never scrolls sideways."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_a_trainee_signs_up_completes_a_course_and_has_the_certificate_verified(
    new_context, live_server, journey_course, lessons, mailoutbox, viewport
):
    page = new_context(viewport).new_page()

    # Sign up.
    page.goto("/en/accounts/signup/")
    page.get_by_label("Full name").fill("Nadia Verhoeven")
    page.get_by_label("Email").fill("nadia@example.org")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("I am").select_option(Audience.POLICE)
    organisation = page.get_by_label("Organisation:", exact=True)
    organisation.select_option(label="Police zone Antwerpen (Antwerpen)")
    fits_the_screen(page)
    page.get_by_role("button", name=re.compile("Sign up", re.I)).click()
    page.get_by_role("heading", name=re.compile("verify", re.I)).wait_for()

    # Confirm the address with the link from the mail.
    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/confirm-email/\S+", mailoutbox[0].body).group(0)
    page.goto(link.replace("http://testserver", live_server.url))
    page.get_by_role("button", name=re.compile("Confirm", re.I)).click()

    # Enrol from the catalogue.
    page.goto(journey_course.get_parent().url)
    page.get_by_role("link", name=journey_course.title).first.click()
    page.get_by_role("button", name="Enrol").click()
    page.get_by_text("Leave this course").wait_for()
    fits_the_screen(page)

    # Lesson 1: the exercise, answered right; its score counts and the lesson is done.
    exercise = open_exercise(page, lessons[0].url)
    answer(exercise, RIGHT)
    shows_saved(page)
    fits_the_screen(page)

    # The other lessons: read, then mark finished.
    for lesson in lessons[1:]:
        page.goto(lesson.url)
        page.get_by_role("button", name="I have finished this lesson").click()
        page.wait_for_load_state()

    # The final test, answered right.
    page.goto(journey_course.url)
    page.get_by_role("link", name="Final test: forced return").click()
    page.get_by_role("button", name="Start").click()
    for n in range(3):
        page.get_by_role("group", name=re.compile(f"Question {n} on the procedure")).get_by_label(
            f"Answer {n % 3}"
        ).check()
    fits_the_screen(page)
    page.get_by_role("button", name="Submit my answers").click()
    page.get_by_text(re.compile("passed", re.I)).first.wait_for()

    # The course is complete and its certificate is there.
    page.goto("/en/certificates/")
    page.get_by_text(journey_course.title).first.wait_for()
    fits_the_screen(page)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("PDF", re.I)).first.click()
    pdf = download.value
    assert Path(pdf.path()).read_bytes()[:5] == b"%PDF-"

    share_link = page.get_by_label("Share link").input_value()
    assert share_link.startswith(live_server.url)

    # An employer, not signed in, opens the shared link.
    other = new_context().new_page()
    other.goto(share_link)
    other.get_by_text("Nadia Verhoeven").wait_for()
    assert other.get_by_text(re.compile("valid", re.I)).first.is_visible()
    assert journey_course.title in other.content()
    fits_the_screen(other)
