"""Playing an H5P exercise in a lesson: the player page, the intake, results and progress."""

import json
import uuid
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses import services as course_services
from courses.models import LessonProgress
from demo.h5p_packages import build_h5p_package
from h5p.models import H5PResult, Statement
from h5p.services.packages import h5p_package_import
from h5p.services.results import content_iri
from tests.factories import TraineeFactory
from tests.factories.assessments import ChoiceQuestionFactory, QuizFactory, correct_choice
from tests.factories.courses import study

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def h5p_content(media, trainer):
    package = build_h5p_package(title="Who decides on a removal?")
    upload = SimpleUploadedFile("exercise.h5p", package, content_type="application/zip")
    return h5p_package_import(file=upload, uploaded_by=trainer)


@pytest.fixture
def exercise_lesson(lessons, h5p_content):
    """The first lesson, with a required exercise to pass at 0.8 after its text."""
    lesson = lessons[0]
    lesson.body = [
        ("rich_text", "<p>Read this first.</p>"),
        ("h5p", {"content": h5p_content, "required": True, "pass_scaled": Decimal("0.8")}),
    ]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


@pytest.fixture
def block_id(exercise_lesson):
    return next(block.id for block in exercise_lesson.body if block.block_type == "h5p")


@pytest.fixture
def player(client, trainee, course, exercise_lesson):
    course_services.enrolment_enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    client.get(exercise_lesson.url)  # the trainee opens the lesson, then plays
    return client


def statement(content, scaled, *, sub_content=False, statement_id=None, actor_name="Someone"):
    """A statement as the H5P player sends it (the actor is whatever the page said)."""
    object_id = content_iri(content) + ("?subContentId=abc" if sub_content else "")
    data = {
        "actor": {"objectType": "Agent", "name": actor_name, "mbox": "mailto:x@example.org"},
        "verb": {"id": ANSWERED, "display": {"en-US": "answered"}},
        "object": {"objectType": "Activity", "id": object_id},
        "result": {
            "score": {"min": 0, "max": 1, "raw": scaled, "scaled": scaled},
            "success": scaled >= 1,
            "completion": True,
        },
    }
    if statement_id:
        data["id"] = statement_id
    return data


def post(client, lesson, block_id, payload):
    return client.post(
        reverse("h5p:statements", args=[lesson.pk, block_id]),
        json.dumps(payload),
        content_type="application/json",
    )


