"""Accessibility in Chromium: axe-core on every public and trainee page type, and a quiz done
with the keyboard alone.

Each page type is built with the least it needs, opened at desktop size and at the 360 px
phone size, and scanned with the pinned axe-core (``tests/e2e/pages.py``). A serious or
critical violation, or an aria-describedby or aria-labelledby naming a missing id, fails the
test with the rule, its help and where it is; the fix belongs in the product's templates and
styles, not in an exclusion here.
"""

import io
from decimal import Decimal
from functools import cached_property
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from assessments import services as assessment_services
from assessments.models import Attempt, Choice, MatchingPair, Question, Quiz
from certificates.models import Certificate
from courses import services as course_services
from courses.models import LessonPage
from demo.h5p_packages import build_h5p_package
from h5p.services.packages import h5p_package_import
from tests.e2e.conftest import PHONE, log_in
from tests.e2e.pages import (
    accessibility_problems,
    assert_accessible,
    describe,
    focus_is_visible,
    focus_style,
)
from tests.factories.assessments import QuizFactory, SurveyFactory
from tests.factories.certificates import CertificateTemplateFactory
from tests.factories.courses import add_course, study

DESKTOP = {"width": 1280, "height": 800}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:04.000\nThe officer explains the decision.\n"


def png() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), "#0b4f8a").save(buffer, "PNG")
    return buffer.getvalue()


def document(title: str, name: str, data: bytes):
    """A document as an editor uploads it: the allowed extensions are checked."""
    doc = get_document_model()(title=title, file=ContentFile(data, name=name))
    doc.full_clean()
    doc.save()
    return doc


def every_kind_of_question() -> list[Question]:
    """One question of each kind, the first choice or pair always the right one."""
    questions = []
    for kind, text, choices in [
        (Question.Kind.SINGLE, "Who takes the removal decision?", ["Immigration Office", "Mayor"]),
        (
            Question.Kind.TRUE_FALSE,
            "A minor can be detained in a closed centre.",
            ["False", "True"],
        ),
        (
            Question.Kind.MULTIPLE,
            "Which documents prove identity?",
            ["Passport", "ID card", "Bus ticket"],
        ),
    ]:
        question = Question.objects.create(kind=kind, text=text)
        for order, choice in enumerate(choices):
            Choice.objects.create(
                question=question,
                text=choice,
                is_correct=order == 0 or (kind == Question.Kind.MULTIPLE and order == 1),
            )
        questions.append(question)
    matching = Question.objects.create(kind=Question.Kind.MATCHING, text="Match each actor")
    for prompt, answer in [("Immigration Office", "decides"), ("Police", "escorts")]:
        MatchingPair.objects.create(question=matching, prompt=prompt, answer=answer)
    short = Question(
        kind=Question.Kind.SHORT_ANSWER,
        text="Which form is handed over with the decision?",
        accepted_answers="Annex 13septies",
    )
    short.full_clean()
    short.save()
    return [*questions, matching, short]


