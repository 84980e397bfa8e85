"""H5P contents belong to courses: per-role admin access, replacing a package, the
administrators' library upgrade, and the course given to existing contents."""

import importlib
from decimal import Decimal
from http import HTTPStatus

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from courses.models import LessonPage
from demo.h5p_packages import build_h5p_package
from h5p import defaults
from h5p.models import H5PContent, H5PLibrary, H5PResult
from h5p.services import h5p_package_import
from tests.factories import TrainerFactory
from tests.factories.courses import add_course
from tests.factories.h5p_exports import hub_export
from tests.h5p.conftest import LIBRARY_FOLDER, LIBRARY_JSON, library_json

pytestmark = pytest.mark.django_db

ADMIN_HOME = reverse("wagtailadmin_home")
SCRIPT = f"{LIBRARY_FOLDER}/singlechoice.js"


def upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("exercise.h5p", data, content_type="application/zip")


def _url(view: str, content: H5PContent | None = None) -> str:
    return reverse(f"h5p_content:{view}", args=[content.pk] if content else None)


@pytest.fixture
def other_trainer():
    return TrainerFactory()


@pytest.fixture
def other_course(catalogue, other_trainer):
    return add_course(catalogue, title="Someone else's course", trainers=[other_trainer])


@pytest.fixture
def contents(h5p_media, trainer, course, other_course):
    """One content of ``course``, one of ``other_course``, one of no course yet."""

    def make(title, owner_course):
        return h5p_package_import(
            file=upload(build_h5p_package(title=title)), uploaded_by=trainer, course=owner_course
        )

    return {
        "mine": make("Mine", course),
        "theirs": make("Theirs", other_course),
        "loose": make("Loose", None),
    }


def test_the_trainer_of_another_course_cannot_open_change_replace_or_delete(
    client, contents, other_trainer
):
    content = contents["mine"]
    client.force_login(other_trainer)

    for view in ("edit", "history", "usage", "replace"):
        assert client.get(_url(view, content)).url == ADMIN_HOME, view
    assert client.post(_url("delete", content)).url == ADMIN_HOME
    assert client.post(_url("replace", content), {"package": upload(b"x")}).url == ADMIN_HOME
    assert H5PContent.objects.filter(pk=content.pk).exists()


@pytest.mark.parametrize("role", ["trainer", "admin_user"])
def test_the_owning_trainer_and_an_admin_open_them(client, contents, request, role):
    client.force_login(request.getfixturevalue(role))

    for view in ("edit", "history", "usage", "replace", "delete"):
        assert client.get(_url(view, contents["mine"])).status_code == HTTPStatus.OK, view


def test_listing_and_chooser_show_a_trainer_only_their_courses_and_loose_ones(
    client, contents, trainer, admin_user
):
    chooser = reverse("h5p_content_chooser:choose_results")
    client.force_login(trainer)

    listed = {c.title for c in client.get(_url("index")).context["object_list"]}
    offered = {c.title for c in client.get(chooser).context["results"]}

    assert listed == offered == {"Mine", "Loose"}
    client.force_login(admin_user)
    assert len(client.get(_url("index")).context["object_list"]) == 3
    assert len(client.get(chooser).context["results"]) == 3


def test_the_upload_offers_a_trainer_only_their_own_courses(
    client, h5p_media, trainer, course, other_course
):
    client.force_login(trainer)

    form = client.get(_url("add")).context["form"]
    assert list(form.fields["course"].queryset) == [course]
    response = client.post(
        _url("add"), {"package": upload(build_h5p_package()), "course": other_course.pk}
    )
    assert response.context["form"].errors["course"]
    response = client.post(_url("add"), {"package": upload(build_h5p_package())})
    assert response.context["form"].errors["course"]
    assert not H5PContent.objects.exists()


