"""The personal-data registry: each app adds what it stores about a user to the export.

Apps call ``register_personal_data`` from their ``AppConfig.ready`` with a function that takes
the user and returns JSON-serialisable data; "Download my data" calls every one of them.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

PersonalDataExporter = Callable[[Any], Any]

_exporters: dict[str, PersonalDataExporter] = {}


def register_personal_data(section: str, exporter: PersonalDataExporter) -> None:
    """Add ``exporter``'s output to the personal-data export under ``section``."""
    if _exporters.get(section, exporter) is not exporter:
        raise ImproperlyConfigured(f"Personal-data section {section!r} is registered twice.")
    _exporters[section] = exporter


def personal_data_exporters() -> dict[str, PersonalDataExporter]:
    """Return the registered exporters by section name, in registration order."""
    return dict(_exporters)
