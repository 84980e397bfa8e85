"""An administrator's upgrade of stored H5P libraries from a package.

Library code is shared by every course, so a content upload never changes it
(``h5p.services.packages``). An administrator uploads a package, sees which libraries would
change and which contents and courses use them (``h5p_library_upgrade_plan``), and
confirms; nothing changes before that. Between the two steps the upload waits in a private
folder outside the media storage, named by its SHA-256, which the confirmation carries.
"""

import logging
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import User

from .. import defaults
from ..models import H5PContent, H5PLibrary
from ..validation import CHUNK_BYTES, validate_package
from .packages import (
    LibraryPatch,
    file_sha256,
    library_storage_path,
    newer_patches,
    publish_folder,
    stored_libraries,
    unpack_package,
)

logger = logging.getLogger(__name__)

UPGRADE_LOG_ACTION = "h5p.library_upgrade"
_TOKEN = re.compile(r"^[0-9a-f]{64}$")
# Staged uploads nobody confirmed are removed after a day.
_STAGED_FOR_SECONDS = 24 * 60 * 60


@dataclass(frozen=True)
class LibraryUpgrade:
    """One library the package would change, and the contents that use it."""

    patch: LibraryPatch
    contents: tuple[H5PContent, ...]

    @property
    def courses(self) -> list:
        """The courses of those contents, each once."""
        seen = {content.course_id: content.course for content in self.contents if content.course}
        return list(seen.values())


@dataclass(frozen=True)
class UpgradePlan:
    """What confirming would change; ``token`` names the staged upload."""

    token: str
    upgrades: tuple[LibraryUpgrade, ...]


def _unknown_upgrade() -> ValidationError:
    return ValidationError(_("This upgrade is unknown or has expired."), code="h5p_upgrade_token")


def _staging_folder() -> Path:
    folder = Path(defaults.UPGRADE_STAGING_DIR)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _staged_path(token: str) -> Path:
    if not _TOKEN.match(token):
        raise _unknown_upgrade()
    return _staging_folder() / f"{token}.h5p"


def _stage(file: IO[bytes], token: str) -> None:
    """Keep the upload until it is confirmed; forget the ones left unconfirmed."""
    folder = _staging_folder()
    for old in folder.glob("*.h5p"):
        if old.stat().st_mtime < time.time() - _STAGED_FOR_SECONDS:
            old.unlink(missing_ok=True)
    file.seek(0)
    with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".part") as out:
        while chunk := file.read(CHUNK_BYTES):
            out.write(chunk)
    Path(out.name).replace(_staged_path(token))


def _upgrades(patches: list[LibraryPatch]) -> tuple[LibraryUpgrade, ...]:
    folders = {patch.folder_name for patch in patches}
    using: dict[str, list[H5PContent]] = {folder: [] for folder in folders}
    contents = (
        H5PContent.objects.filter(libraries__in=_rows(folders))
        .select_related("course")
        .prefetch_related("libraries")
        .distinct()
        .order_by("title")
    )
    for content in contents:
        for library in content.libraries.all():
            if library.folder_name in using:
                using[library.folder_name].append(content)
    return tuple(LibraryUpgrade(patch, tuple(using[patch.folder_name])) for patch in patches)


def _rows(folders: set[str]):
    return [row for row in H5PLibrary.objects.all() if row.folder_name in folders]


def h5p_library_upgrade_plan(*, file: IO[bytes]) -> UpgradePlan:
    """Validate a package and stage it; say which stored libraries it would upgrade.

    Raises ``ValidationError`` for an invalid package or one that upgrades nothing.
    """
    stored = stored_libraries()
    package = validate_package(file, stored_libraries=stored)
    patches = newer_patches(package, stored)
    if not patches:
        raise ValidationError(
            _("The package holds no newer patch of a stored library: there is nothing to upgrade."),
            code="h5p_nothing_to_upgrade",
        )
    token = file_sha256(file)
    _stage(file, token)
    return UpgradePlan(token=token, upgrades=_upgrades(patches))


def h5p_libraries_upgrade(*, token: str, user: User) -> tuple[LibraryPatch, ...]:
    """Apply a staged upgrade: each stored library with a lower patch gets the package's.

    The upload is validated again and compared with the database at this moment (another
    upgrade may have come first). Each change is logged. The staged upload is then removed.
    """
    path = _staged_path(token)
    if not path.exists():
        raise _unknown_upgrade()
    with path.open("rb") as file, tempfile.TemporaryDirectory(prefix="liaison-h5p-") as temp:
        if file_sha256(file) != token:
            raise _unknown_upgrade()
        package = validate_package(file, stored_libraries=stored_libraries())
        unpacked = Path(temp)
        with transaction.atomic():
            locked = {
                row.folder_name: row
                for row in H5PLibrary.objects.select_for_update()
                if row.folder_name in package.libraries
            }
            applied = []
            for folder, row in sorted(locked.items()):
                carried = package.libraries[folder]
                if carried.patch_version <= row.patch_version:
                    continue
                applied.append(LibraryPatch(folder, row.patch_version, carried.patch_version))
                row.patch_version = carried.patch_version
                row.title = carried.title
                row.full_clean()
                row.save()
                log(
                    instance=row,
                    action=UPGRADE_LOG_ACTION,
                    user=user,
                    data={"from": applied[-1].stored_patch, "to": applied[-1].carried_patch},
                )
            unpack_package(file, package, unpacked, {patch.folder_name for patch in applied})
            # The folders are swapped in last: a failure before leaves every old folder
            # whole and rolls the rows back. Should the commit itself fail after a swap,
            # the folder holds the higher patch under the lower number, which is harmless
            # (patches are compatible) and the next upgrade corrects it.
            for patch in applied:
                publish_folder(
                    default_storage,
                    unpacked / "libraries" / patch.folder_name,
                    library_storage_path(patch.folder_name),
                )
    path.unlink(missing_ok=True)
    logger.info("H5P libraries upgraded by %s: %s", user.pk, applied)
    return tuple(applied)

