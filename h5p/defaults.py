"""Per-app defaults, overridable in settings as LIAISON_H5P_<NAME> / XAPI_<NAME>."""

import tempfile
from pathlib import Path

from django.conf import settings

# Package caps, checked while the archive is read (H5P's own importer uses the same).
MAX_FILE_BYTES: int = getattr(settings, "LIAISON_H5P_MAX_FILE_BYTES", 16 * 1024 * 1024)
MAX_TOTAL_BYTES: int = getattr(settings, "LIAISON_H5P_MAX_TOTAL_BYTES", 64 * 1024 * 1024)
MAX_ENTRIES: int = getattr(settings, "LIAISON_H5P_MAX_ENTRIES", 5000)
# Uncompressed size / compressed size of one entry, above which it is a zip bomb.
MAX_COMPRESSION_RATIO: int = getattr(settings, "LIAISON_H5P_MAX_COMPRESSION_RATIO", 100)

# A trainee's saved exercise state (H5P contentUserData); Interactive Book and Course
# Presentation states with long free-text answers stay far below this.
MAX_STATE_BYTES: int = getattr(settings, "LIAISON_H5P_MAX_STATE_BYTES", 256 * 1024)
# Hosts the sandboxed player may load videos and their players from (Interactive Video's
# YouTube and Vimeo handlers load a script and frame a player from these).
EMBED_HOSTS: list[str] = getattr(
    settings,
    "LIAISON_H5P_EMBED_HOSTS",
    [
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://s.ytimg.com",
        "https://i.ytimg.com",
        "https://player.vimeo.com",
        "https://i.vimeocdn.com",
        "https://f.vimeocdn.com",
    ],
)
# Where an administrator's library upgrade waits for confirmation: private, outside MEDIA_ROOT.
UPGRADE_STAGING_DIR: Path = Path(
    getattr(
        settings,
        "LIAISON_H5P_UPGRADE_STAGING_DIR",
        Path(tempfile.gettempdir()) / "liaison-h5p-upgrades",
    )
)