class Content:
    """What the pages show, built on first use so each page type builds only what it needs."""

    def __init__(self, request):
        self.fixture = request.getfixturevalue

    @staticmethod
    def given(*parts) -> None:
        """Name what a page shows besides what it returns; each part is built on first use."""

    @cached_property
    def trainee(self):
        return self.fixture("trainee")

    @cached_property
    def course(self):
        return self.fixture("course")

    @cached_property
    def enrolment(self):
        return course_services.enrolment_enrol(trainee=self.trainee, course=self.course)[0]

    @cached_property
    def quiz(self) -> Quiz:
        return QuizFactory(
            course=self.course, questions=every_kind_of_question(), pass_mark_percent=60
        )

    @cached_property
    def lesson(self) -> LessonPage:
        """The course's first lesson with one block of every type (three callout kinds)."""
        self.given(self.enrolment)
        image = get_image_model().objects.create(
            title="Arrival hall", file=ContentFile(png(), name="arrival.png")
        )
        video = document("Briefing", "briefing.mp4", b"\x00\x00\x00\x18ftypmp42")
        captions = document("Briefing captions", "briefing.vtt", CAPTIONS)
        leaflet = document("Leaflet on voluntary return", "leaflet.pdf", b"%PDF-1.4\n%%EOF\n")
        package = build_h5p_package(
            title="Who issues an order to leave the territory?",
            answers=["The Immigration Office", "The municipality"],
            correct=0,
        )
        exercise = h5p_package_import(
            file=SimpleUploadedFile("exercise.h5p", package, content_type="application/zip"),
            uploaded_by=self.fixture("trainer"),
        )
        lesson = LessonPage.objects.descendant_of(self.course).live().order_by("path").first()
        lesson.body = [
            ("rich_text", '<p>Read the <a href="/en/">procedure</a> first.</p><h3>Steps</h3>'),
            ("heading", {"text": "Before the interview", "level": "h2"}),
            ("image", {"image": image, "alt_text": "The arrival hall", "caption": "Arrival"}),
            (
                "video",
                {
                    "title": "The decision explained",
                    "video_file": video,
                    "embed": None,
                    "captions": captions,
                    "transcript": "<p>The officer explains the decision.</p>",
                },
            ),
            ("document", {"document": leaflet, "description": "Two pages."}),
            *[
                ("callout", {"kind": kind, "text": f"<p>A {kind}.</p>"})
                for kind in ("legal", "warning", "tip")
            ],
            (
                "case_study",
                {
                    "title": "A family at the border",
                    "scenario": "<p>A family arrives without papers.</p>",
                    "question": "What do you check first?",
                },
            ),
            ("glossary_term", {"term": "Annex 13septies", "definition": "The order to leave."}),
            ("checklist", {"title": "Before leaving", "items": ["Papers", "Interpreter"]}),
            ("quiz", {"quiz": self.quiz, "intro": "Check what you know."}),
            ("h5p", {"content": exercise, "required": True, "pass_scaled": Decimal("1")}),
        ]
        lesson.save_revision().publish()
        return LessonPage.objects.get(pk=lesson.pk)

    def attempt(self, *, submitted: bool) -> Attempt:
        self.given(self.enrolment)
        attempt = assessment_services.attempt_start(quiz=self.quiz, trainee=self.trainee)
        if submitted:
            first = attempt.answers.order_by("pk").first()
            choice = next(c["id"] for c in first.snapshot["choices"] if c["is_correct"])
            assessment_services.answer_save(
                attempt=attempt, trainee=self.trainee, question_id=first.question_id, answer=choice
            )
            attempt = assessment_services.attempt_submit(attempt=attempt, trainee=self.trainee)
        return attempt

    @cached_property
    def completed_course(self):
        """A second course the trainee completed: a certificate and a reaction survey."""
        course = add_course(
            self.fixture("catalogue"), title="Identification of persons", modules=1, lessons=1
        )
        CertificateTemplateFactory(courses=[course], validity_months=24)
        course_services.enrolment_enrol(trainee=self.trainee, course=course)
        for lesson in LessonPage.objects.descendant_of(course).live():
            study(self.trainee, lesson)
        return course

    @cached_property
    def certificate(self) -> Certificate:
        return Certificate.objects.get(enrolment__course=self.completed_course)

    @cached_property
    def survey(self):
        return SurveyFactory(course=self.completed_course)

    # The pages, each as (who opens it, its address).

    def home(self):
        self.fixture("home")
        return "anonymous", "/en/"

    def catalogue(self):
        self.given(self.enrolment)
        return "trainee", self.course.get_parent().url

    def course_page(self):
        self.given(self.quiz, self.enrolment)
        return "trainee", self.course.url

    def lesson_with_every_block(self):
        return "trainee", self.lesson.url

    def quiz_rules(self):
        self.given(self.enrolment)
        return "trainee", reverse("assessments:quiz_detail", args=[self.quiz.pk])

    def quiz_take(self):
        return "trainee", reverse(
            "assessments:attempt_take", args=[self.attempt(submitted=False).pk]
        )

    def quiz_result(self):
        attempt = self.attempt(submitted=True)
        return "trainee", reverse("assessments:attempt_result", args=[attempt.pk])

    def reaction_survey(self):
        return "trainee", reverse("assessments:survey_answer", args=[self.survey.pk])

    def certificate_verification(self):
        return "anonymous", reverse("certificates:verify", args=[self.certificate.code])

    def my_learning(self):
        self.given(self.enrolment, self.completed_course)
        return "trainee", reverse("courses:my_learning")

    def my_certificates(self):
        self.given(self.certificate)
        return "trainee", reverse("certificates:my_certificates")

    def my_sessions(self):
        self.given(self.enrolment)
        return "trainee", reverse("courses:session_mine")

    def session_check_in(self):
        return "trainee", reverse("courses:session_check_in")

    def log_in(self):
        return "anonymous", reverse("account_login")

    def sign_up(self):
        return "anonymous", reverse("account_signup")

    def password_reset(self):
        return "anonymous", reverse("account_reset_password")

    def my_account_and_data_export(self):
        # The data export is a JSON download offered on this page, not a page of its own.
        return "trainee", reverse("accounts:my_account")

    def email_addresses(self):
        return "trainee", reverse("account_email")

    def change_password(self):
        return "trainee", reverse("account_change_password")

    def two_factor_authentication(self):
        return "trainee", reverse("mfa_index")

    def account_deletion(self):
        return "trainee", reverse("accounts:account_delete")

    def page_not_found(self):
        self.fixture("home")
        return "anonymous", "/en/no-such-page/"


