"""Builds ``.h5p`` packages in memory around Liaison's own ``Liaison.SingleChoice`` library.

Used by the tests, the demo seed and the end-to-end tests; the parameters make broken
variants for the validation tests.
"""

import io
import json
import zipfile
from pathlib import Path

LIBRARY_FOLDER = Path(__file__).resolve().parent / "h5p_content_types" / "Liaison.SingleChoice-1.0"
LIBRARY_NAME = "Liaison.SingleChoice"
# Fixed timestamps: the same arguments always give the same bytes (and the same sha256).
_DATE_TIME = (2025, 1, 1, 0, 0, 0)


def _library_members() -> dict[str, bytes]:
    """Every file of the library folder, named as inside a package."""
    return {
        f"{LIBRARY_FOLDER.name}/{path.relative_to(LIBRARY_FOLDER).as_posix()}": path.read_bytes()
        for path in sorted(LIBRARY_FOLDER.rglob("*"))
        if path.is_file() and not path.name.startswith((".", "_"))
    }


def build_h5p_package(
    *,
    title: str = "Who issues an order to leave the territory?",
    question: str = "Which authority issues an order to leave the territory?",
    answers: list[str] | None = None,
    correct: int = 0,
    language: str = "en",
    extra_members: dict[str, bytes] | None = None,
    omit: set[str] | None = None,
    h5p_json_overrides: dict | None = None,
) -> bytes:
    """A valid single-choice ``.h5p`` as bytes, unless the parameters break it on purpose.

    ``extra_members`` adds members or replaces generated ones (e.g. a library.json);
    ``omit`` leaves members out by name; in ``h5p_json_overrides`` a key set to ``None``
    is removed from h5p.json.
    """
    if answers is None:
        answers = ["The Immigration Office", "The municipality", "The police zone"]
    h5p_json = {
        "title": title,
        "language": language,
        "mainLibrary": LIBRARY_NAME,
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": [
            {"machineName": LIBRARY_NAME, "majorVersion": 1, "minorVersion": 0}
        ],
    }
    for key, value in (h5p_json_overrides or {}).items():
        if value is None:
            h5p_json.pop(key, None)
        else:
            h5p_json[key] = value
    content_json = {"question": question, "answers": answers, "correct": correct}

    members = {
        "h5p.json": json.dumps(h5p_json, indent=2).encode(),
        "content/content.json": json.dumps(content_json, indent=2).encode(),
        **_library_members(),
        **(extra_members or {}),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name in (omit or set()):
                continue
            info = zipfile.ZipInfo(name, date_time=_DATE_TIME)
            info.external_attr = 0o644 << 16  # a regular file, rw-r--r--
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
