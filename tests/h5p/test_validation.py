"""The .h5p validator: the H5P format, and every attack refused with one clear message.

Format checks run on the pure validator. Each attack is built here, in memory, and sent
both to the validator and through the import service, which must leave no row and no file.
"""

import io
import json
import os
import stat
import struct
import warnings
import zipfile

import pytest
from django.core.exceptions import ValidationError

from demo.h5p_packages import build_h5p_package
from h5p import defaults
from h5p.services import h5p_package_import
from h5p.validation import PLAYER_CORE_API, LibraryInfo, LibraryRef, validate_package
from tests.factories.h5p_exports import Library, hub_export
from tests.h5p.conftest import (
    LIBRARY_FOLDER,
    LIBRARY_JSON,
    assert_nothing_stored,
    library_json,
    members_of,
    package_with_library,
    zip_of,
)

SINGLE_CHOICE = LibraryRef("Liaison.SingleChoice", 1, 0)


def refusal(data: bytes, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_package(io.BytesIO(data), **kwargs)
    return caught.value


def assert_refused(data: bytes, message: str, h5p_media, trainer) -> None:
    """The validator and the import service refuse with ``message``; nothing is stored."""
    assert refusal(data).messages == [message]
    with pytest.raises(ValidationError) as caught:
        h5p_package_import(file=io.BytesIO(data), uploaded_by=trainer)
    assert caught.value.messages == [message]
    assert_nothing_stored(h5p_media)


def with_member(name: str, data: bytes = b"{}") -> bytes:
    return build_h5p_package(extra_members={name: data})


def patch_entry(
    data: bytes, name: str, local_offset: int, central_offset: int, fmt: str, value: int
) -> bytes:
    """Overwrite one field of a member's local header and central directory record."""
    patched = bytearray(data)
    encoded = name.encode()
    for signature, name_at, offset in (
        (b"PK\x03\x04", 30, local_offset),
        (b"PK\x01\x02", 46, central_offset),
    ):
        at = patched.index(signature)
        while patched[at + name_at : at + name_at + len(encoded)] != encoded:
            at = patched.index(signature, at + 4)
        struct.pack_into(fmt, patched, at + offset, value)
    return bytes(patched)


# The format ---------------------------------------------------------------------------


def test_a_valid_package_is_described():
    data = build_h5p_package(title="Order to leave", language="fr")

    package = validate_package(io.BytesIO(data))

    assert package.title == "Order to leave"
    assert package.language == "fr"
    assert package.embed_types == ["div"]
    assert package.main_library == SINGLE_CHOICE
    assert package.dependencies == (SINGLE_CHOICE,)
    library = package.libraries[LIBRARY_FOLDER]
    assert (library.patch_version, library.runnable) == (0, True)
    assert {member.name for member in package.members} == {
        "h5p.json",
        "content/content.json",
        LIBRARY_JSON,
        f"{LIBRARY_FOLDER}/singlechoice.js",
        f"{LIBRARY_FOLDER}/singlechoice.css",
    }
    assert package.size == sum(member.size for member in package.members)
    assert package.size == sum(len(content) for content in members_of(data).values())


def test_versions_written_as_strings_are_accepted():
    data = build_h5p_package(
        h5p_json_overrides={
            "preloadedDependencies": [
                {"machineName": "Liaison.SingleChoice", "majorVersion": "1", "minorVersion": "0"}
            ]
        },
        extra_members={
            LIBRARY_JSON: library_json(majorVersion="1", minorVersion="0", patchVersion="3")
        },
    )

    package = validate_package(io.BytesIO(data))

    assert package.libraries[LIBRARY_FOLDER].patch_version == 3
    assert package.dependencies == (SINGLE_CHOICE,)


@pytest.mark.parametrize(
    "field", ["title", "mainLibrary", "language", "preloadedDependencies", "embedTypes"]
)
def test_each_required_field_of_h5p_json(field):
    error = refusal(build_h5p_package(h5p_json_overrides={field: None}))

    assert error.messages == [f"h5p.json: the field '{field}' is missing or invalid"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", "  "), ("embedTypes", ["popup"]), ("preloadedDependencies", [])],
)
def test_invalid_values_in_h5p_json_are_refused(field, value):
    error = refusal(build_h5p_package(h5p_json_overrides={field: value}))

    assert error.messages == [f"h5p.json: the field '{field}' is missing or invalid"]


def test_the_main_library_must_be_a_preloaded_dependency():
    error = refusal(build_h5p_package(h5p_json_overrides={"mainLibrary": "H5P.Other"}))

    assert error.messages == [
        "h5p.json: the main library H5P.Other is not among the preloaded dependencies"
    ]


@pytest.mark.parametrize(
    "field", ["machineName", "majorVersion", "minorVersion", "patchVersion", "runnable", "title"]
)
def test_each_required_field_of_library_json(field):
    error = refusal(package_with_library(**{field: None}))

    assert error.messages == [f"{LIBRARY_JSON}: the field '{field}' is missing or invalid"]


def test_a_version_that_is_not_a_number_is_refused():
    error = refusal(package_with_library(patchVersion="1.2"))

    assert error.messages == [f"{LIBRARY_JSON}: the field 'patchVersion' is missing or invalid"]


def test_a_library_folder_must_be_named_after_its_library():
    error = refusal(package_with_library(minorVersion=2))

    assert error.messages == [
        f"{LIBRARY_JSON}: the folder should be named Liaison.SingleChoice-1.2 "
        "after the library it holds"
    ]


def test_the_main_library_must_be_runnable():
    error = refusal(package_with_library(runnable=0))

    assert error.messages == ["h5p.json: the main library Liaison.SingleChoice-1.0 is not runnable"]


def test_h5p_json_is_required():
    error = refusal(build_h5p_package(omit={"h5p.json"}))

    assert error.messages == ["h5p.json: missing from the root of the package"]


def test_h5p_json_must_be_valid_json():
    error = refusal(build_h5p_package(extra_members={"h5p.json": b"{'title': 1"}))

    assert error.messages == ["h5p.json: not valid JSON"]


def test_content_json_is_required():
    error = refusal(build_h5p_package(omit={"content/content.json"}))

    assert error.messages == ["content/content.json: missing from the package"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"question": "unterminated', "not valid JSON"),
        (b"\xff\xfe not utf-8", "not valid JSON"),
        (b'["a list"]', "must hold a JSON object"),
    ],
)
def test_content_json_must_be_a_json_object(data, message):
    error = refusal(build_h5p_package(extra_members={"content/content.json": data}))

    assert error.messages == [f"content/content.json: {message}"]


