"""Importing .h5p packages: storage, shared libraries, deletion, and the admin upload."""

import hashlib
import io
import json
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from accounts import roles
from demo.h5p_packages import build_h5p_package
from h5p import defaults
from h5p.models import H5PContent, H5PLibrary
from h5p.services import h5p_content_delete, h5p_package_import, h5p_package_upload, packages
from h5p.services.libraries import h5p_libraries_upgrade, h5p_library_upgrade_plan
from h5p.services.packages import LibraryPatch
from tests.factories.h5p_exports import hub_export
from tests.h5p.conftest import (
    LIBRARY_FOLDER,
    LIBRARY_JSON,
    assert_nothing_stored,
    files_under,
    library_json,
    members_of,
)

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/h5p/content/"
JS = f"{LIBRARY_FOLDER}/singlechoice.js"


def upload(data: bytes, name: str = "exercise.h5p") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/zip")


def patched_package(patch: int, script: bytes, **kwargs) -> bytes:
    """The package with its library at another patch version and with another script."""
    return build_h5p_package(
        extra_members={LIBRARY_JSON: library_json(patchVersion=patch), JS: script}, **kwargs
    )


def test_an_import_records_the_package_and_unpacks_it(h5p_media, trainer):
    data = build_h5p_package(title="Order to leave", language="nl")

    content = h5p_package_import(file=upload(data), uploaded_by=trainer)

    content.refresh_from_db()
    assert content.title == "Order to leave"
    assert content.language == "nl"
    assert content.embed_types == ["div"]
    assert content.uploaded_by == trainer
    assert content.sha256 == hashlib.sha256(data).hexdigest()
    assert content.size == sum(len(member) for member in members_of(data).values())
    library = H5PLibrary.objects.get()
    assert (library.folder_name, library.patch_version, library.runnable) == (
        LIBRARY_FOLDER,
        0,
        True,
    )
    assert content.main_library == library
    assert list(content.libraries.all()) == [library]
    assert files_under(h5p_media) == sorted(
        [
            f"content/{content.uuid}/content/content.json",
            f"content/{content.uuid}/h5p.json",
            f"libraries/{LIBRARY_FOLDER}/library.json",
            f"libraries/{LIBRARY_FOLDER}/singlechoice.css",
            f"libraries/{LIBRARY_FOLDER}/singlechoice.js",
        ]
    )
    stored = json.loads((h5p_media / "content" / str(content.uuid) / "h5p.json").read_text())
    assert stored["title"] == "Order to leave"


def test_a_stray_root_file_is_accepted_but_not_unpacked(h5p_media, trainer):
    data = build_h5p_package(extra_members={"README.txt": b"Exported by an editor."})

    content = h5p_package_import(file=io.BytesIO(data), uploaded_by=trainer)

    assert not any(name.endswith("README.txt") for name in files_under(h5p_media))
    assert (h5p_media / "content" / str(content.uuid) / "h5p.json").exists()


def test_a_hub_export_imports_with_its_media_and_library_extras(h5p_media, trainer):
    content = h5p_package_import(file=upload(hub_export()), uploaded_by=trainer)

    stored = files_under(h5p_media)
    for name in (
        f"content/{content.uuid}/content/videos/interview.mp4",
        f"content/{content.uuid}/content/files/worksheet.docx",
        "libraries/H5P.DragQuestion-1.14/README.md",
        "libraries/H5P.DragQuestion-1.14/patches/keyboard-focus.diff",
        "libraries/H5P.DragQuestion-1.14/language/nl.json",
        "libraries/H5P.JoubelUI-1.3/flash/fallback-player.swf",
    ):
        assert name in stored, name
    # Hidden names are skipped; the editor's library is not needed to play.
    assert not any(name.endswith(".en.json") for name in stored)
    assert not any("H5PEditor" in name for name in stored)
    assert content.main_library.folder_name == "H5P.DragQuestion-1.14"
    assert content.libraries.count() == 6


def test_two_uploads_share_one_library(h5p_media, trainer):
    first = h5p_package_import(file=upload(build_h5p_package(title="One")), uploaded_by=trainer)
    second = h5p_package_import(file=upload(build_h5p_package(title="Two")), uploaded_by=trainer)

    library = H5PLibrary.objects.get()
    assert first.main_library == second.main_library == library
    assert sorted(path.name for path in (h5p_media / "libraries").iterdir()) == [LIBRARY_FOLDER]
    assert sorted(path.name for path in (h5p_media / "content").iterdir()) == sorted(
        [str(first.uuid), str(second.uuid)]
    )


def test_an_upload_never_replaces_a_stored_librarys_code(h5p_media, trainer, admin_user):
    h5p_package_import(file=upload(build_h5p_package()), uploaded_by=trainer)

    for user in (trainer, admin_user):
        result = h5p_package_upload(
            file=upload(patched_package(3, b"/* patch 3 */")), uploaded_by=user
        )
        assert result.held_back == (LibraryPatch(LIBRARY_FOLDER, 0, 3),)

    assert H5PLibrary.objects.get().patch_version == 0
    script = h5p_media / "libraries" / LIBRARY_FOLDER / "singlechoice.js"
    assert script.read_bytes() != b"/* patch 3 */"


