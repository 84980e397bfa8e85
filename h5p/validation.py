"""Validation of ``.h5p`` packages, without the database and without writing anything.

``validate_package`` reads the archive once, checking every name before any byte is read and
counting the real bytes of each member while streaming it, then checks the H5P structure.
A package is refused with one ``ValidationError`` that names the file and the rule broken.
"""

import json
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import defaults

CHUNK_BYTES = 64 * 1024
# Small files may legitimately compress very well (silence, blank images); the byte caps
# bound them anyway, so the compression ratio is only judged past this size.
RATIO_FLOOR_BYTES = 1024 * 1024

H5P_JSON = "h5p.json"
CONTENT_JSON = "content/content.json"
LIBRARY_JSON = "library.json"

# H5P core's default whitelists (h5p-php-library, h5p.classes.php:
# H5PCore::$defaultContentWhitelist and $defaultLibraryWhitelistExtras), so that every
# package the hub exports is accepted; plus a few harmless media types real editors produce.
# HTML and everything else is refused everywhere.
H5P_CORE_CONTENT_EXTENSIONS = frozenset(
    {
        "json", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "eot", "ttf", "woff", "woff2",
        "otf", "webm", "mp4", "ogg", "mp3", "m4a", "wav", "txt", "pdf", "rtf", "doc", "docx", "xls",
        "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "diff", "patch", "swf", "md", "textile",
        "vtt", "webvtt", "gltf", "glb",
    }
)
CONTENT_EXTENSIONS = H5P_CORE_CONTENT_EXTENSIONS | {"webp", "ogv", "oga", "aac"}
# Script, style, SVG and XML may run or carry script in our pages: libraries only, as in
# H5P core. The media folder serves them inert (docs/architecture.md, "H5P packages").
LIBRARY_ONLY_EXTENSIONS = frozenset({"js", "css", "svg", "xml"})
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | LIBRARY_ONLY_EXTENSIONS

# The H5P core API the player implements: h5p-standalone 3.8.2 bundles H5P core's
# js/h5p.js as of h5p-php-library commit 1b96ce3 (2026-02-16), whose H5PCore::$coreApi is
# 1.28. A package or library declaring a higher ``coreApi`` needs a newer player.
PLAYER_CORE_API = (1, 28)

# H5P core's rule for language file names: "fr.json", "pt-br.json", "nb-flat.json"…
_LANGUAGE_FILE = re.compile(r"^(-?[a-z]+){1,7}\.json$", re.IGNORECASE)
LANGUAGE_FOLDER = "language"

_MACHINE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,126}$")
_DRIVE_LETTER = re.compile(r"^[A-Za-z]:")
_EMBED_TYPES = {"div", "iframe"}
_MAX_VERSION = 2**31 - 1  # what the database's version columns hold


def _refuse(file: str, message: str, code: str, **params: Any) -> ValidationError:
    """One error naming the file and the rule: ``"<file>: <rule>"``."""
    return ValidationError(
        _("%(file)s: %(rule)s"),
        code=code,
        params={"file": file, "rule": message % params if params else message},
    )


@dataclass(frozen=True)
class LibraryRef:
    """A dependency: a library named by machine name and major.minor version."""

    machine_name: str
    major_version: int
    minor_version: int

    @property
    def folder_name(self) -> str:
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


@dataclass(frozen=True)
class LibraryInfo:
    """What ``library.json`` says about one library (or what the database knows of it)."""

    machine_name: str
    major_version: int
    minor_version: int
    patch_version: int
    title: str
    runnable: bool
    dependencies: tuple[LibraryRef, ...] = ()

    @property
    def folder_name(self) -> str:
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


@dataclass(frozen=True)
class PackageMember:
    """One file of the archive and its real (counted) size."""

    name: str
    size: int


