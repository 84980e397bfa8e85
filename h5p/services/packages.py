"""Importing and deleting ``.h5p`` packages.

An upload is validated in full (``h5p.validation``) before anything is written; it is then
unpacked into a private temporary folder and only then copied into the default storage:
the content under ``h5p/content/<uuid>/`` and each library once, shared by every package,
under ``h5p/libraries/<machineName>-<major>.<minor>/``. On any failure nothing is left.
A stored library is never changed by a content upload: ``h5p.services.libraries`` upgrades
libraries, for administrators only.
"""

import hashlib
import logging
import shutil
import tempfile
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import CoursePage
from outbox.services import job_enqueue

from ..models import H5PContent, H5PLibrary
from ..validation import (
    CHUNK_BYTES,
    ByteBudget,
    LibraryInfo,
    ValidatedPackage,
    is_hidden,
    open_archive,
    validate_package,
)

logger = logging.getLogger(__name__)

LIBRARIES_PATH = "h5p/libraries"


def library_storage_path(folder_name: str) -> str:
    """Folder of a shared library in the default storage (h5p-standalone's librariesPath)."""
    return f"{LIBRARIES_PATH}/{folder_name}"


def stored_libraries() -> dict[str, LibraryInfo]:
    return {
        library.folder_name: LibraryInfo(
            machine_name=library.machine_name,
            major_version=library.major_version,
            minor_version=library.minor_version,
            patch_version=library.patch_version,
            title=library.title,
            runnable=library.runnable,
        )
        for library in H5PLibrary.objects.all()
    }


def file_sha256(file: IO[bytes]) -> str:
    file.seek(0)
    digest = hashlib.sha256()
    while chunk := file.read(CHUNK_BYTES):
        digest.update(chunk)
    return digest.hexdigest()


