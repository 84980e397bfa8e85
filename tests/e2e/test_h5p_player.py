"""The H5P player in Chromium: the exercise plays in the lesson and no score is ever lost.

The lesson page posts each xAPI statement the sandboxed player reports from a queue kept in
localStorage (``cms/static/cms/sandbox.js``); these tests take the network away, make the
server fail or refuse, and leave the page, and check that the score reaches the database
exactly once. The player also resumes where the trainee left off.
"""

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses import services as course_services
from courses.models import LessonProgress
from demo.h5p_packages import LIBRARY_FOLDER, build_h5p_package
from h5p.models import H5PResult, H5PUserState, Statement
from h5p.services.packages import h5p_package_import
from tests.e2e.builders import RIGHT, WRONG, add_exercise, answer, open_exercise, shows_saved
from tests.e2e.conftest import log_in
from tests.factories.h5p_exports import CONTENT_MEDIA, Library

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
QUEUE_LENGTH = """() => Object.keys(localStorage)
    .filter((key) => key.startsWith("liaison"))
    .reduce((total, key) => total + JSON.parse(localStorage.getItem(key) || "[]").length, 0)"""


@pytest.fixture
def exercise_lesson(lessons, trainer):
    return add_exercise(lessons[0], uploaded_by=trainer)


@pytest.fixture
def playing(context, live_server, trainee, course, exercise_lesson):
    course_services.enrolment_enrol(trainee=trainee, course=course)
    log_in(context, live_server, trainee)
    return context


SAVED = "Your result is saved."
PENDING = "Your result will be sent when the connection is back"


def answered(trainee):
    return Statement.objects.filter(user=trainee, verb=ANSWERED)


def test_the_exercise_plays_in_the_lesson_and_its_score_counts(playing, trainee, exercise_lesson):
    page = playing.new_page()
    exercise = open_exercise(page, exercise_lesson.url)
    finish = page.get_by_role("button", name="I have finished this lesson")
    assert finish.is_disabled()
    assert page.get_by_text("Finish this first:").is_visible()

    answer(exercise, RIGHT)
    shows_saved(page, SAVED)

    # The page follows without a reload: the banner and the button give way.
    page.get_by_text("You have completed this lesson.").wait_for()
    assert not finish.count() and not page.get_by_text("Finish this first:").count()
    assert page.get_by_text("Your best score: 1.").is_visible()
    result = H5PResult.objects.get(trainee=trainee)
    assert result.best_scaled == Decimal("1")
    assert answered(trainee).count() == 1
    assert exercise.get_by_text("Correct.").is_visible()
    progress = LessonProgress.objects.get(enrolment__trainee=trainee, lesson=exercise_lesson)
    assert progress.completed_at  # the required exercise passed: the lesson is done
    assert page.evaluate(QUEUE_LENGTH) == 0


def test_an_answer_given_offline_is_sent_when_the_connection_returns(
    playing, trainee, exercise_lesson
):
    page = playing.new_page()
    exercise = open_exercise(page, exercise_lesson.url)

    playing.set_offline(True)
    answer(exercise, RIGHT)
    shows_saved(page, PENDING)
    assert page.evaluate(QUEUE_LENGTH) == 1
    assert not answered(trainee).exists()  # nothing reached the server

    playing.set_offline(False)
    shows_saved(page, SAVED)

    assert H5PResult.objects.get(trainee=trainee).best_scaled == Decimal("1")
    assert page.evaluate(QUEUE_LENGTH) == 0
    assert answered(trainee).count() == 1


def test_statements_left_in_the_browser_are_sent_on_the_next_visit(
    playing, trainee, exercise_lesson
):
    page = playing.new_page()
    exercise = open_exercise(page, exercise_lesson.url)
    playing.set_offline(True)
    answer(exercise, WRONG)
    shows_saved(page, PENDING)
    page.close()  # the trainee leaves while offline
    playing.set_offline(False)
    assert not answered(trainee).exists()

    page = playing.new_page()
    page.goto(exercise_lesson.url)  # the next visit sends what was left
    # (a function, not an expression: the lesson page's CSP forbids eval)
    page.wait_for_function(f"() => ({QUEUE_LENGTH})() === 0", timeout=30_000)

    assert answered(trainee).count() == 1
    result = H5PResult.objects.get(trainee=trainee)
    assert result.best_scaled == Decimal("0")
    assert not LessonProgress.objects.filter(
        enrolment__trainee=trainee, lesson=exercise_lesson, completed_at__isnull=False
    ).exists()