def test_an_admin_may_upload_a_content_of_no_course(client, h5p_media, admin_user):
    client.force_login(admin_user)

    response = client.post(_url("add"), {"package": upload(build_h5p_package())})

    assert response.status_code == HTTPStatus.FOUND
    assert H5PContent.objects.get().course is None


def test_a_trainer_cannot_move_a_content_to_someone_elses_course(
    client, contents, trainer, other_course
):
    client.force_login(trainer)

    response = client.post(
        _url("edit", contents["mine"]), {"title": "Hijack", "course": other_course.pk}
    )

    assert response.context["form"].errors["course"]
    assert H5PContent.objects.filter(title="Hijack").count() == 0


def test_an_upload_carrying_a_newer_library_says_it_is_held_back(
    client, h5p_media, trainer, course
):
    h5p_package_import(file=upload(build_h5p_package()), uploaded_by=trainer)
    client.force_login(trainer)
    newer = build_h5p_package(
        extra_members={LIBRARY_JSON: library_json(patchVersion=4), SCRIPT: b"/* 4 */"}
    )

    data = {"package": upload(newer), "course": course.pk}

    response = client.post(_url("add"), data, follow=True)

    message = str(list(response.context["messages"])[0])
    assert f"{LIBRARY_FOLDER} (0 → 4)" in message
    assert "only an administrator applies the newer ones" in message
    assert H5PLibrary.objects.get().patch_version == 0
    assert (h5p_media / "libraries" / SCRIPT).read_bytes() != b"/* 4 */"


# Replacing a package -----------------------------------------------------------------


def test_replacing_keeps_the_uuid_title_course_and_results(
    client, contents, trainer, trainee, h5p_media
):
    content = contents["mine"]
    content.title = "Renamed by the trainer"
    content.save()
    H5PResult.objects.create(
        trainee=trainee, content=content, best_scaled=Decimal(1), last_scaled=Decimal(1)
    )
    client.force_login(trainer)
    new_version = build_h5p_package(title="Second version", question="A better question?")

    response = client.post(_url("replace", content), {"package": upload(new_version)})

    assert response.status_code == HTTPStatus.FOUND
    replaced = H5PContent.objects.get(pk=content.pk)
    assert (replaced.uuid, replaced.title, replaced.course) == (
        content.uuid,
        "Renamed by the trainer",
        content.course,
    )
    assert replaced.sha256 != content.sha256
    assert H5PResult.objects.filter(content=replaced).count() == 1
    stored = h5p_media / "content" / str(content.uuid) / "content" / "content.json"
    assert "A better question?" in stored.read_text()
    assert ModelLogEntry.objects.filter(action="h5p.content_replace").count() == 1


def test_replacing_with_another_kind_of_exercise_is_refused(client, contents, trainer, h5p_media):
    content = contents["mine"]
    client.force_login(trainer)

    response = client.post(_url("replace", content), {"package": upload(hub_export())})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["package"] == [
        "The new package holds another kind of exercise (H5P.DragQuestion instead of "
        "Liaison.SingleChoice): upload it as a new exercise."
    ]
    assert H5PContent.objects.get(pk=content.pk).sha256 == content.sha256
    # The refused package's new libraries are not left behind.
    assert not (h5p_media / "libraries" / "H5P.DragQuestion-1.14").exists()
    assert not H5PLibrary.objects.filter(machine_name="H5P.DragQuestion").exists()


def test_a_refused_replacement_keeps_the_old_package(client, contents, trainer, h5p_media):
    content = contents["mine"]
    client.force_login(trainer)
    before = (h5p_media / "content" / str(content.uuid) / "h5p.json").read_bytes()

    response = client.post(
        _url("replace", content),
        {"package": upload(build_h5p_package(extra_members={"content/x.html": b"<p>"}))},
    )

    assert response.context["form"].errors["package"]
    assert (h5p_media / "content" / str(content.uuid) / "h5p.json").read_bytes() == before


# The administrators' library upgrade ---------------------------------------------------


