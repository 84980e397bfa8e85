"""The interface ships complete in French and Dutch."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_catalogue_has_no_untranslated_or_fuzzy_strings(language):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "GNU gettext (msgfmt) is a documented system requirement"
    result = subprocess.run(
        [
            msgfmt,
            "--check",
            "--statistics",
            "-o",
            "/dev/null",
            str(LOCALE / language / "LC_MESSAGES" / "django.po"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "translated messages" in result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


def test_catalogues_cover_every_string_in_the_code(tmp_path):
    """Regenerate the catalogues from a copy of the code: nothing new may be untranslated."""
    project = LOCALE.parent
    copy = tmp_path / "project"
    shutil.copytree(
        project,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "media", "*.sqlite3", "node_modules"),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "fr",
            "-l",
            "nl",
            "--no-obsolete",
            "--ignore=tests",
            "--ignore=benchmarks",
            "--verbosity=0",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        timeout=300,
    )
    for language in ("fr", "nl"):
        result = subprocess.run(
            [
                "msgfmt",
                "--statistics",
                "-o",
                "/dev/null",
                str(copy / "locale" / language / "LC_MESSAGES" / "django.po"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert "untranslated" not in result.stderr, (language, result.stderr)
        assert "fuzzy" not in result.stderr, (language, result.stderr)