def test_a_server_error_keeps_the_statement_and_a_retry_stores_it_once(
    playing, trainee, exercise_lesson
):
    refused = []

    def fail_twice(route):
        if len(refused) < 2:
            refused.append(json.loads(route.request.post_data))
            route.fulfill(status=503, body="busy")
        else:
            route.continue_()

    playing.route("**/statements/**", fail_twice)
    page = playing.new_page()
    exercise = open_exercise(page, exercise_lesson.url)

    answer(exercise, RIGHT)
    shows_saved(page, SAVED)  # after two refusals and two retries

    assert H5PResult.objects.get(trainee=trainee).best_scaled == Decimal("1")
    assert len(refused) == 2
    # The retries carried the same statement id, and the server kept it once.
    assert refused[0][0]["id"] == refused[1][0]["id"]
    assert answered(trainee).count() == 1
    assert str(answered(trainee).get().id) == refused[0][0]["id"]


def test_a_statement_the_server_refuses_is_dropped_not_resent(playing, trainee, exercise_lesson):
    posts = []

    def refuse(route):
        posts.append(route.request.url)
        route.fulfill(status=400, body="{}", content_type="application/json")

    playing.route("**/statements/**", refuse)
    page = playing.new_page()
    exercise = open_exercise(page, exercise_lesson.url)

    answer(exercise, RIGHT)

    page.wait_for_function(f"() => ({QUEUE_LENGTH})() === 0")
    page.wait_for_timeout(3000)  # longer than the first retry delay
    assert len(posts) == 1
    assert not answered(trainee).exists()


def test_the_exercise_resumes_where_the_trainee_left_it(playing, trainee, exercise_lesson):
    page = playing.new_page()
    exercise = open_exercise(page, exercise_lesson.url)

    with page.expect_response("**/state/") as saved:
        exercise.get_by_text(WRONG).click()  # chosen, not checked yet: the frame reports it
    assert saved.value.status == 204
    page.close()

    state = H5PUserState.objects.get(trainee=trainee)
    assert json.loads(state.state) == {"chosen": 1}
    page = playing.new_page()
    exercise = open_exercise(page, exercise_lesson.url)
    assert exercise.get_by_label(WRONG).is_checked()


def test_an_export_shaped_like_the_hub_s_imports_and_plays(
    context, live_server, trainee, trainer, course, lessons
):
    """The hub's exports carry READMEs, patches, Flash fallbacks, documents, translations and
    fonts in their library folders, say "iframe" as their embed type and depend on helper
    libraries: such a package imports, and plays in the sandbox."""
    library = LIBRARY_FOLDER.name
    helper = Library("H5P.Transition", 1, 0, patch=4, core_api=None, script=b"H5P.Transition = {};")
    extras = {
        f"{library}/README.md": b"# Single choice\n",
        f"{library}/patches/focus.diff": b"--- a\n+++ b\n",
        f"{library}/flash/fallback.swf": b"FWS filler",
        f"{library}/docs/notes.docx": b"PK filler",
        f"{library}/language/fr.json": json.dumps({"semantics": []}).encode(),
        f"{library}/language/.en.json": b"{ the translators' template",
        f"{library}/fonts/icons.woff2": b"wOF2 filler",
        f"{library}/icon.svg": b'<svg xmlns="http://www.w3.org/2000/svg"/>',
        **CONTENT_MEDIA,
        **helper.members(),
    }
    main = json.loads((LIBRARY_FOLDER / "library.json").read_text())
    main["preloadedDependencies"] = [
        {"machineName": "H5P.Transition", "majorVersion": 1, "minorVersion": 0}
    ]
    extras[f"{library}/library.json"] = json.dumps(main).encode()
    package = build_h5p_package(
        answers=[RIGHT, WRONG, "The police zone"],
        extra_members=extras,
        h5p_json_overrides={"embedTypes": ["iframe"]},
    )
    content = h5p_package_import(
        file=SimpleUploadedFile("hub.h5p", package, content_type="application/zip"),
        uploaded_by=trainer,
    )
    lesson = lessons[0]
    lesson.body = [("h5p", {"content": content, "required": True, "pass_scaled": Decimal(1)})]
    lesson.save_revision().publish()
    course_services.enrolment_enrol(trainee=trainee, course=course)
    log_in(context, live_server, trainee)
    page = context.new_page()

    exercise = open_exercise(page, lesson.url)
    answer(exercise, RIGHT)
    shows_saved(page, SAVED)

    assert H5PResult.objects.get(trainee=trainee, content=content).best_scaled == Decimal("1")
    assert page.evaluate("() => document.querySelector('iframe.h5p-frame').offsetHeight") > 100