def test_an_administrator_upgrades_a_library_after_confirming(
    h5p_media, trainer, admin_user, tmp_path, monkeypatch, course
):
    monkeypatch.setattr(defaults, "UPGRADE_STAGING_DIR", tmp_path / "staged")
    content = h5p_package_import(file=upload(build_h5p_package()), uploaded_by=trainer)
    content.course = course
    content.save()
    script = h5p_media / "libraries" / LIBRARY_FOLDER / "singlechoice.js"
    before = script.read_bytes()

    plan = h5p_library_upgrade_plan(file=upload(patched_package(3, b"/* patch 3 */")))

    assert [upgrade.patch for upgrade in plan.upgrades] == [LibraryPatch(LIBRARY_FOLDER, 0, 3)]
    assert list(plan.upgrades[0].contents) == [content]
    assert plan.upgrades[0].courses == [course]
    assert H5PLibrary.objects.get().patch_version == 0  # nothing changed before confirming
    assert script.read_bytes() == before

    applied = h5p_libraries_upgrade(token=plan.token, user=admin_user)

    assert applied == (LibraryPatch(LIBRARY_FOLDER, 0, 3),)
    library = H5PLibrary.objects.get()
    assert library.patch_version == 3
    assert script.read_bytes() == b"/* patch 3 */"
    assert ModelLogEntry.objects.get(action="h5p.library_upgrade").object_id == str(library.pk)
    assert list((tmp_path / "staged").glob("*.h5p")) == []
    with pytest.raises(ValidationError):
        h5p_libraries_upgrade(token=plan.token, user=admin_user)


@pytest.mark.parametrize("token", ["../../etc/passwd", "a" * 64])
def test_an_unknown_upgrade_token_is_refused(admin_user, tmp_path, monkeypatch, token):
    monkeypatch.setattr(defaults, "UPGRADE_STAGING_DIR", tmp_path / "staged")

    with pytest.raises(ValidationError, match="unknown or has expired"):
        h5p_libraries_upgrade(token=token, user=admin_user)


def test_a_package_that_upgrades_nothing_is_refused(h5p_media, trainer, tmp_path, monkeypatch):
    monkeypatch.setattr(defaults, "UPGRADE_STAGING_DIR", tmp_path / "staged")
    h5p_package_import(file=upload(build_h5p_package()), uploaded_by=trainer)

    with pytest.raises(ValidationError, match="nothing to upgrade"):
        h5p_library_upgrade_plan(file=upload(build_h5p_package()))


def test_a_lower_or_equal_patch_keeps_the_stored_library(h5p_media, trainer):
    h5p_package_import(file=upload(patched_package(3, b"/* patch 3 */")), uploaded_by=trainer)

    for patch in (1, 3):
        h5p_package_import(
            file=upload(patched_package(patch, f"/* patch {patch} again */".encode())),
            uploaded_by=trainer,
        )

    assert H5PLibrary.objects.get().patch_version == 3
    script = h5p_media / "libraries" / LIBRARY_FOLDER / "singlechoice.js"
    assert script.read_bytes() == b"/* patch 3 */"
    assert H5PContent.objects.count() == 3


def test_a_package_may_rely_on_a_stored_library(h5p_media, trainer):
    library_files = {"library.json", "singlechoice.js", "singlechoice.css"}
    bare = build_h5p_package(omit={f"{LIBRARY_FOLDER}/{name}" for name in library_files})

    with pytest.raises(ValidationError) as caught:
        h5p_package_import(file=upload(bare), uploaded_by=trainer)
    assert caught.value.messages == [
        "h5p.json: needs the library Liaison.SingleChoice-1.0, which is neither in the package "
        "nor stored"
    ]
    assert_nothing_stored(h5p_media)

    h5p_package_import(file=upload(build_h5p_package()), uploaded_by=trainer)
    content = h5p_package_import(file=upload(bare), uploaded_by=trainer)

    assert content.main_library == H5PLibrary.objects.get()


def test_a_storage_failure_leaves_no_row_and_no_file(h5p_media, trainer, monkeypatch):
    publish = packages.publish_folder

    def fail_on_libraries(storage, source, name):
        publish(storage, source, name)
        if name.startswith("h5p/libraries/"):
            raise OSError("disk full")

    monkeypatch.setattr(packages, "publish_folder", fail_on_libraries)

    with pytest.raises(OSError, match="disk full"):
        h5p_package_import(file=upload(build_h5p_package()), uploaded_by=trainer)

    assert_nothing_stored(h5p_media)