PAGE_TYPES = [
    "home",
    "catalogue",
    "course_page",
    "lesson_with_every_block",
    "quiz_rules",
    "quiz_take",
    "quiz_result",
    "reaction_survey",
    "certificate_verification",
    "my_learning",
    "my_certificates",
    "my_sessions",
    "session_check_in",
    "log_in",
    "sign_up",
    "password_reset",
    "my_account_and_data_export",
    "email_addresses",
    "change_password",
    "two_factor_authentication",
    "account_deletion",
    "page_not_found",
]


def serve_documents(page) -> None:
    """Answer the lesson's document links from disk, in the browser.

    The video, its captions and the page load at once; in-memory SQLite gives the live
    server one shared connection, which concurrent document requests lock ("database table
    is locked"). Serving documents is not what this test checks.
    """
    files = {doc.url: doc for doc in get_document_model().objects.all()}

    def fulfil(route):
        doc = files[urlsplit(route.request.url).path]
        route.fulfill(path=doc.file.path, content_type=doc.content_type)

    page.route("**/documents/**", fulfil)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_serious_accessibility_violations(request, context, live_server, page_type):
    who, url = getattr(Content(request), page_type)()
    if who == "trainee":
        log_in(context, live_server, request.getfixturevalue("trainee"))
    page = context.new_page()
    serve_documents(page)
    problems = []

    for viewport, size in VIEWPORTS.items():  # the same page, built once, at both sizes
        page.set_viewport_size(size)
        response = page.goto(url)
        assert response.status == (404 if page_type == "page_not_found" else 200), page.url
        if page_type == "lesson_with_every_block":
            # The sandboxed exercise fills in by script: scan the page once it is there.
            page.locator("iframe.h5p-frame").scroll_into_view_if_needed()
            player = page.frame_locator("iframe.h5p-frame")
            player.get_by_text("The municipality").wait_for()
        found, lesser = accessibility_problems(page)
        problems += [f"[{viewport}] {problem}" for problem in found]
        print(f"[{viewport}] lesser violations:\n{describe(lesser)}")

    assert not problems, "\n".join(problems)