class TestIntake:
    def test_a_passing_score_counts_and_finishes_the_lesson(
        self, player, trainee, exercise_lesson, block_id, h5p_content
    ):
        response = post(player, exercise_lesson, block_id, [statement(h5p_content, 1)])

        assert response.status_code == HTTPStatus.OK
        # What the lesson page updates from, without a reload.
        assert response.json() == {
            "stored": True,
            "best_scaled": "1.0000",
            "lesson_completed": True,
            "missing": [],
        }
        result = H5PResult.objects.get(trainee=trainee, content=h5p_content)
        assert (result.best_scaled, result.success, result.attempts) == (Decimal("1"), True, 1)
        progress = LessonProgress.objects.get(enrolment__trainee=trainee, lesson=exercise_lesson)
        assert progress.completed_at is not None

    def test_the_server_replaces_the_actor_with_the_signed_in_trainee(
        self, player, trainee, exercise_lesson, block_id, h5p_content
    ):
        post(player, exercise_lesson, block_id, [statement(h5p_content, 1, actor_name="Mallory")])

        stored = Statement.objects.get(verb=ANSWERED)
        assert stored.user == trainee
        assert "Mallory" not in json.dumps(stored.actor)
        assert "x@example.org" not in json.dumps(stored.raw)

    def test_the_best_score_is_kept(self, player, trainee, exercise_lesson, block_id, h5p_content):
        post(player, exercise_lesson, block_id, [statement(h5p_content, 1)])
        post(player, exercise_lesson, block_id, [statement(h5p_content, 0)])

        result = H5PResult.objects.get(trainee=trainee)
        assert (result.best_scaled, result.last_scaled, result.attempts) == (
            Decimal("1"),
            Decimal("0"),
            2,
        )
        assert result.success is True

    def test_a_low_score_does_not_finish_the_lesson(
        self, player, trainee, exercise_lesson, block_id, h5p_content
    ):
        post(player, exercise_lesson, block_id, [statement(h5p_content, 0.5)])

        assert H5PResult.objects.get(trainee=trainee).best_scaled == Decimal("0.5")
        progress = LessonProgress.objects.get(enrolment__trainee=trainee, lesson=exercise_lesson)
        assert progress.completed_at is None
        lesson_page = player.get(exercise_lesson.url).content.decode()
        assert "Finish this first:" in lesson_page
        assert f"pass the exercise “{h5p_content.title}”" in lesson_page
        assert 'disabled aria-describedby="lesson-missing"' in lesson_page
        refused = player.post(
            reverse("courses:lesson_complete", args=[exercise_lesson.pk]), follow=True
        )
        assert "pass the exercise “Who decides on a removal?”" in refused.content.decode()
        progress.refresh_from_db()
        assert progress.completed_at is None

    def test_scores_of_sub_contents_are_kept_but_do_not_count(
        self, player, trainee, exercise_lesson, block_id, h5p_content
    ):
        post(player, exercise_lesson, block_id, [statement(h5p_content, 1, sub_content=True)])

        assert Statement.objects.filter(user=trainee, verb=ANSWERED).count() == 1
        assert not H5PResult.objects.exists()

    def test_a_resent_statement_is_stored_and_counted_once(
        self, player, trainee, exercise_lesson, block_id, h5p_content
    ):
        same = statement(h5p_content, 1, statement_id=str(uuid.uuid4()))

        first = post(player, exercise_lesson, block_id, [same])
        again = post(player, exercise_lesson, block_id, [same])

        assert first.status_code == again.status_code == HTTPStatus.OK
        assert Statement.objects.filter(verb=ANSWERED).count() == 1
        assert H5PResult.objects.get(trainee=trainee).attempts == 1

    def test_a_trainee_not_enrolled_gets_404_and_nothing_is_stored(
        self, client, exercise_lesson, block_id, h5p_content
    ):
        client.force_login(TraineeFactory())

        response = post(client, exercise_lesson, block_id, [statement(h5p_content, 1)])

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert not Statement.objects.exists() and not H5PResult.objects.exists()

    def test_a_result_for_a_lesson_still_locked_behind_the_pre_test_is_refused(
        self, player, trainee, course, exercise_lesson, block_id, h5p_content
    ):
        QuizFactory(course=course, purpose="pre_test", questions=[ChoiceQuestionFactory()])

        response = post(player, exercise_lesson, block_id, [statement(h5p_content, 1)])

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert not Statement.objects.filter(verb=ANSWERED).exists()
        assert not H5PResult.objects.exists()
        assert not LessonProgress.objects.filter(
            lesson=exercise_lesson, completed_at__isnull=False
        ).exists()

    def test_a_result_for_a_lesson_whose_module_is_unpublished_is_refused(
        self, player, exercise_lesson, block_id, h5p_content
    ):
        exercise_lesson.get_parent().specific.unpublish()

        response = post(player, exercise_lesson, block_id, [statement(h5p_content, 1)])

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert not H5PResult.objects.exists()

    def test_deeply_nested_json_is_a_400_not_a_500(self, player, exercise_lesson, block_id):
        response = player.post(
            reverse("h5p:statements", args=[exercise_lesson.pk, block_id]),
            "[" * 100_000 + "]" * 100_000,
            content_type="application/json",
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json()["error"]

    def test_the_intake_has_the_resource_s_batch_cap(
        self, player, exercise_lesson, block_id, h5p_content, settings
    ):
        from h5p.xapi import defaults as xapi_defaults

        batch = [statement(h5p_content, 0.1)] * (xapi_defaults.BATCH_MAX + 1)

        response = post(player, exercise_lesson, block_id, batch)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert str(xapi_defaults.BATCH_MAX) in response.json()["error"]
        assert not Statement.objects.filter(verb=ANSWERED).exists()

    def test_an_exercise_that_is_not_in_the_lesson_is_refused(
        self, player, exercise_lesson, h5p_content
    ):
        response = post(player, exercise_lesson, "not-a-block", [statement(h5p_content, 1)])

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert not Statement.objects.filter(verb=ANSWERED).exists()

    def test_a_body_that_is_not_json_is_refused(self, player, exercise_lesson, block_id):
        response = player.post(
            reverse("h5p:statements", args=[exercise_lesson.pk, block_id]),
            "{not json",
            content_type="application/json",
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert not Statement.objects.filter(verb=ANSWERED).exists()

    def test_anonymous_visitors_are_sent_to_log_in(
        self, client, exercise_lesson, block_id, h5p_content
    ):
        response = post(client, exercise_lesson, block_id, [statement(h5p_content, 1)])

        assert response.status_code == HTTPStatus.FOUND
        assert not Statement.objects.exists()


class TestPlayerInTheLesson:
    def test_the_lesson_frames_the_sandboxed_player_and_hands_it_the_options(
        self, player, trainee, exercise_lesson, block_id, h5p_content
    ):
        page = player.get(exercise_lesson.url)
        html = page.content.decode()

        frame = f'src="{reverse("h5p:frame")}"'
        assert frame in html
        assert 'sandbox="allow-scripts allow-forms allow-popups"' in html
        assert "allow-same-origin" not in html
        lesson_policy = page["Content-Security-Policy"]
        assert "unsafe-eval" not in lesson_policy and "unsafe-inline" not in lesson_policy
        options = json.loads(
            html.split(f'id="h5p-options-{block_id}" type="application/json">')[1].split(
                "</script>"
            )[0]
        )
        assert options["xAPIObjectIRI"] == content_iri(h5p_content)
        assert options["h5pJsonPath"].endswith(f"h5p/content/{h5p_content.uuid}")
        assert options["embedType"] == "div"
        assert "contentUserData" not in options  # nothing saved yet
        # Nothing about the trainee goes into the sandbox.
        assert "user" not in options
        assert trainee.email not in html
        statements_url = reverse("h5p:statements", args=[exercise_lesson.pk, block_id])
        assert f'data-statements-url="{statements_url}"' in html

    def test_a_trainer_previews_without_recording(self, client, trainer, exercise_lesson):
        client.force_login(trainer)

        page = client.get(exercise_lesson.url)

        assert page.status_code == HTTPStatus.OK
        html = page.content.decode()
        assert 'data-statements-url=""' in html and 'data-state-url=""' in html
        assert "Preview: your answers are not recorded." in html


class TestOwnEvents:
    def test_completing_a_lesson_and_the_course_are_statements(
        self, trainee, course, lessons, django_capture_on_commit_callbacks
    ):
        enrolment = course_services.enrolment_enrol(trainee=trainee, course=course)[0]
        for lesson in lessons:
            with django_capture_on_commit_callbacks(execute=True):
                study(trainee, lesson)

        verbs = list(Statement.objects.filter(user=trainee).values_list("verb", "object_id"))
        completed = [o for v, o in verbs if v == "http://adlnet.gov/expapi/verbs/completed"]
        assert len(completed) == len(lessons) + 1
        assert any(f"/course/{enrolment.course_id}" in o for o in completed)
        assert any(f"/lesson/{lessons[0].pk}" in o for o in completed)

    def test_a_graded_quiz_and_an_attended_session_are_statements(
        self, trainee, trainer, course, django_capture_on_commit_callbacks
    ):
        from datetime import timedelta

        from django.utils import timezone

        from assessments import services as assessment_services
        from courses.models import ClassroomSession, SessionRegistration
        from courses.services.sessions import session_mark_attendance

        course_services.enrolment_enrol(trainee=trainee, course=course)
        quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory()])
        attempt = assessment_services.attempt_start(quiz=quiz, trainee=trainee)
        row = attempt.answers.get()
        assessment_services.answer_save(
            attempt=attempt,
            trainee=trainee,
            question_id=row.question_id,
            answer=correct_choice(row),
        )
        with django_capture_on_commit_callbacks(execute=True):
            assessment_services.attempt_submit(attempt=attempt, trainee=trainee)
        start = timezone.now() - timedelta(hours=2)
        session = ClassroomSession.objects.create(
            course=course,
            title="Briefing",
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            trainer=trainer,
            capacity=10,
        )
        SessionRegistration.objects.create(session=session, trainee=trainee, status="registered")
        with django_capture_on_commit_callbacks(execute=True):
            session_mark_attendance(session=session, trainer=trainer, attended_ids=[trainee.pk])

        passed = Statement.objects.get(user=trainee, verb="http://adlnet.gov/expapi/verbs/passed")
        assert passed.object_id.endswith(f"/quiz/{quiz.pk}")
        assert passed.result["score"]["scaled"] == 1.0 and passed.result["success"] is True
        attended = Statement.objects.get(
            user=trainee, verb="http://adlnet.gov/expapi/verbs/attended"
        )
        assert attended.object_id.endswith(f"/session/{session.pk}")
        assert trainee.full_name not in json.dumps(attended.raw)
