"""The H5P player's sandbox as the server sets it up: the frame's headers, the H5P files'
headers, and the saved state the lesson page relays (the browser side is in
tests/e2e/test_h5p_sandbox.py)."""

import json
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from accounts.services import user_erase
from courses import services as course_services
from demo.h5p_packages import build_h5p_package
from h5p import defaults
from h5p.models import H5PUserState
from h5p.services.packages import h5p_package_import
from h5p.views import media
from tests.factories import TraineeFactory


@pytest.fixture
def h5p_content(settings, tmp_path, trainer):
    settings.MEDIA_ROOT = tmp_path
    # On disk, as the web server serves them (the test settings keep uploads in memory).
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    package = build_h5p_package(title="Who decides on a removal?")
    upload = SimpleUploadedFile("exercise.h5p", package, content_type="application/zip")
    return h5p_package_import(file=upload, uploaded_by=trainer)


@pytest.fixture
def exercise_lesson(lessons, h5p_content):
    lesson = lessons[0]
    lesson.body = [("h5p", {"content": h5p_content, "required": True, "pass_scaled": Decimal(1)})]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


@pytest.fixture
def block_id(exercise_lesson):
    return exercise_lesson.body[0].id


@pytest.fixture
def player(client, trainee, course, exercise_lesson):
    course_services.enrolment_enrol(trainee=trainee, course=course)
    client.force_login(trainee)
    return client


pytestmark = pytest.mark.django_db


def directives(policy: str) -> dict[str, str]:
    return {part.split(" ", 1)[0]: part.partition(" ")[2] for part in policy.split("; ")}


class TestFrame:
    def test_the_frame_is_sandboxed_by_its_own_policy_even_opened_alone(self, client):
        response = client.get(reverse("h5p:frame"))

        assert response.status_code == HTTPStatus.OK
        policy = directives(response["Content-Security-Policy"])
        assert policy["sandbox"] == "allow-scripts allow-forms allow-popups"
        assert "allow-same-origin" not in response["Content-Security-Policy"]
        assert "allow-top-navigation" not in response["Content-Security-Policy"]
        # Network reads only from the H5P files; forms go nowhere; only this site frames it.
        assert policy["connect-src"] == "http://testserver/media/h5p/"
        assert policy["form-action"] == "'none'"
        assert policy["frame-ancestors"] == "'self'"
        assert "blob:" in policy["worker-src"]  # Audio Recorder
        assert "https://www.youtube.com" in policy["frame-src"]
        assert response["X-Frame-Options"] == "SAMEORIGIN"

    def test_the_frame_holds_nothing_about_the_user(self, client, trainee):
        client.force_login(trainee)

        response = client.get(reverse("h5p:frame"))

        html = response.content.decode()
        assert trainee.email not in html and trainee.full_name not in html
        assert "csrfmiddlewaretoken" not in html

    def test_embed_hosts_come_from_the_setting(self, client, monkeypatch):
        monkeypatch.setattr(defaults, "EMBED_HOSTS", ["https://video.example.org"])

        policy = directives(client.get(reverse("h5p:frame"))["Content-Security-Policy"])

        assert policy["frame-src"] == "https://video.example.org"
        assert "youtube" not in policy["script-src"]


def h5p_file(path: str):
    """What the development server (and the browser tests) answer for an H5P file: the
    headers production's web server must set too (README, "Serving H5P files")."""
    return media(RequestFactory().get(f"/media/h5p/{path}"), path=path)


class TestH5PFiles:
    def test_files_are_readable_from_the_sandbox_and_inert_on_their_own(self, h5p_content):
        response = h5p_file(f"content/{h5p_content.uuid}/h5p.json")

        assert response.status_code == HTTPStatus.OK
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "attachment" not in response.get("Content-Disposition", "")

    def test_a_file_a_browser_could_run_is_a_download(self, h5p_content, settings):
        folder = settings.MEDIA_ROOT / "h5p" / "content" / str(h5p_content.uuid) / "content"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "drawing.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        )

        response = h5p_file(f"content/{h5p_content.uuid}/content/drawing.svg")

        assert response["Content-Disposition"] == "attachment"
        assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def save(client, lesson, block_id, body):
    return client.post(
        reverse("h5p:state", args=[lesson.pk, block_id]),
        body if isinstance(body, str) else json.dumps(body),
        content_type="application/json",
    )


