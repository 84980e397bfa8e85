"""Fixtures of the h5p tests."""

import io
import json
import zipfile
from pathlib import Path

import pytest

from demo.h5p_packages import LIBRARY_FOLDER as SOURCE_FOLDER
from demo.h5p_packages import build_h5p_package
from h5p.models import H5PContent, H5PLibrary

LIBRARY_FOLDER = "Liaison.SingleChoice-1.0"
LIBRARY_JSON = f"{LIBRARY_FOLDER}/library.json"


@pytest.fixture
def h5p_media(settings, tmp_path) -> Path:
    """A temporary MEDIA_ROOT on a local file system storage; returns its h5p folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path / "media" / "h5p"


def files_under(folder: Path) -> list[str]:
    """Every file left under ``folder``, hidden ones included, as relative paths."""
    if not folder.exists():
        return []
    return sorted(
        path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()
    )


def assert_nothing_stored(h5p_media: Path) -> None:
    assert not H5PContent.objects.exists()
    assert not H5PLibrary.objects.exists()
    assert files_under(h5p_media) == []


def library_json(**changes) -> bytes:
    """The SingleChoice library.json with ``changes``; a key set to None is removed."""
    data = json.loads((SOURCE_FOLDER / "library.json").read_text())
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return json.dumps(data).encode()


def package_with_library(**changes) -> bytes:
    """A valid package whose library.json carries ``changes``."""
    return build_h5p_package(extra_members={LIBRARY_JSON: library_json(**changes)})


def zip_of(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive of ``members`` (names written exactly as given)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buffer.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    """The members of a package, to rebuild it with changes."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
