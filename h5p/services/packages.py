"""Importing and deleting ``.h5p`` packages.

An upload is validated in full (``h5p.validation``) before anything is written; it is then
unpacked into a private temporary folder and only then copied into the default storage:
the content under ``h5p/content/<uuid>/`` and each library once, shared by every package,
under ``h5p/libraries/<machineName>-<major>.<minor>/``. On any failure nothing is left.
"""

import hashlib
import logging
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import User
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


def _stored_libraries() -> dict[str, LibraryInfo]:
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


def _sha256(file: IO[bytes]) -> str:
    file.seek(0)
    digest = hashlib.sha256()
    while chunk := file.read(CHUNK_BYTES):
        digest.update(chunk)
    return digest.hexdigest()


def _unpack(file: IO[bytes], package: ValidatedPackage, folder: Path) -> None:
    """Write h5p.json, content/ and the carried libraries the content needs under ``folder``.

    The members are streamed again through the same caps: the archive is never trusted.
    """
    needed = {ref.folder_name for ref in package.dependencies} & set(package.libraries)
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


def _publish_folder(storage: Storage, source: Path, name: str) -> None:
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


def _library_rows(package: ValidatedPackage) -> tuple[list[H5PLibrary], list[str], list[str]]:
    """Lock or create the rows of every needed library.

    Returns the rows, the folders of new libraries and the folders of replaced ones. A
    carried library replaces the stored one only when its patch version is higher (H5P
    keeps patches compatible within major.minor); otherwise the stored one is kept.
    """
    wanted = Q()
    for ref in package.dependencies:
        wanted |= Q(
            machine_name=ref.machine_name,
            major_version=ref.major_version,
            minor_version=ref.minor_version,
        )
    rows = {row.folder_name: row for row in H5PLibrary.objects.select_for_update().filter(wanted)}
    new, replaced = [], []
    for ref in package.dependencies:
        carried = package.libraries.get(ref.folder_name)
        row = rows.get(ref.folder_name)
        if row is None:
            if carried is None:  # only if a stored row vanished during the upload
                raise ValidationError(
                    _("h5p.json: needs the library %(library)s, which is not stored"),
                    code="h5p_missing_library",
                    params={"library": ref.folder_name},
                )
            row = H5PLibrary(machine_name=ref.machine_name)
            new.append(ref.folder_name)
        elif carried is not None and carried.patch_version > row.patch_version:
            replaced.append(ref.folder_name)
        else:
            continue
        row.major_version = carried.major_version
        row.minor_version = carried.minor_version
        row.patch_version = carried.patch_version
        row.title = carried.title
        row.runnable = carried.runnable
        row.full_clean()
        row.save()
        rows[ref.folder_name] = row
    return [rows[ref.folder_name] for ref in package.dependencies], new, replaced


def h5p_package_import(*, file: IO[bytes], uploaded_by: User | None) -> H5PContent:
    """Validate an uploaded ``.h5p``, store its content and libraries, and record it.

    Raises ``ValidationError`` (one message naming the file and the rule) and then leaves
    no row and no file behind.
    """
    package = validate_package(file, stored_libraries=_stored_libraries())
    sha256 = _sha256(file)
    storage = default_storage
    # Folders this import creates; removed again unless everything succeeds.
    created: list[str] = []
    done = False
    try:
        with tempfile.TemporaryDirectory(prefix="liaison-h5p-") as temporary:
            unpacked = Path(temporary)
            _unpack(file, package, unpacked)
            with transaction.atomic():
                libraries, new, replaced = _library_rows(package)
                main_folder = package.main_library.folder_name
                content = H5PContent(
                    title=package.title,
                    main_library=next(row for row in libraries if row.folder_name == main_folder),
                    language=package.language,
                    embed_types=package.embed_types,
                    size=package.size,
                    sha256=sha256,
                    uploaded_by=uploaded_by,
                )
                content.full_clean()
                content.save()
                content.libraries.set(libraries)

                created.append(content.storage_path)
                _publish_folder(storage, unpacked / "package", content.storage_path)
                for folder_name in new:
                    created.append(library_storage_path(folder_name))
                    _publish_folder(storage, unpacked / "libraries" / folder_name, created[-1])
                # Replacements come last and are not undone: a failed swap keeps the old
                # folder; if only the commit fails, the folder holds the higher patch while
                # the row keeps the lower one, which is harmless (patches are compatible)
                # and the next upload of that patch corrects the row.
                for folder_name in replaced:
                    _publish_folder(
                        storage,
                        unpacked / "libraries" / folder_name,
                        library_storage_path(folder_name),
                    )
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
    logger.info("H5P package %s imported as content %s", sha256, content.uuid)
    return content


def h5p_content_delete(*, content: H5PContent) -> None:
    """Delete a content and, once the deletion is committed, its folder; libraries stay."""
    with transaction.atomic():
        job_enqueue("h5p.delete_content_folder", folder=content.storage_path)
        content.delete()


def h5p_content_folder_delete(*, folder: str) -> None:
    """Remove a deleted content's folder from the storage (``h5p.delete_content_folder``)."""
    _delete_folder(default_storage, folder)