class TestSavedState:
    def test_the_state_is_saved_and_handed_back_on_the_next_visit(
        self, player, trainee, exercise_lesson, block_id, h5p_content
    ):
        state = json.dumps({"answers": [1], "page": 2})

        response = save(player, exercise_lesson, block_id, {"state": state})

        assert response.status_code == HTTPStatus.NO_CONTENT
        assert H5PUserState.objects.get(trainee=trainee, content=h5p_content).state == state
        html = player.get(exercise_lesson.url).content.decode()
        options = json.loads(
            html.split(f'id="h5p-options-{block_id}" type="application/json">')[1].split(
                "</script>"
            )[0]
        )
        assert options["contentUserData"] == [{"state": state}]

    def test_a_new_state_replaces_the_old_and_an_empty_one_forgets_it(
        self, player, trainee, exercise_lesson, block_id
    ):
        save(player, exercise_lesson, block_id, {"state": '{"page": 1}'})
        save(player, exercise_lesson, block_id, {"state": '{"page": 2}'})
        assert H5PUserState.objects.get(trainee=trainee).state == '{"page": 2}'

        save(player, exercise_lesson, block_id, {"state": ""})

        assert not H5PUserState.objects.exists()

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ("{not json", "body: is not valid JSON"),
            ({"state": {"page": 1}}, "Send the state as a string."),
            ([], "Send the state as a string."),
            ({"state": "not json"}, "The saved state is not a JSON object."),
            ({"state": "42"}, "The saved state is not a JSON object."),
            ({"state": "[" * 50_000 + "]" * 50_000}, "The saved state is not a JSON object."),
        ],
    )
    def test_bad_states_are_refused_with_a_message(
        self, player, exercise_lesson, block_id, body, message
    ):
        response = save(player, exercise_lesson, block_id, body)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json()["error"] == message
        assert not H5PUserState.objects.exists()

    def test_a_state_over_the_cap_is_refused(self, player, exercise_lesson, block_id):
        state = json.dumps({"text": "x" * defaults.MAX_STATE_BYTES})

        response = save(player, exercise_lesson, block_id, {"state": state})

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert "KiB" in response.json()["error"]
        assert not H5PUserState.objects.exists()

    def test_someone_not_enrolled_saves_nothing(self, client, exercise_lesson, block_id):
        client.force_login(TraineeFactory())

        response = save(client, exercise_lesson, block_id, {"state": "{}"})

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert not H5PUserState.objects.exists()

    def test_a_block_that_is_not_an_exercise_of_the_lesson_is_refused(
        self, player, exercise_lesson
    ):
        response = save(player, exercise_lesson, "not-a-block", {"state": "{}"})

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert not H5PUserState.objects.exists()

    def test_erasing_the_account_deletes_its_saved_states(
        self, player, trainee, exercise_lesson, block_id
    ):
        save(player, exercise_lesson, block_id, {"state": '{"essay": "my own words"}'})

        user_erase(user=trainee)

        assert not H5PUserState.objects.exists()


def test_the_personal_data_export_lists_results_and_saved_states(
    player, trainee, exercise_lesson, block_id, h5p_content
):
    save(player, exercise_lesson, block_id, {"state": '{"essay": "my own words"}'})

    from h5p.selectors import exercise_personal_data

    rows = exercise_personal_data(trainee)

    assert rows == [
        {
            "exercise": h5p_content.title,
            "saved_state": '{"essay": "my own words"}',
            "state_saved_at": H5PUserState.objects.get().updated_at.isoformat(),
        }
    ]
