"""``.h5p`` packages shaped like the H5P hub's exports, built in memory for the tests.

A real export of Drag and Drop, Interactive Video or Course Presentation carries more than
the files the player loads: each library folder holds its semantics, icon, README, upgrade
and presave scripts, patch files, translations, fonts and images, and sometimes a legacy
Flash fallback; the content holds images, video, audio, captions and handouts. The file
names and library names follow the hub's; every byte is our own filler.
"""

import io
import json
import zipfile
from dataclasses import dataclass, field

# Fixed timestamps: the same arguments give the same bytes (and the same sha256).
_DATE_TIME = (2025, 1, 1, 0, 0, 0)


@dataclass
class Library:
    """One library folder of an export."""

    machine_name: str
    major: int
    minor: int
    patch: int = 0
    title: str = ""
    runnable: bool = False
    dependencies: list[tuple[str, int, int]] = field(default_factory=list)
    core_api: tuple[int, int] | None = (1, 19)
    script: bytes = b""

    @property
    def folder(self) -> str:
        return f"{self.machine_name}-{self.major}.{self.minor}"

    def library_json(self) -> dict:
        slug = self.machine_name.rsplit(".", 1)[-1].lower()
        data = {
            "title": self.title or self.machine_name,
            "description": "Filler written for Liaison's tests.",
            "machineName": self.machine_name,
            "majorVersion": self.major,
            "minorVersion": self.minor,
            "patchVersion": self.patch,
            "runnable": int(self.runnable),
            "author": "Liaison tests",
            "license": "MIT",
            "preloadedJs": [{"path": f"scripts/{slug}.js"}],
            "preloadedCss": [{"path": f"styles/{slug}.css"}],
            "preloadedDependencies": [
                {"machineName": name, "majorVersion": major, "minorVersion": minor}
                for name, major, minor in self.dependencies
            ],
        }
        if self.core_api is not None:
            data["coreApi"] = {"majorVersion": self.core_api[0], "minorVersion": self.core_api[1]}
        return data

    def members(self) -> dict[str, bytes]:
        slug = self.machine_name.rsplit(".", 1)[-1].lower()
        base = self.folder
        script = self.script or f"/* {self.folder}.{self.patch} */".encode()
        return {
            f"{base}/library.json": json.dumps(self.library_json(), indent=2).encode(),
            f"{base}/semantics.json": json.dumps([{"name": "text", "type": "text"}]).encode(),
            f"{base}/icon.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
            f"{base}/README.md": f"# {self.machine_name}\n\nFiller.\n".encode(),
            f"{base}/upgrades.js": b"H5PUpgrades = {};",
            f"{base}/presave.js": b"H5PPresave = {};",
            f"{base}/patches/keyboard-focus.diff": b"--- a/x.js\n+++ b/x.js\n@@ -1 +1 @@\n-a\n+b\n",
            f"{base}/scripts/{slug}.js": script,
            f"{base}/styles/{slug}.css": b".h5p-filler { color: inherit; }",
            f"{base}/language/fr.json": json.dumps({"semantics": [{"label": "Texte"}]}).encode(),
            f"{base}/language/nl.json": json.dumps({"semantics": [{"label": "Tekst"}]}).encode(),
            f"{base}/language/pt-br.json": json.dumps({"semantics": [{"label": "Texto"}]}).encode(),
            # The translators' template, which the hub's export keeps; H5P core skips it.
            f"{base}/language/.en.json": b"{ not even json",
            f"{base}/fonts/{slug}.woff": b"wOFF filler",
            f"{base}/fonts/{slug}.woff2": b"wOF2 filler",
            f"{base}/fonts/{slug}.ttf": b"ttf filler",
            f"{base}/fonts/{slug}.eot": b"eot filler",
            f"{base}/images/background.png": b"\x89PNG filler",
        }