@dataclass(frozen=True)
class ValidatedPackage:
    """A package that passed every check, with what the importer needs from it."""

    h5p_json: dict
    main_library: LibraryRef
    # Library folders carried by the package, by folder name, whether needed or not.
    libraries: dict[str, LibraryInfo]
    # Every library the content needs (transitive closure), carried or already stored.
    dependencies: tuple[LibraryRef, ...]
    members: tuple[PackageMember, ...]
    size: int

    @property
    def title(self) -> str:
        return self.h5p_json["title"].strip()

    @property
    def language(self) -> str:
        return self.h5p_json["language"]

    @property
    def embed_types(self) -> list[str]:
        return list(self.h5p_json["embedTypes"])


class ByteBudget:
    """Counts the real bytes read from an archive against the per-file and total caps."""

    def __init__(self) -> None:
        self.total = 0

    def stream(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
        """Yield the member's bytes in chunks, refusing it as soon as a cap is passed."""
        read = 0
        try:
            with archive.open(info) as member:
                while chunk := member.read(CHUNK_BYTES):
                    read += len(chunk)
                    self.total += len(chunk)
                    _check_counted(info, read, self.total)
                    yield chunk
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            RuntimeError,
            ValueError,
        ) as error:
            # Bad CRC, a declared size that does not match the data, unknown compression…
            raise _refuse(
                info.filename,
                _("the entry is damaged or its declared size is wrong"),
                "h5p_damaged_entry",
            ) from error


def _check_counted(info: zipfile.ZipInfo, read: int, total: int) -> None:
    if read > defaults.MAX_FILE_BYTES:
        raise _refuse(
            info.filename,
            _("larger than %(limit)s bytes, the limit for one file"),
            "h5p_file_too_large",
            limit=defaults.MAX_FILE_BYTES,
        )
    if total > defaults.MAX_TOTAL_BYTES:
        raise _refuse(
            info.filename,
            _("the unpacked package passes %(limit)s bytes, the limit for a package"),
            "h5p_package_too_large",
            limit=defaults.MAX_TOTAL_BYTES,
        )
    if (
        read > RATIO_FLOOR_BYTES
        and read > max(info.compress_size, 1) * defaults.MAX_COMPRESSION_RATIO
    ):
        raise _refuse(
            info.filename,
            _("compressed more than %(ratio)s times: refused as a possible zip bomb"),
            "h5p_compression_ratio",
            ratio=defaults.MAX_COMPRESSION_RATIO,
        )


def open_archive(fileobj: IO[bytes]) -> zipfile.ZipFile:
    """Open the upload as a zip archive, or refuse it."""
    fileobj.seek(0)
    try:
        return zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ValidationError(
            _("The file is not an H5P package: it is not a valid zip archive."),
            code="h5p_not_zip",
        ) from error


def _check_name(info: zipfile.ZipInfo) -> None:
    """Refuse names that could escape the target folder, hide files or fool a reader."""
    name = info.filename
    if "\\" in name:
        raise _refuse(name, _("backslashes are not allowed in paths"), "h5p_backslash")
    if name.startswith("/"):
        raise _refuse(name, _("absolute paths are not allowed"), "h5p_absolute_path")
    if _DRIVE_LETTER.match(name):
        raise _refuse(name, _("drive letters are not allowed in paths"), "h5p_drive_letter")
    segments = name.rstrip("/").split("/")
    if any(segment in ("", ".", "..") for segment in segments):
        raise _refuse(
            name, _("paths may not contain '..', '.' or empty parts"), "h5p_path_traversal"
        )
    if stat.S_ISLNK(info.external_attr >> 16):
        raise _refuse(name, _("symbolic links are not allowed"), "h5p_symlink")
    if info.flag_bits & 0x1:
        raise _refuse(name, _("encrypted entries are not allowed"), "h5p_encrypted")


def is_hidden(name: str) -> bool:
    """A name with a part starting with '.' or '_' (``language/.en.json``, ``__MACOSX/``):
    H5P core skips these, so they are neither read nor unpacked, only checked for safety."""
    return any(segment.startswith((".", "_")) for segment in name.rstrip("/").split("/"))


