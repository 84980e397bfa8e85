"""A trainer's journey in Chromium: author a course in the Wagtail admin, have a second
trainer approve it, enrol a cohort from a CSV file and take attendance at a session."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, log_in
from tests.factories import TraineeFactory, TrainerFactory

PASSWORD = "Trainer-password-2026"


@pytest.fixture
def authors(catalogue):
    first = TrainerFactory(email="ines@example.org", full_name="Inès Lambert")
    second = TrainerFactory(email="pieter@example.org", full_name="Pieter Claes")
    for trainer in (first, second):
        trainer.set_password(PASSWORD)
        trainer.save()
    return first, second


def sign_in(page, email: str) -> None:
    page.goto("/en/accounts/login/")
    page.get_by_label(re.compile("^Email")).fill(email)
    page.get_by_label(re.compile("^Password")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in|Log in", re.I)).click()
    page.wait_for_load_state()


def footer_action(page, name: str) -> None:
    """Choose an action from the editor's footer menu (Save draft's drop-down)."""
    footer = page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name=name, exact=True).click()


def test_a_trainer_authors_a_course_and_a_second_trainer_approves_it(
    new_context, catalogue, authors
):
    author, reviewer = authors
    page = new_context().new_page()
    sign_in(page, author.email)
    page.goto(f"/admin/pages/add/courses/coursepage/{catalogue.pk}/")
    page.locator("#id_title").fill("Document checks at the counter")
    page.keyboard.press("Tab")  # leaving the title fills the slug
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.locator("#id_summary").fill("How municipal staff check identity documents.")
    page.locator("#id_objectives-0-text").fill("Recognise the security features of a passport.")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    course_id = int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))

    page.goto(f"/admin/pages/add/courses/modulepage/{course_id}/")
    page.locator("#id_title").fill("Security features")
    page.keyboard.press("Tab")  # leaving the title fills the slug
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    module_id = int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))

    page.goto(f"/admin/pages/add/courses/lessonpage/{module_id}/")
    page.locator("#id_title").fill("Checking a passport")
    page.keyboard.press("Tab")  # leaving the title fills the slug
    expect(page.locator("#id_slug")).not_to_have_value("")
    page.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text").click()
    page.locator("[contenteditable=true]").click()  # Draftail reads typed keys, not fill()
    page.keyboard.type("Hold the passport under UV light and look for the hidden image.")
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    page.get_by_role("button", name="Save draft").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))

    lesson_id = int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))

    # Submit each page to the Legal review.
    for page_id in (course_id, module_id, lesson_id):
        page.goto(f"/admin/pages/{page_id}/edit/")
        footer_action(page, "Submit to Legal review")
        page.get_by_text("has been submitted for moderation").first.wait_for()
    # Four eyes: nothing waits for the author's own review.
    page.goto("/admin/")
    expect(page.get_by_text("Awaiting your review")).to_have_count(0)

    # The second trainer approves the three pages from the dashboard: the course goes live.
    review = new_context().new_page()
    sign_in(review, reviewer.email)
    review.goto("/admin/")
    waiting = review.locator("section, div.w-panel").filter(has_text="Awaiting your review").last
    for title in ("Document checks at the counter", "Security features", "Checking a passport"):
        row = waiting.get_by_role("row").filter(has_text=title)
        row.get_by_role("button").last.click()
        review.get_by_role("button", name="Approve", exact=True).click()
        review.wait_for_load_state()
        review.goto("/admin/")
        expect(review.get_by_role("row").filter(has_text=title)).to_have_count(0)

    # Published: anyone sees the course and its lesson in the catalogue.
    visitor = new_context().new_page()
    visitor.goto(catalogue.url)
    visitor.get_by_role("link", name="Document checks at the counter").click()
    visitor.get_by_text("Recognise the security features of a passport.").wait_for()
    visitor.get_by_text("Checking a passport").wait_for()


def test_a_trainer_enrols_a_cohort_from_a_csv_file_and_takes_attendance(
    new_context, live_server, course, trainer
):
    police = [
        TraineeFactory(email="officer.one@example.org", full_name="Karim Benali"),
        TraineeFactory(email="officer.two@example.org", full_name="Sofie Janssens"),
    ]
    context = new_context()
    log_in(context, live_server, trainer)
    page = context.new_page()

    # A cohort for the course, its members from a spreadsheet export.
    page.goto("/en/learning/trainer/cohorts/")
    page.get_by_label("Name").fill("Antwerp police, spring intake")
    page.get_by_label("Course").select_option(label=course.title)
    page.get_by_role("button", name="Create the cohort").click()
    page.get_by_text("is created").wait_for()
    csv_file = "email;name\nofficer.one@example.org;Karim\nOFFICER.TWO@example.org ;Sofie\n"
    page.locator("input[type=file]").set_input_files(
        {"name": "cohort.csv", "mimeType": "text/csv", "buffer": csv_file.encode()}
    )
    page.get_by_role("button", name="Check the file").click()
    page.get_by_role("button", name="Enrol 2 people").click()
    page.get_by_role("heading", name="2 members").wait_for()
    for trainee in police:
        expect(page.get_by_text(trainee.full_name).first).to_be_visible()

    # A classroom session for the cohort.
    page.goto("/en/learning/trainer/sessions/new/")
    page.get_by_label("Course").select_option(label=course.title)
    cohort = page.get_by_label("Cohort").locator("option", has_text="Antwerp police")
    page.get_by_label("Cohort").select_option(cohort.get_attribute("value"))
    page.get_by_label("Title").fill("Workshop: the removal procedure step by step")
    starts = timezone.localtime() + timedelta(hours=1)
    page.get_by_label("Starts").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Ends").fill((starts + timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Location").fill("Police academy, Antwerp, room 2.14")
    page.get_by_label("Capacity").fill("12")
    page.get_by_role("button", name="Plan the session").click()
    page.get_by_text("The session is planned.").wait_for()
    attendance_url = page.url

    # Both officers take a seat from the course page, on their phones.
    for trainee in police:
        seat = new_context(PHONE)
        log_in(seat, live_server, trainee)
        officer = seat.new_page()
        officer.goto(course.url)
        officer.get_by_role("link", name="Sign up for a session").click()
        officer.get_by_role("button", name="Sign up").click()
        officer.get_by_role("button", name="Cancel my seat").wait_for()

    # In the room: one is present, one is not.
    page.goto(attendance_url)
    page.get_by_label("Karim Benali").check()
    page.get_by_role("button", name="Save attendance").click()
    page.get_by_text("Attendance saved.").wait_for()
    expect(page.get_by_label("Karim Benali")).to_be_checked()
    expect(page.get_by_label("Sofie Janssens")).not_to_be_checked()
