"""An uploaded H5P library that attacks whoever opens the exercise gets nothing.

The package below is the project's own single-choice exercise with a hostile script added
to its library, as a trainer could upload one. In the sandboxed frame (h5p/views.py) the
script tries what the outside review did: read the session cookie, read the lesson page,
call the admin as the signed-in user (and make a trainer superuser when an administrator
opens it), post a passing result for another lesson, and navigate the top window. Each
attempt is reported back to the test by postMessage, and the server's side is checked too.
"""

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses import services as course_services
from courses.models import LessonProgress
from demo.h5p_packages import LIBRARY_FOLDER, build_h5p_package
from h5p.models import H5PResult, Statement
from h5p.services.packages import h5p_package_import
from h5p.services.results import content_iri
from tests.e2e.builders import RIGHT, WRONG, answer
from tests.e2e.conftest import log_in

ATTACK = """
;(function () {
  var report = {};
  function attempt(name, action) {
    try { report[name] = "allowed: " + String(action()); }
    catch (error) { report[name] = "blocked: " + error.name; }
  }
  function fetched(name, url, init) {
    return fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        report[name] = "allowed: " + response.status + " " + text.length;
      });
    }).catch(function (error) { report[name] = "blocked: " + error.name; });
  }
  attempt("cookie", function () { return document.cookie; });
  attempt("lesson_page", function () { return window.parent.document.title; });
  attempt("top_navigation", function () { window.top.location.href = "/admin/"; return "asked"; });
  // A passing result for the other lesson, through the lesson page's relay.
  window.parent.postMessage({liaison: 1, type: "statement", statement: %(statement)s}, "*");
  Promise.all([
    fetched("admin", "/admin/", {credentials: "include"}),
    fetched("grant_superuser", "%(grant_url)s", {
      method: "POST", credentials: "include",
      headers: {"Content-Type": "application/x-www-form-urlencoded"},
      body: "is_superuser=on"
    }),
    fetched("other_lesson", "%(other_intake)s", {
      method: "POST", credentials: "include",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify([%(statement)s])
    })
  ]).then(function () { window.parent.postMessage({attack: report}, "*"); });
}());
"""


HOSTILE = "Liaison.HostileChoice"


def hostile_package(*, title: str, attack: str) -> bytes:
    """The single-choice library under a new name (an upload never changes a stored
    library's code), its script followed by ``attack``."""
    members = {}
    for path in LIBRARY_FOLDER.rglob("*"):
        if path.is_file():
            members[f"{HOSTILE}-1.0/{path.relative_to(LIBRARY_FOLDER).as_posix()}"] = (
                path.read_bytes()
            )
    library = json.loads(members[f"{HOSTILE}-1.0/library.json"])
    library.update(machineName=HOSTILE, title="Hostile choice")
    members[f"{HOSTILE}-1.0/library.json"] = json.dumps(library).encode()
    members[f"{HOSTILE}-1.0/singlechoice.js"] += (
        f"\nLiaison.HostileChoice = Liaison.SingleChoice;\n{attack}".encode()
    )
    return build_h5p_package(
        title=title,
        extra_members=members,
        omit={
            f"{LIBRARY_FOLDER.name}/{p.relative_to(LIBRARY_FOLDER).as_posix()}"
            for p in LIBRARY_FOLDER.rglob("*")
            if p.is_file()
        },
        h5p_json_overrides={
            "mainLibrary": HOSTILE,
            "preloadedDependencies": [
                {"machineName": HOSTILE, "majorVersion": 1, "minorVersion": 0}
            ],
        },
    )


def upload(package: bytes, trainer):
    file = SimpleUploadedFile("exercise.h5p", package, content_type="application/zip")
    return h5p_package_import(file=file, uploaded_by=trainer)


def put_exercise(lesson, content):
    lesson.body = [("h5p", {"content": content, "required": True, "pass_scaled": Decimal(1)})]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


@pytest.fixture
def attacked(lessons, trainer, live_server):
    """Lesson 1 holds the hostile exercise; lesson 2 another exercise, still to pass."""
    other_content = upload(build_h5p_package(title="The other exercise"), trainer)
    other_lesson = put_exercise(lessons[1], other_content)
    block = other_lesson.body[0].id
    statement = {
        "actor": {"objectType": "Agent", "mbox": "mailto:someone@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"objectType": "Activity", "id": content_iri(other_content)},
        "result": {"score": {"scaled": 1}, "success": True, "completion": True},
    }
    attack = ATTACK % {
        "statement": json.dumps(statement),
        "grant_url": f"/admin/users/edit/{trainer.pk}/",
        "other_intake": f"/en/h5p/lessons/{other_lesson.pk}/exercises/{block}/statements/",
    }
    hostile = upload(hostile_package(title="A harmless-looking exercise", attack=attack), trainer)
    return put_exercise(lessons[0], hostile), other_lesson, other_content


def open_and_collect(page, url: str) -> tuple[dict, list[str]]:
    """Open the lesson; return what the hostile script reported and every URL requested."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    page.evaluate(
        """() => { window.attackReport = null;
        window.addEventListener("message", (event) => {
          if (event.data && event.data.attack) { window.attackReport = event.data.attack; }
        }); }"""
    )
    page.wait_for_function("() => window.attackReport !== null", timeout=30_000)
    return page.evaluate("() => window.attackReport"), requested


def test_a_hostile_library_gets_nothing_from_a_trainee(
    context, live_server, trainee, course, attacked
):
    lesson, other_lesson, other_content = attacked
    course_services.enrolment_enrol(trainee=trainee, course=course)
    log_in(context, live_server, trainee)
    page = context.new_page()

    report, requested = open_and_collect(page, lesson.url)

    # The opaque origin has no cookie and no access to the lesson page.
    assert report["cookie"].startswith("blocked: SecurityError")
    assert report["lesson_page"].startswith("blocked: SecurityError")
    # Its requests to the site are refused by its policy before they leave the browser.
    assert report["admin"] == "blocked: TypeError"
    assert report["other_lesson"] == "blocked: TypeError"
    assert not any("/admin/" in url or f"/lessons/{other_lesson.pk}/" in url for url in requested)
    # The top window stays on the lesson.
    assert page.url.endswith(lesson.url)
    # The statement it slipped through the relay went to its own lesson's intake, where
    # a statement about another exercise scores nothing.
    exercise = page.frame_locator("iframe.h5p-frame")
    answer(exercise, WRONG)  # the trainee's own answer, relayed as usual
    page.locator("[data-player-status]").filter(has_text="Your result is saved.").wait_for()
    assert not H5PResult.objects.filter(content=other_content).exists()
    assert not LessonProgress.objects.filter(
        lesson=other_lesson, completed_at__isnull=False
    ).exists()
    assert Statement.objects.filter(user=trainee, object_id=content_iri(other_content)).exists()


def test_a_hostile_library_cannot_make_a_trainer_superuser_through_an_administrator(
    context, live_server, admin_user, trainer, attacked
):
    lesson, _other_lesson, _other_content = attacked
    log_in(context, live_server, admin_user)
    page = context.new_page()

    report, requested = open_and_collect(page, lesson.url)  # the admin previews the lesson

    assert report["grant_superuser"] == "blocked: TypeError"
    assert report["admin"] == "blocked: TypeError"
    assert not any("/admin/" in url for url in requested)
    trainer.refresh_from_db()
    assert not trainer.is_superuser
    # And the exercise itself still plays for the administrator.
    page.frame_locator("iframe.h5p-frame").get_by_text(RIGHT).wait_for()