def test_deleting_removes_the_content_folder_and_keeps_the_library(
    h5p_media, trainer, django_capture_on_commit_callbacks
):
    kept = h5p_package_import(file=upload(build_h5p_package(title="Kept")), uploaded_by=trainer)
    gone = h5p_package_import(file=upload(build_h5p_package(title="Gone")), uploaded_by=trainer)

    with django_capture_on_commit_callbacks(execute=True):
        h5p_content_delete(content=gone)

    assert list(H5PContent.objects.all()) == [kept]
    assert H5PLibrary.objects.count() == 1
    assert [path.name for path in (h5p_media / "content").iterdir()] == [str(kept.uuid)]
    assert (h5p_media / "libraries" / LIBRARY_FOLDER / "singlechoice.js").exists()


def test_a_remote_storage_gets_the_same_folders(trainer, django_capture_on_commit_callbacks):
    """The test settings' in-memory storage has no local path, like S3."""
    content = h5p_package_import(file=upload(build_h5p_package()), uploaded_by=trainer)

    assert default_storage.exists(f"{content.storage_path}/content/content.json")
    assert default_storage.exists(f"h5p/libraries/{LIBRARY_FOLDER}/singlechoice.js")
    with django_capture_on_commit_callbacks(execute=True):
        h5p_content_delete(content=content)
    assert not default_storage.exists(content.storage_path)
    assert default_storage.exists(f"h5p/libraries/{LIBRARY_FOLDER}/library.json")


# The admin --------------------------------------------------------------------------


def test_trainers_hold_the_upload_permissions():
    trainers = Group.objects.get(name=roles.TRAINERS)

    assert set(
        trainers.permissions.filter(content_type__app_label="h5p").values_list(
            "codename", flat=True
        )
    ) == {"add_h5pcontent", "change_h5pcontent", "delete_h5pcontent"}


@pytest.mark.parametrize("role", ["trainer", "admin_user"])
def test_trainers_and_admins_upload_through_the_admin(h5p_media, client, request, role, course):
    user = request.getfixturevalue(role)
    client.force_login(user)
    menu = client.get("/admin/").content.decode()
    assert '"label": "H5P"' in menu
    assert f'"url": "{ADMIN_URL}"' in menu
    form = client.get(f"{ADMIN_URL}new/")
    assert form.status_code == HTTPStatus.OK
    assert "runs on this site" in form.content.decode()

    response = client.post(
        f"{ADMIN_URL}new/",
        {"package": upload(build_h5p_package(title="Uploaded")), "course": course.pk},
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    content = H5PContent.objects.get()
    assert (content.title, content.uploaded_by, content.course) == ("Uploaded", user, course)
    listing = client.get(ADMIN_URL)
    assert listing.status_code == HTTPStatus.OK
    assert "Uploaded" in listing.content.decode()
    assert LIBRARY_FOLDER in listing.content.decode()


def test_a_refused_package_shows_the_rule_on_the_form(h5p_media, client, trainer, course):
    client.force_login(trainer)
    data = build_h5p_package(extra_members={"content/evil.js": b"alert(1)"})

    response = client.post(f"{ADMIN_URL}new/", {"package": upload(data), "course": course.pk})

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["package"] == [
        "content/evil.js: script, style, SVG and XML files are only allowed inside libraries"
    ]
    assert_nothing_stored(h5p_media)


def test_only_h5p_files_are_offered_to_the_importer(h5p_media, client, trainer):
    client.force_login(trainer)

    response = client.post(
        f"{ADMIN_URL}new/", {"package": upload(build_h5p_package(), name="exercise.zip")}
    )

    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["package"]
    assert_nothing_stored(h5p_media)


def test_a_trainer_renames_a_content(h5p_media, client, trainer, course):
    content = h5p_package_import(
        file=upload(build_h5p_package()), uploaded_by=trainer, course=course
    )
    client.force_login(trainer)

    response = client.post(
        f"{ADMIN_URL}edit/{content.pk}/", {"title": "Renamed", "course": course.pk}
    )

    assert response.status_code == HTTPStatus.FOUND
    content.refresh_from_db()
    assert content.title == "Renamed"


@pytest.mark.parametrize("role", ["trainee", "programme_manager"])
def test_other_roles_may_not_upload(h5p_media, client, request, role):
    client.force_login(request.getfixturevalue(role))

    listing = client.get(ADMIN_URL)
    response = client.post(f"{ADMIN_URL}new/", {"package": upload(build_h5p_package())})

    assert listing.status_code != HTTPStatus.OK
    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert not response.get("Location", "").startswith(ADMIN_URL)
    assert_nothing_stored(h5p_media)


def test_deleting_in_the_admin_removes_the_folder(
    h5p_media, client, trainer, django_capture_on_commit_callbacks
):
    content = h5p_package_import(file=upload(build_h5p_package()), uploaded_by=trainer)
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{ADMIN_URL}delete/{content.pk}/")

    assert response.status_code == HTTPStatus.FOUND
    assert not H5PContent.objects.exists()
    assert not (h5p_media / "content" / str(content.uuid)).exists()
    assert H5PLibrary.objects.count() == 1