def test_a_missing_dependency_is_refused():
    dependencies = [
        {"machineName": "Liaison.SingleChoice", "majorVersion": 1, "minorVersion": 0},
        {"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3},
    ]
    error = refusal(build_h5p_package(h5p_json_overrides={"preloadedDependencies": dependencies}))

    assert error.messages == [
        "h5p.json: needs the library H5P.JoubelUI-1.3, which is neither in the package nor stored"
    ]


def test_a_missing_dependency_of_a_library_is_refused():
    dependency = [{"machineName": "H5P.Question", "majorVersion": "1", "minorVersion": "5"}]
    error = refusal(package_with_library(preloadedDependencies=dependency))

    assert error.messages == [
        f"{LIBRARY_JSON}: needs the library H5P.Question-1.5, which is neither in the "
        "package nor stored"
    ]


def test_dependencies_are_followed_through_carried_libraries():
    dependency = [{"machineName": "H5P.Question", "majorVersion": 1, "minorVersion": 5}]
    question = {
        "title": "Question",
        "machineName": "H5P.Question",
        "majorVersion": 1,
        "minorVersion": 5,
        "patchVersion": 12,
        "runnable": 0,
        "preloadedJs": [{"path": "scripts/question.js"}],
    }
    data = build_h5p_package(
        extra_members={
            LIBRARY_JSON: library_json(preloadedDependencies=dependency),
            "H5P.Question-1.5/library.json": json.dumps(question).encode(),
            "H5P.Question-1.5/scripts/question.js": b"H5P.Question = function () {};",
        }
    )

    package = validate_package(io.BytesIO(data))

    assert package.dependencies == (LibraryRef("H5P.Question", 1, 5), SINGLE_CHOICE)


def test_a_dependency_may_be_a_stored_library():
    library_files = {"library.json", "singlechoice.js", "singlechoice.css"}
    data = build_h5p_package(omit={f"{LIBRARY_FOLDER}/{name}" for name in library_files})
    stored = LibraryInfo("Liaison.SingleChoice", 1, 0, 0, "Single choice", runnable=True)

    assert refusal(data).messages == [
        "h5p.json: needs the library Liaison.SingleChoice-1.0, which is neither in the "
        "package nor stored"
    ]
    package = validate_package(io.BytesIO(data), stored_libraries={LIBRARY_FOLDER: stored})
    assert package.dependencies == (SINGLE_CHOICE,)
    assert package.libraries == {}


@pytest.mark.parametrize(
    ("omitted", "field"),
    [("singlechoice.js", "preloadedJs"), ("singlechoice.css", "preloadedCss")],
)
def test_preloaded_files_must_be_in_the_package(omitted, field):
    error = refusal(build_h5p_package(omit={f"{LIBRARY_FOLDER}/{omitted}"}))

    assert error.messages == [
        f"{LIBRARY_FOLDER}/{omitted}: listed in {field} of library.json but missing from "
        "the package"
    ]


def test_a_library_folder_needs_a_library_json():
    error = refusal(with_member("H5P.Stray-1.0/scripts/stray.js", b""))

    assert error.messages == ["H5P.Stray-1.0/library.json: missing: every library folder needs one"]


def test_a_stray_text_file_at_the_root_is_accepted():
    package = validate_package(io.BytesIO(with_member("README.txt", b"Exported by H5P.")))

    assert "README.txt" in {member.name for member in package.members}


def test_a_file_that_is_not_a_zip_is_refused():
    error = refusal(b"<html>not a package</html>")

    assert error.messages == ["The file is not an H5P package: it is not a valid zip archive."]


# Attacks: each refused with its rule, leaving no row and no file ----------------------


@pytest.fixture
def refused(h5p_media, trainer):
    return lambda data, message: assert_refused(data, message, h5p_media, trainer)


@pytest.mark.parametrize("name", ["../evil.txt", "content/../../evil.json", "content/./a.json"])
def test_path_traversal_is_refused(refused, name):
    refused(with_member(name), f"{name}: paths may not contain '..', '.' or empty parts")


def test_an_absolute_path_is_refused(refused):
    refused(with_member("/var/www/evil.txt"), "/var/www/evil.txt: absolute paths are not allowed")


def test_a_backslash_is_refused(refused):
    name = "content\\..\\..\\evil.json"
    refused(with_member(name), f"{name}: backslashes are not allowed in paths")


def test_a_drive_letter_is_refused(refused):
    refused(with_member("C:/evil.txt"), "C:/evil.txt: drive letters are not allowed in paths")


def test_a_symbolic_link_is_refused(refused):
    members = members_of(build_h5p_package())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        link = zipfile.ZipInfo("content/passwd.txt")
        link.create_system = 3  # Unix, whose mode bits say "symbolic link"
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")

    refused(buffer.getvalue(), "content/passwd.txt: symbolic links are not allowed")


@pytest.mark.parametrize(
    "name", ["content/.htaccess.txt", ".git/config", "content/x/.a.html", "__MACOSX/._h5p.json"]
)
def test_hidden_names_are_skipped_as_h5p_core_does(name):
    package = validate_package(io.BytesIO(with_member(name, b"<script>alert(1)</script>")))

    assert name not in {member.name for member in package.members}


def test_a_hidden_name_is_still_checked_for_traversal(refused):
    name = "content/../.evil.json"
    refused(with_member(name), f"{name}: paths may not contain '..', '.' or empty parts")


@pytest.mark.parametrize(
    "name", ["content/evil.js", "content/style.css", "content/logo.svg", "content/feed.XML"]
)
def test_scripts_styles_svg_and_xml_are_refused_under_content(refused, name):
    refused(
        with_member(name, b"alert(1)"),
        f"{name}: script, style, SVG and XML files are only allowed inside libraries",
    )


def test_a_script_at_the_root_is_refused(refused):
    refused(
        with_member("evil.js", b"alert(1)"),
        "evil.js: script, style, SVG and XML files are only allowed inside libraries",
    )


def test_svg_is_allowed_inside_a_library():
    package = validate_package(io.BytesIO(with_member(f"{LIBRARY_FOLDER}/icon.svg", b"<svg/>")))

    assert f"{LIBRARY_FOLDER}/icon.svg" in {member.name for member in package.members}


@pytest.mark.parametrize(
    ("name", "extension"),
    [
        ("content/page.html", ".html"),
        (f"{LIBRARY_FOLDER}/shell.php", ".php"),
        ("content/README", "no extension"),
        ("setup.exe", ".exe"),
    ],
)
def test_extensions_outside_the_allow_list_are_refused(refused, name, extension):
    refused(
        with_member(name, b"<script>alert(1)</script>"),
        f"{name}: files of this type ({extension}) are not allowed in an H5P package",
    )


def test_too_many_entries_are_refused(refused, monkeypatch):
    data = with_member("content/image.png", b"png")
    count = len(members_of(data))
    monkeypatch.setattr(defaults, "MAX_ENTRIES", count - 1)

    refused(data, f"The package has {count} entries; at most {count - 1} are allowed.")


def test_a_file_over_the_default_cap_is_refused(refused):
    assert defaults.MAX_FILE_BYTES == 16 * 1024 * 1024
    # Random bytes do not compress: the ratio rule stays out of the way.
    big = os.urandom(defaults.MAX_FILE_BYTES + 1)

    refused(
        with_member("content/video.mp4", big),
        "content/video.mp4: larger than 16777216 bytes, the limit for one file",
    )


def test_the_total_size_is_capped(refused, monkeypatch):
    cap = validate_package(io.BytesIO(build_h5p_package())).size + 20_000
    monkeypatch.setattr(defaults, "MAX_TOTAL_BYTES", cap)
    # Each part is under the per-file cap; the second one takes the package over the total.
    members = {f"content/part{n}.png": os.urandom(15_000) for n in range(3)}

    refused(
        build_h5p_package(extra_members=members),
        f"content/part1.png: the unpacked package passes {cap} bytes, the limit for a package",
    )


def test_a_zip_bomb_is_refused_by_its_compression_ratio(refused):
    silence = bytes(8 * 1024 * 1024)  # compresses about a thousand times

    refused(
        with_member("content/silence.wav", silence),
        "content/silence.wav: compressed more than 100 times: refused as a possible zip bomb",
    )


def test_a_size_header_that_lies_is_refused(refused, monkeypatch):
    """The headers say 10 bytes, the data is bigger than the cap: the header is not trusted."""
    monkeypatch.setattr(defaults, "MAX_FILE_BYTES", 10_000)
    name = "content/image.png"
    members = {**members_of(build_h5p_package()), name: os.urandom(20_000)}
    data = patch_entry(zip_of(members, compression=zipfile.ZIP_STORED), name, 22, 24, "<I", 10)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo(name).file_size == 10

    refused(data, f"{name}: the entry is damaged or its declared size is wrong")


def test_a_duplicate_name_is_refused(refused):
    members = members_of(build_h5p_package())
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns about the duplicate
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in members.items():
                archive.writestr(name, data)
            archive.writestr("content/content.json", b'{"question": "replaced"}')

    refused(buffer.getvalue(), "content/content.json: the name appears twice")


def test_a_file_named_like_a_folder_is_refused(refused):
    refused(
        with_member("content", b""),
        "content: files of this type (no extension) are not allowed in an H5P package",
    )
    refused(
        with_member("content/content.json/x.json"),
        "content/content.json/x.json: a file of the package has the name of this file's folder",
    )


def test_an_encrypted_entry_is_refused(refused):
    name = "content/secret.txt"
    data = zip_of({**members_of(build_h5p_package()), name: b"not really encrypted"})
    # zipfile cannot write encrypted entries: set the "encrypted" flag bit afterwards.
    data = patch_entry(data, name, 6, 8, "<H", 0x1)

    refused(data, f"{name}: encrypted entries are not allowed")


# Real exports: H5P core's whitelists, its core API, language files ---------------------

# H5P core's default whitelists, written out here so that a change to ours shows.
H5P_CORE_CONTENT = [
    "json", "png", "jpg", "jpeg", "gif", "bmp", "tif", "tiff", "eot", "ttf", "woff", "woff2",
    "otf", "webm", "mp4", "ogg", "mp3", "m4a", "wav", "txt", "pdf", "rtf", "doc", "docx", "xls",
    "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "diff", "patch", "swf", "md", "textile",
    "vtt", "webvtt", "gltf", "glb",
]  # fmt: skip
H5P_CORE_LIBRARY_EXTRAS = ["js", "css", "svg", "xml"]
DRAG_QUESTION = "H5P.DragQuestion-1.14"


def test_a_hub_export_is_accepted_whole():
    package = validate_package(io.BytesIO(hub_export()))

    names = {member.name for member in package.members}
    for name in (
        f"{DRAG_QUESTION}/README.md",
        f"{DRAG_QUESTION}/patches/keyboard-focus.diff",
        f"{DRAG_QUESTION}/upgrades.js",
        f"{DRAG_QUESTION}/icon.svg",
        f"{DRAG_QUESTION}/language/pt-br.json",
        "H5P.JoubelUI-1.3/flash/fallback-player.swf",
        "H5P.JoubelUI-1.3/docs/accessibility-notes.docx",
        "FontAwesome-4.5/fonts/fontawesome-webfont.svg",
        "content/files/worksheet.docx",
        "content/files/captions-fr.vtt",
    ):
        assert name in names, name
    assert f"{DRAG_QUESTION}/language/.en.json" not in names
    assert LibraryRef("H5P.DragQuestion", 1, 14) == package.main_library
    assert "H5PEditor.DragQuestion-1.10" in package.libraries
    assert LibraryRef("H5PEditor.DragQuestion", 1, 10) not in package.dependencies


@pytest.mark.parametrize("extension", H5P_CORE_CONTENT)
def test_every_extension_of_h5p_cores_content_whitelist_is_accepted(extension):
    names = [f"content/files/sample.{extension}", f"{DRAG_QUESTION}/extra/sample.{extension}"]
    data = hub_export(extra_members=dict.fromkeys(names, b"filler"))

    package = validate_package(io.BytesIO(data))

    assert set(names) <= {member.name for member in package.members}


@pytest.mark.parametrize("extension", [*H5P_CORE_LIBRARY_EXTRAS, "SVG", "Js"])
def test_h5p_cores_library_extras_are_accepted_in_libraries_only(refused, extension):
    name = f"{DRAG_QUESTION}/extra/sample.{extension}"
    assert validate_package(io.BytesIO(hub_export(extra_members={name: b"x"})))

    content_name = f"content/sample.{extension}"
    refused(
        hub_export(extra_members={content_name: b"<svg onload='alert(1)'/>"}),
        f"{content_name}: script, style, SVG and XML files are only allowed inside libraries",
    )


@pytest.mark.parametrize("name", ["content/page.htm", f"{DRAG_QUESTION}/page.xhtml"])
def test_html_stays_refused_in_an_export(refused, name):
    extension = name.rpartition(".")[2]
    refused(
        hub_export(extra_members={name: b"<script>alert(1)</script>"}),
        f"{name}: files of this type (.{extension}) are not allowed in an H5P package",
    )


def test_a_broken_export_gets_its_real_error():
    """The whitelist no longer stops at README.md: the broken library.json is named."""
    question = f"H5P.Question-1.5/{LIBRARY_JSON.rsplit('/', 1)[1]}"
    data = hub_export(extra_members={question: b'{"machineName": "H5P.Question"}'})

    assert refusal(data).messages == [f"{question}: the field 'majorVersion' is missing or invalid"]


def _drag_and_drop(core_api):
    libraries = [
        Library("H5P.DragQuestion", 1, 14, title="Drag and Drop", runnable=True, core_api=core_api)
    ]
    return hub_export(libraries=libraries)


@pytest.mark.parametrize("core_api", [None, (1, 0), (1, 28), (0, 99)])
def test_a_library_within_the_players_core_api_is_accepted(core_api):
    assert PLAYER_CORE_API == (1, 28)

    assert validate_package(io.BytesIO(_drag_and_drop(core_api))).main_library


@pytest.mark.parametrize(("core_api", "required"), [((1, 29), "1.29"), ((2, 0), "2.0")])
def test_a_library_needing_a_newer_core_is_refused_by_name(refused, core_api, required):
    refused(
        _drag_and_drop(core_api),
        f"{DRAG_QUESTION}/library.json: the library Drag and Drop ({DRAG_QUESTION}) needs H5P "
        f"core {required} or newer; Liaison's player runs H5P core 1.28",
    )


def test_content_needing_a_newer_core_is_refused(refused):
    data = hub_export(h5p_json_changes={"coreApi": {"majorVersion": "1", "minorVersion": "30"}})

    refused(
        data,
        "h5p.json: the content needs H5P core 1.30 or newer; Liaison's player runs H5P core 1.28",
    )


@pytest.mark.parametrize("core_api", ["1.28", {"majorVersion": 1}, {"majorVersion": "x"}])
def test_an_unreadable_core_api_is_refused(core_api):
    error = refusal(hub_export(h5p_json_changes={"coreApi": core_api}))

    assert error.messages == ["h5p.json: the field 'coreApi' is missing or invalid"]


def test_a_language_file_must_be_valid_json(refused):
    name = "H5P.Question-1.5/language/nl.json"

    refused(hub_export(extra_members={name: b'{"semantics": ['}), f"{name}: not valid JSON")


@pytest.mark.parametrize("file", ["notes.txt", "fr/labels.json", "fr.json.md"])
def test_a_language_folder_holds_only_language_files(refused, file):
    name = f"H5P.Question-1.5/language/{file}"

    refused(
        hub_export(extra_members={name: b"{}"}),
        f"{name}: not a language file: the language folder holds only files like fr.json",
    )


def test_content_files_are_not_language_files():
    name = "content/language/notes.txt"

    assert validate_package(io.BytesIO(hub_export(extra_members={name: b"not json"})))