def unpack_package(
    file: IO[bytes], package: ValidatedPackage, folder: Path, libraries: set[str] | None = None
) -> None:
    """Write h5p.json, content/ and carried libraries under ``folder`` (``package/`` and
    ``libraries/``): those named in ``libraries``, by default those the content needs.

    The members are streamed again through the same caps: the archive is never trusted.
    """
    if libraries is None:
        libraries = {ref.folder_name for ref in package.dependencies}
    needed = libraries & set(package.libraries)
    budget = ByteBudget()
    with open_archive(file) as archive:
        for info in archive.infolist():
            name = info.filename
            top = name.split("/")[0]
            if info.is_dir() or is_hidden(name):
                continue  # hidden names are skipped, as H5P core does
            if name == "h5p.json" or top == "content":
                target = folder / "package" / name
            elif top in needed:
                target = folder / "libraries" / name
            else:
                continue  # stray root files and libraries the content does not need
            # Names were checked by the validator; this guards the guard.
            if not target.resolve().is_relative_to(folder.resolve()):
                raise ValidationError(
                    _("%(file)s: unsafe path"), code="h5p_unsafe_path", params={"file": name}
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as out:
                for chunk in budget.stream(archive, info):
                    out.write(chunk)


def _local_path(storage: Storage, name: str) -> Path | None:
    """The folder on disk for a local file system storage; None for others (S3, memory…)."""
    if isinstance(storage, FileSystemStorage):
        return Path(storage.path(name))
    return None


def _delete_folder(storage: Storage, name: str) -> None:
    """Remove a folder and everything in it from the storage."""
    local = _local_path(storage, name)
    if local is not None:
        shutil.rmtree(local, ignore_errors=True)
        return
    if not storage.exists(name):
        return
    folders, files = storage.listdir(name)
    for file_name in files:
        storage.delete(f"{name}/{file_name}")
    for folder_name in folders:
        _delete_folder(storage, f"{name}/{folder_name}")
    storage.delete(name)  # a folder node where the storage has them; a no-op on S3


def publish_folder(storage: Storage, source: Path, name: str) -> None:
    """Copy ``source`` into the storage as folder ``name``, replacing any folder there.

    On a local storage the new folder is written beside the old one and then swapped in,
    so a failure leaves the old folder whole. A remote storage has no rename: the old
    files are removed and the new ones written one by one.
    """
    local = _local_path(storage, name)
    if local is None:
        _delete_folder(storage, name)
        for path in sorted(source.rglob("*")):
            if path.is_file():
                with path.open("rb") as handle:
                    storage.save(f"{name}/{path.relative_to(source).as_posix()}", File(handle))
        return
    local.parent.mkdir(parents=True, exist_ok=True)
    suffix = uuid.uuid4().hex
    staged = local.with_name(f".{local.name}.new-{suffix}")
    retired = local.with_name(f".{local.name}.old-{suffix}")
    try:
        shutil.copytree(source, staged)
        if local.exists():
            local.rename(retired)
        try:
            staged.rename(local)
        except OSError:
            if retired.exists() and not local.exists():
                retired.rename(local)
            raise
    finally:
        shutil.rmtree(staged, ignore_errors=True)
        shutil.rmtree(retired, ignore_errors=True)


@dataclass(frozen=True)
class LibraryPatch:
    """A carried library whose patch version is higher than the stored one's."""

    folder_name: str
    stored_patch: int
    carried_patch: int


@dataclass(frozen=True)
class PackageImport:
    """A stored content, and the newer library patches its package carried but did not
    apply (only an administrator's upgrade changes a stored library's code)."""

    content: H5PContent
    held_back: tuple[LibraryPatch, ...]


def newer_patches(
    package: ValidatedPackage, stored: Mapping[str, LibraryInfo]
) -> list[LibraryPatch]:
    """The carried libraries whose patch is higher than the stored library's."""
    return [
        LibraryPatch(folder, stored[folder].patch_version, carried.patch_version)
        for folder, carried in sorted(package.libraries.items())
        if folder in stored and carried.patch_version > stored[folder].patch_version
    ]


def _library_rows(package: ValidatedPackage) -> tuple[list[H5PLibrary], list[str]]:
    """Lock or create the rows of every needed library.

    Returns the rows and the folders of new libraries. A stored library is used as it is,
    whatever patch the package carries: library code is shared by every course, so only an
    administrator changes it (``h5p.services.libraries``).
    """
    wanted = Q()
    for ref in package.dependencies:
        wanted |= Q(
            machine_name=ref.machine_name,
            major_version=ref.major_version,
            minor_version=ref.minor_version,
        )
    rows = {row.folder_name: row for row in H5PLibrary.objects.select_for_update().filter(wanted)}
    new = []
    for ref in package.dependencies:
        if ref.folder_name in rows:
            continue
        carried = package.libraries.get(ref.folder_name)
        if carried is None:  # only if a stored row vanished during the upload
            raise ValidationError(
                _("h5p.json: needs the library %(library)s, which is not stored"),
                code="h5p_missing_library",
                params={"library": ref.folder_name},
            )
        row = H5PLibrary(
            machine_name=carried.machine_name,
            major_version=carried.major_version,
            minor_version=carried.minor_version,
            patch_version=carried.patch_version,
            title=carried.title,
            runnable=carried.runnable,
        )
        row.full_clean()
        row.save()
        rows[ref.folder_name] = row
        new.append(ref.folder_name)
    return [rows[ref.folder_name] for ref in package.dependencies], new


def _store(
    *, file: IO[bytes], content: H5PContent | None, fill: Callable[[H5PContent], None]
) -> PackageImport:
    """Validate ``file`` and store it as ``content`` (a new one when None).

    ``fill`` sets the content's own fields before it is checked and saved. New library
    folders are removed again unless everything succeeds; a replaced content folder is
    swapped in last, so a failure before it leaves the old package whole.
    """
    stored = stored_libraries()
    package = validate_package(file, stored_libraries=stored)
    sha256 = file_sha256(file)
    storage = default_storage
    # Folders this import creates; removed again unless everything succeeds.
    created: list[str] = []
    done = False
    try:
        with tempfile.TemporaryDirectory(prefix="liaison-h5p-") as temporary:
            unpacked = Path(temporary)
            unpack_package(file, package, unpacked)
            with transaction.atomic():
                libraries, new = _library_rows(package)
                replacing = content is not None
                if content is None:
                    content = H5PContent(title=package.title)
                else:
                    content = H5PContent.objects.select_for_update().get(pk=content.pk)
                main_folder = package.main_library.folder_name
                content.main_library = next(
                    row for row in libraries if row.folder_name == main_folder
                )
                content.language = package.language
                content.embed_types = package.embed_types
                content.size = package.size
                content.sha256 = sha256
                fill(content)
                content.full_clean()
                content.save()
                content.libraries.set(libraries)

                for folder_name in new:
                    created.append(library_storage_path(folder_name))
                    publish_folder(storage, unpacked / "libraries" / folder_name, created[-1])
                if not replacing:
                    created.append(content.storage_path)
                publish_folder(storage, unpacked / "package", content.storage_path)
        done = True
    except IntegrityError as error:
        # Another upload stored one of the same libraries at the same moment.
        raise ValidationError(
            _("Another upload is storing the same libraries; please try again."),
            code="h5p_concurrent_upload",
        ) from error
    finally:
        if not done:
            for name in created:
                _delete_folder(storage, name)
    held_back = tuple(
        patch
        for patch in newer_patches(package, stored)
        if patch.folder_name in {ref.folder_name for ref in package.dependencies}
    )
    logger.info("H5P package %s stored as content %s", sha256, content.uuid)
    return PackageImport(content=content, held_back=held_back)


def h5p_package_upload(
    *, file: IO[bytes], uploaded_by: User | None, course: CoursePage | None = None
) -> PackageImport:
    """Validate an uploaded ``.h5p``, store its content and new libraries, and record it.

    Stored libraries are never changed: the newer patches the package carries are
    returned in ``held_back``. Raises ``ValidationError`` (one message naming the file and
    the rule) and then leaves no row and no file behind.
    """

    def fill(content: H5PContent) -> None:
        content.uploaded_by = uploaded_by
        content.course = course

    return _store(file=file, content=None, fill=fill)


def h5p_package_import(
    *, file: IO[bytes], uploaded_by: User | None, course: CoursePage | None = None
) -> H5PContent:
    """``h5p_package_upload`` for callers that need only the content (seeds, tests)."""
    return h5p_package_upload(file=file, uploaded_by=uploaded_by, course=course).content


def h5p_content_replace(
    *, content: H5PContent, file: IO[bytes], uploaded_by: User | None
) -> PackageImport:
    """Store a new version of ``content``'s package in its place.

    The content keeps its uuid (so its xAPI IRI), title, course, lessons and results. The
    new package must hold the same kind of exercise (the same main library).
    """

    def fill(replaced: H5PContent) -> None:
        if replaced.main_library.machine_name != content.main_library.machine_name:
            raise ValidationError(
                _(
                    "The new package holds another kind of exercise (%(new)s instead of "
                    "%(old)s): upload it as a new exercise."
                ),
                code="h5p_other_main_library",
                params={
                    "new": replaced.main_library.machine_name,
                    "old": content.main_library.machine_name,
                },
            )
        replaced.uploaded_by = uploaded_by

    return _store(file=file, content=content, fill=fill)


def h5p_content_delete(*, content: H5PContent) -> None:
    """Delete a content and, once the deletion is committed, its folder; libraries stay."""
    with transaction.atomic():
        job_enqueue("h5p.delete_content_folder", folder=content.storage_path)
        content.delete()


def h5p_content_folder_delete(*, folder: str) -> None:
    """Remove a deleted content's folder from the storage (``h5p.delete_content_folder``)."""
    _delete_folder(default_storage, folder)