# What the keyboard test answers, by the label of the focused control: every answer right.
RIGHT_CHOICES = {"Immigration Office", "False", "Passport", "ID card"}
RIGHT_MATCHES = {"Immigration Office": "decides", "Police": "escorts"}
SHORT_ANSWER = "Annex 13septies"
FOCUSED = """() => {
    const element = document.activeElement;
    return {
        tag: element.tagName.toLowerCase(),
        type: element.type || "",
        name: element.name || "",
        text: element.textContent.trim(),
        label: element.labels && element.labels.length ? element.labels[0].textContent.trim() : "",
        checked: Boolean(element.checked),
        selected: element.tagName === "SELECT" ? element.selectedOptions[0].textContent : "",
    };
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page, wanted, *, limit: int = 40) -> dict:
    """Press Tab until the focused element is ``wanted``; fail if it never comes."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if wanted(element):
            return element
    pytest.fail(f"{limit} presses of Tab never reached the element wanted")


class Autosaves:
    """Counts the quiz page's background saves still on their way to the server."""

    def __init__(self, page):
        self.open = 0
        page.on("request", lambda r: self._count(r, +1))
        page.on("requestfinished", lambda r: self._count(r, -1))
        page.on("requestfailed", lambda r: self._count(r, -1))

    def _count(self, request, step: int) -> None:
        if request.url.endswith("/save/") and request.method == "POST":
            self.open += step

    def wait(self, page) -> None:
        # The page saves 600 ms after the last change; the test reads the database only
        # after every save has been answered (the live server shares its connection).
        page.wait_for_timeout(700)
        while self.open:
            page.wait_for_timeout(50)


def test_a_quiz_can_be_done_with_the_keyboard_alone(request, context, live_server):
    content = Content(request)
    content.given(content.enrolment)
    log_in(context, live_server, content.trainee)
    page = context.new_page()
    page.set_viewport_size(DESKTOP)
    page.goto(reverse("assessments:quiz_detail", args=[content.quiz.pk]))
    styles = {}

    # The skip link comes first and takes focus past the site's navigation.
    assert tab_to(page, lambda e: True, limit=1)["text"] == "Skip to main content"
    page.keyboard.press("Enter")
    start = tab_to(page, lambda e: e["tag"] == "button")
    assert start["text"] == "Start"
    styles["start button"] = focus_style(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_role("heading", name=content.quiz.title).wait_for()
    autosaves = Autosaves(page)

    answered = set()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link again
    while True:
        element = tab_to(page, lambda e: e["name"].startswith("q-") or e["tag"] == "button")
        if element["tag"] == "button" and element["text"] == "Submit my answers":
            break
        if element["type"] == "radio" and element["name"] not in answered:
            styles[f"radio {element['label']}"] = focus_style(page)
            page.keyboard.press("Space")  # Tab lands on the group's first option
            while focused(page)["label"] not in RIGHT_CHOICES:
                page.keyboard.press("ArrowDown")  # moves to the next option and picks it
            answered.add(element["name"])
        elif element["type"] == "checkbox":
            styles[f"checkbox {element['label']}"] = focus_style(page)
            if element["label"] in RIGHT_CHOICES:
                page.keyboard.press("Space")
        elif element["tag"] == "select":
            styles[f"select {element['label']}"] = focus_style(page)
            while focused(page)["selected"] != RIGHT_MATCHES[element["label"]]:
                page.keyboard.press("ArrowDown")
        elif element["type"] == "text":
            styles["short answer"] = focus_style(page)
            page.keyboard.type(SHORT_ANSWER)
    styles["submit button"] = focus_style(page)
    # Shift+Tab goes back to the other button and Tab returns: the order holds both ways.
    page.keyboard.press("Shift+Tab")
    assert focused(page)["text"] == "Save and finish later"
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Submit my answers"
    autosaves.wait(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.get_by_role("heading", name="Your score: 100%").wait_for()
    assert page.get_by_text("Passed.").is_visible()
    assert len(answered) == 2  # both single-choice questions (single, true or false)
    invisible = {name: style for name, style in styles.items() if not focus_is_visible(style)}
    assert not invisible, f"keyboard focus not shown on: {invisible}"
    attempt = Attempt.objects.get(quiz=content.quiz, trainee=content.trainee)
    assert attempt.status == Attempt.Status.SUBMITTED
    assert attempt.percent == 100
    assert_accessible(page)  # the result with every kind of answer revealed