@pytest.fixture
def staging(tmp_path, monkeypatch):
    monkeypatch.setattr(defaults, "UPGRADE_STAGING_DIR", tmp_path / "staged")
    return tmp_path / "staged"


@pytest.mark.parametrize("role", ["trainer", "other_trainer"])
def test_trainers_may_not_upgrade_libraries(client, contents, staging, request, role):
    client.force_login(request.getfixturevalue(role))
    newer = build_h5p_package(extra_members={LIBRARY_JSON: library_json(patchVersion=5)})

    assert client.get(_url("upgrade_libraries")).url == ADMIN_HOME
    response = client.post(_url("upgrade_libraries"), {"package": upload(newer)})

    assert response.url == ADMIN_HOME
    assert H5PLibrary.objects.get().patch_version == 0
    assert not staging.exists() or list(staging.iterdir()) == []


def test_an_admin_sees_what_changes_then_confirms(
    client, contents, staging, admin_user, course, h5p_media
):
    client.force_login(admin_user)
    assert "Upgrade libraries" in client.get(_url("index")).content.decode()
    newer = build_h5p_package(
        extra_members={LIBRARY_JSON: library_json(patchVersion=5), SCRIPT: b"/* 5 */"}
    )

    preview = client.post(_url("upgrade_libraries"), {"package": upload(newer)})

    assert preview.status_code == HTTPStatus.OK
    page = preview.content.decode()
    assert f"{LIBRARY_FOLDER}" in page and "0 → 5" in page
    assert "Mine" in page and "Theirs" in page and course.title in page
    assert H5PLibrary.objects.get().patch_version == 0  # nothing changed yet
    token = preview.context["form"].initial["token"]

    response = client.post(_url("upgrade_libraries"), {"token": token})

    assert response.url == _url("index")
    assert H5PLibrary.objects.get().patch_version == 5
    assert (h5p_media / "libraries" / SCRIPT).read_bytes() == b"/* 5 */"
    assert ModelLogEntry.objects.get(action="h5p.library_upgrade").user == admin_user


def test_a_forged_confirmation_changes_nothing(client, contents, staging, admin_user):
    client.force_login(admin_user)

    response = client.post(_url("upgrade_libraries"), {"token": "0" * 64}, follow=True)

    assert "unknown or has expired" in str(list(response.context["messages"])[0])
    assert H5PLibrary.objects.get().patch_version == 0


# Existing contents get the course of the lessons that use them --------------------------


def test_existing_contents_get_the_course_of_their_lessons(contents, course, other_course):
    migration = importlib.import_module("h5p.migrations.0003_content_course")
    H5PContent.objects.update(course=None)
    mine, shared = contents["mine"], contents["theirs"]
    lesson = LessonPage.objects.descendant_of(course).live().first()
    lesson.body = [("h5p", {"content": mine, "required": False})]
    lesson.body.append(("h5p", {"content": shared, "required": False}))
    lesson.save_revision().publish()
    other_lesson = LessonPage.objects.descendant_of(other_course).live().first()
    other_lesson.body = [("h5p", {"content": shared, "required": False})]
    other_lesson.save_revision().publish()

    migration.give_courses(apps, None)

    assert H5PContent.objects.get(pk=mine.pk).course == course
    # Used in two courses, or in none: no course, open to every trainer as before.
    assert H5PContent.objects.get(pk=shared.pk).course is None
    assert H5PContent.objects.get(pk=contents["loose"].pk).course is None


def test_the_listing_costs_the_same_queries_for_more_contents(
    client, contents, trainer, course, django_assert_num_queries
):
    client.force_login(trainer)
    client.get(_url("index"))  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        client.get(_url("index"))
    for title in ("Fourth", "Fifth", "Sixth"):
        h5p_package_import(
            file=upload(build_h5p_package(title=title)), uploaded_by=trainer, course=course
        )

    with django_assert_num_queries(len(few.captured_queries)):
        listed = client.get(_url("index")).context["object_list"]
    assert len(listed) == 5