def _drag_and_drop_libraries() -> list[Library]:
    """The libraries of a Drag and Drop export, with the extras real folders hold."""
    libraries = [
        Library(
            "H5P.DragQuestion",
            1,
            14,
            patch=21,
            title="Drag and Drop",
            runnable=True,
            dependencies=[
                ("H5P.Question", 1, 5),
                ("H5P.JoubelUI", 1, 3),
                ("FontAwesome", 4, 5),
                ("jQuery.ui", 1, 10),
            ],
            core_api=(1, 24),
        ),
        Library("H5P.Question", 1, 5, patch=15, dependencies=[("H5P.JoubelUI", 1, 3)]),
        Library("H5P.JoubelUI", 1, 3, patch=19, dependencies=[("H5P.Transition", 1, 0)]),
        Library("H5P.Transition", 1, 0, patch=4, core_api=None),
        Library("FontAwesome", 4, 5, patch=4, core_api=None),
        Library("jQuery.ui", 1, 10, patch=22, core_api=None),
        # A library the content does not need; exports carry the editor's ones too.
        Library("H5PEditor.DragQuestion", 1, 10, patch=8),
    ]
    return libraries


def _extras(libraries: list[Library]) -> dict[str, bytes]:
    """Files some real library folders carry beyond the common ones."""
    by_name = {library.machine_name: library.folder for library in libraries}
    extras = {}
    if "H5P.JoubelUI" in by_name:
        extras[f"{by_name['H5P.JoubelUI']}/flash/fallback-player.swf"] = b"FWS filler"
        extras[f"{by_name['H5P.JoubelUI']}/docs/accessibility-notes.docx"] = b"PK filler"
    if "FontAwesome" in by_name:
        folder = by_name["FontAwesome"]
        extras[f"{folder}/fonts/fontawesome-webfont.svg"] = b"<svg/>"
        extras[f"{folder}/fonts/fontawesome-webfont.otf"] = b"otf filler"
    if "jQuery.ui" in by_name:
        extras[f"{by_name['jQuery.ui']}/LICENSE.txt"] = b"Filler licence."
        extras[f"{by_name['jQuery.ui']}/images/icons.gif"] = b"GIF89a filler"
    return extras


CONTENT_MEDIA = {
    "content/images/map-12345.jpg": b"\xff\xd8 filler",
    "content/images/stamp.png": b"\x89PNG filler",
    "content/videos/interview.mp4": b"mp4 filler",
    "content/videos/interview.webm": b"webm filler",
    "content/audios/instructions.mp3": b"ID3 filler",
    "content/audios/instructions.ogg": b"OggS filler",
    "content/files/captions-fr.vtt": b"WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n",
    "content/files/handout.pdf": b"%PDF-1.4 filler",
    "content/files/worksheet.docx": b"PK filler",
}


def hub_export(
    *,
    title: str = "Sort the documents",
    libraries: list[Library] | None = None,
    main: str = "H5P.DragQuestion",
    h5p_json_changes: dict | None = None,
    extra_members: dict[str, bytes] | None = None,
    omit: set[str] | None = None,
) -> bytes:
    """A Drag and Drop export as the hub makes it, unless the parameters change it.

    ``libraries`` replaces the carried library folders; ``h5p_json_changes`` changes
    h5p.json (a key set to None is removed); ``extra_members`` adds or replaces members;
    ``omit`` leaves members out by name.
    """
    libraries = _drag_and_drop_libraries() if libraries is None else libraries
    main_library = next(library for library in libraries if library.machine_name == main)
    needed = [(main_library.machine_name, main_library.major, main_library.minor)]
    needed += main_library.dependencies
    h5p_json = {
        "title": title,
        "language": "fr",
        "mainLibrary": main,
        "embedTypes": ["iframe"],
        "license": "CC BY",
        "defaultLanguage": "fr",
        "preloadedDependencies": [
            {"machineName": name, "majorVersion": major, "minorVersion": minor}
            for name, major, minor in needed
        ],
    }
    for key, value in (h5p_json_changes or {}).items():
        if value is None:
            h5p_json.pop(key, None)
        else:
            h5p_json[key] = value
    content_json = {
        "question": {"settings": {"background": {"path": "images/map-12345.jpg"}}},
        "behaviour": {"enableRetry": True},
    }
    members = {
        "h5p.json": json.dumps(h5p_json, indent=2).encode(),
        "content/content.json": json.dumps(content_json).encode(),
        **CONTENT_MEDIA,
    }
    for library in libraries:
        members.update(library.members())
    members.update(_extras(libraries))
    members.update(extra_members or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name in (omit or set()):
                continue
            info = zipfile.ZipInfo(name, date_time=_DATE_TIME)
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