def _check_extension(name: str) -> None:
    """Apply the allow-list of the member's location: content, a library, or the root."""
    if name.endswith("/"):
        return
    top, _sep, rest = name.partition("/")
    in_library = bool(rest) and top != "content"
    basename = name.rsplit("/", 1)[-1]
    extension = basename.rpartition(".")[2].lower() if "." in basename else ""
    if in_library and extension in LIBRARY_EXTENSIONS:
        return
    if not in_library and extension in CONTENT_EXTENSIONS:
        return
    if not in_library and extension in LIBRARY_ONLY_EXTENSIONS:
        raise _refuse(
            name,
            _("script, style, SVG and XML files are only allowed inside libraries"),
            "h5p_library_only_extension",
        )
    raise _refuse(
        name,
        _("files of this type (%(extension)s) are not allowed in an H5P package"),
        "h5p_extension",
        extension=f".{extension}" if extension else _("no extension"),
    )


def _check_entries(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Check every name before a single byte is read; return the file entries.

    Sizes are not judged here: the headers may lie, so only the bytes counted while
    streaming (``ByteBudget``) decide.
    """
    entries = archive.infolist()
    if len(entries) > defaults.MAX_ENTRIES:
        raise ValidationError(
            _("The package has %(count)s entries; at most %(limit)s are allowed."),
            code="h5p_too_many_entries",
            params={"count": len(entries), "limit": defaults.MAX_ENTRIES},
        )
    seen: set[str] = set()
    files: list[zipfile.ZipInfo] = []
    for info in entries:
        _check_name(info)
        if info.filename in seen:
            raise _refuse(info.filename, _("the name appears twice"), "h5p_duplicate")
        seen.add(info.filename)
        if is_hidden(info.filename):
            continue
        _check_extension(info.filename)
        if not info.is_dir():
            files.append(info)
    file_names = {info.filename for info in files}
    for info in files:
        parts = info.filename.split("/")
        for depth in range(1, len(parts)):
            if "/".join(parts[:depth]) in file_names:
                raise _refuse(
                    info.filename,
                    _("a file of the package has the name of this file's folder"),
                    "h5p_file_folder_clash",
                )
    return files


def _version(value: Any) -> int | None:
    """A version number written as a number or a numeric string (real exports do both)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and 0 <= value <= _MAX_VERSION:
        return value
    return None


def _parse_json(name: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _refuse(name, _("not valid JSON"), "h5p_bad_json") from error


def _require_object(name: str, value: Any) -> dict:
    if not isinstance(value, dict):
        raise _refuse(name, _("must hold a JSON object"), "h5p_bad_json")
    return value


def _missing_field(name: str, field: str) -> ValidationError:
    return _refuse(
        name, _("the field '%(field)s' is missing or invalid"), "h5p_missing_field", field=field
    )


def _dependency_refs(name: str, data: dict, *, required: bool) -> tuple[LibraryRef, ...]:
    raw = data.get("preloadedDependencies")
    if raw is None and not required:
        return ()
    if not isinstance(raw, list) or (required and not raw):
        raise _missing_field(name, "preloadedDependencies")
    refs = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise _missing_field(name, "preloadedDependencies")
        machine_name = entry.get("machineName")
        major, minor = _version(entry.get("majorVersion")), _version(entry.get("minorVersion"))
        if (
            not isinstance(machine_name, str)
            or not _MACHINE_NAME.match(machine_name)
            or major is None
            or minor is None
        ):
            raise _missing_field(name, "preloadedDependencies")
        refs.append(LibraryRef(machine_name, major, minor))
    return tuple(refs)


def _parse_h5p_json(data: dict) -> LibraryRef:
    """Check h5p.json's required fields; return the main library."""
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise _missing_field(H5P_JSON, "title")
    if len(title.strip()) > 255:
        raise _refuse(H5P_JSON, _("the title is longer than 255 characters"), "h5p_long_title")
    language = data.get("language")
    if not isinstance(language, str) or not 0 < len(language) <= 16:
        raise _missing_field(H5P_JSON, "language")
    embed_types = data.get("embedTypes")
    if (
        not isinstance(embed_types, list)
        or not embed_types
        or not all(kind in _EMBED_TYPES for kind in embed_types)
    ):
        raise _missing_field(H5P_JSON, "embedTypes")
    main = data.get("mainLibrary")
    if not isinstance(main, str) or not main:
        raise _missing_field(H5P_JSON, "mainLibrary")
    dependencies = _dependency_refs(H5P_JSON, data, required=True)
    main_ref = next((ref for ref in dependencies if ref.machine_name == main), None)
    if main_ref is None:
        raise _refuse(
            H5P_JSON,
            _("the main library %(library)s is not among the preloaded dependencies"),
            "h5p_main_not_listed",
            library=main,
        )
    return main_ref


def _file_list(name: str, data: dict, field: str) -> list[str]:
    raw = data.get(field, [])
    if not isinstance(raw, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("path"), str) for entry in raw
    ):
        raise _missing_field(name, field)
    return [entry["path"] for entry in raw]


def _check_core_api(name: str, data: dict, needed_by: str) -> None:
    """Refuse what declares a ``coreApi`` newer than the one the player implements."""
    raw = data.get("coreApi")
    if raw in (None, {}, []):
        return  # no requirement means 1.0
    major = _version(raw.get("majorVersion")) if isinstance(raw, dict) else None
    minor = _version(raw.get("minorVersion")) if isinstance(raw, dict) else None
    if major is None or minor is None:
        raise _missing_field(name, "coreApi")
    if (major, minor) > PLAYER_CORE_API:
        raise _refuse(
            name,
            _(
                "%(what)s needs H5P core %(required)s or newer; Liaison's player runs H5P "
                "core %(current)s"
            ),
            "h5p_core_api",
            what=needed_by,
            required=f"{major}.{minor}",
            current=".".join(map(str, PLAYER_CORE_API)),
        )


def _language_files(folder: str, file_names: set[str]) -> list[str]:
    """The files of a library's language folder, each named like ``fr.json``."""
    prefix = f"{folder}/{LANGUAGE_FOLDER}/"
    names = sorted(name for name in file_names if name.startswith(prefix))
    for name in names:
        if not _LANGUAGE_FILE.match(name.removeprefix(prefix)):
            raise _refuse(
                name,
                _("not a language file: the language folder holds only files like fr.json"),
                "h5p_language_file",
            )
    return names


def _parse_library(folder: str, data: dict, file_names: set[str]) -> LibraryInfo:
    """Check one library.json and that its folder and preloaded files match it."""
    name = f"{folder}/{LIBRARY_JSON}"
    machine_name = data.get("machineName")
    if not isinstance(machine_name, str) or not _MACHINE_NAME.match(machine_name):
        raise _missing_field(name, "machineName")
    versions = {}
    for field in ("majorVersion", "minorVersion", "patchVersion"):
        versions[field] = _version(data.get(field))
        if versions[field] is None:
            raise _missing_field(name, field)
    title = data.get("title")
    if not isinstance(title, str) or not title.strip() or len(title) > 255:
        raise _missing_field(name, "title")
    runnable = data.get("runnable")
    if isinstance(runnable, str):
        runnable = _version(runnable)
    if runnable not in (0, 1):  # True and False compare equal to 1 and 0
        raise _missing_field(name, "runnable")
    library = LibraryInfo(
        machine_name=machine_name,
        major_version=versions["majorVersion"],
        minor_version=versions["minorVersion"],
        patch_version=versions["patchVersion"],
        title=title.strip(),
        runnable=bool(runnable),
        dependencies=_dependency_refs(name, data, required=False),
    )
    if library.folder_name != folder:
        raise _refuse(
            name,
            _("the folder should be named %(expected)s after the library it holds"),
            "h5p_folder_name",
            expected=library.folder_name,
        )
    _check_core_api(
        name, data, _("the library %(library)s") % {"library": f"{library.title} ({folder})"}
    )
    for field in ("preloadedJs", "preloadedCss"):
        for path in _file_list(name, data, field):
            if f"{folder}/{path}" not in file_names:
                raise _refuse(
                    f"{folder}/{path}",
                    _("listed in %(field)s of %(library)s but missing from the package"),
                    "h5p_missing_preloaded_file",
                    field=field,
                    library=LIBRARY_JSON,
                )
    return library


def _dependency_closure(
    main: LibraryRef,
    direct: tuple[LibraryRef, ...],
    libraries: Mapping[str, LibraryInfo],
    stored_libraries: Mapping[str, LibraryInfo],
) -> tuple[LibraryRef, ...]:
    """Every library needed, through each carried library.json's own dependencies.

    A stored library's own dependencies were checked when it was stored, and stored
    libraries are never removed, so the walk stops at stored libraries.
    """
    needed: dict[str, LibraryRef] = {}
    pending = [(ref, H5P_JSON) for ref in direct]
    while pending:
        ref, needed_by = pending.pop()
        if ref.folder_name in needed:
            continue
        needed[ref.folder_name] = ref
        if ref.folder_name in libraries:
            library = libraries[ref.folder_name]
            pending.extend(
                (dependency, f"{library.folder_name}/{LIBRARY_JSON}")
                for dependency in library.dependencies
            )
        elif ref.folder_name not in stored_libraries:
            raise _refuse(
                needed_by,
                _("needs the library %(library)s, which is neither in the package nor stored"),
                "h5p_missing_library",
                library=ref.folder_name,
            )
    main_library = libraries.get(main.folder_name) or stored_libraries[main.folder_name]
    if not main_library.runnable:
        raise _refuse(
            H5P_JSON,
            _("the main library %(library)s is not runnable"),
            "h5p_main_not_runnable",
            library=main.folder_name,
        )
    return tuple(sorted(needed.values(), key=lambda ref: ref.folder_name))


def validate_package(
    fileobj: IO[bytes], *, stored_libraries: Mapping[str, LibraryInfo] | None = None
) -> ValidatedPackage:
    """Check an uploaded ``.h5p`` (a seekable binary file) against the H5P format and caps.

    ``stored_libraries`` (by folder name) are the libraries already stored on the site:
    a package may rely on them instead of carrying them. Raises ``ValidationError``.
    """
    stored_libraries = stored_libraries or {}
    with open_archive(fileobj) as archive:
        files = _check_entries(archive)
        budget = ByteBudget()
        members = []
        json_files: dict[str, bytes] = {}
        for info in files:
            name = info.filename
            top = name.split("/")[0]
            keep = (
                name in (H5P_JSON, CONTENT_JSON)
                or name.endswith(f"/{LIBRARY_JSON}")
                or (name.split("/")[1:2] == [LANGUAGE_FOLDER] and top != "content")
            )
            data = bytearray()
            size = 0
            for chunk in budget.stream(archive, info):
                size += len(chunk)
                if keep:
                    data += chunk
            if keep:
                json_files[name] = bytes(data)
            members.append(PackageMember(name=name, size=size))

    if H5P_JSON not in json_files:
        raise _refuse(H5P_JSON, _("missing from the root of the package"), "h5p_missing_file")
    h5p_json = _require_object(H5P_JSON, _parse_json(H5P_JSON, json_files[H5P_JSON]))
    main = _parse_h5p_json(h5p_json)
    _check_core_api(H5P_JSON, h5p_json, _("the content"))
    if CONTENT_JSON not in json_files:
        raise _refuse(CONTENT_JSON, _("missing from the package"), "h5p_missing_file")
    _require_object(CONTENT_JSON, _parse_json(CONTENT_JSON, json_files[CONTENT_JSON]))

    file_names = {member.name for member in members}
    folders = sorted({name.split("/")[0] for name in file_names if "/" in name} - {"content"})
    libraries = {}
    for folder in folders:
        name = f"{folder}/{LIBRARY_JSON}"
        if name not in json_files:
            raise _refuse(name, _("missing: every library folder needs one"), "h5p_missing_file")
        data = _require_object(name, _parse_json(name, json_files[name]))
        libraries[folder] = _parse_library(folder, data, file_names)
        for language_file in _language_files(folder, file_names):
            _parse_json(language_file, json_files[language_file])

    dependencies = _dependency_closure(
        main, _dependency_refs(H5P_JSON, h5p_json, required=True), libraries, stored_libraries
    )
    return ValidatedPackage(
        h5p_json=h5p_json,
        main_library=main,
        libraries=libraries,
        dependencies=dependencies,
        members=tuple(members),
        size=budget.total,
    )
