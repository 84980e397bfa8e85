"""Per-app defaults, overridable in settings as LIAISON_H5P_<NAME> / XAPI_<NAME>."""

from django.conf import settings

# Package caps, checked while the archive is read (H5P's own importer uses the same).
MAX_FILE_BYTES: int = getattr(settings, "LIAISON_H5P_MAX_FILE_BYTES", 16 * 1024 * 1024)
MAX_TOTAL_BYTES: int = getattr(settings, "LIAISON_H5P_MAX_TOTAL_BYTES", 64 * 1024 * 1024)
MAX_ENTRIES: int = getattr(settings, "LIAISON_H5P_MAX_ENTRIES", 5000)
# Uncompressed size / compressed size of one entry, above which it is a zip bomb.
MAX_COMPRESSION_RATIO: int = getattr(settings, "LIAISON_H5P_MAX_COMPRESSION_RATIO", 100)
