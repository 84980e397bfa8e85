"""Per-app defaults, overridable in settings as LIAISON_<NAME>."""

from pathlib import Path

import matplotlib
from django.conf import settings

# Holders are reminded this many days before their certificate expires, and may renew from then.
CERTIFICATE_REMINDER_DAYS: int = getattr(settings, "LIAISON_CERTIFICATE_REMINDER_DAYS", 30)
# Look-ups of a code (the form and the verification page) allowed per IP address, as
# django-ratelimit rates ("30/m": thirty a minute).
CERTIFICATE_VERIFY_RATE: str = getattr(settings, "LIAISON_CERTIFICATE_VERIFY_RATE", "30/m")
# A TrueType font with wide alphabet coverage for the PDF. The default is the DejaVu Sans that
# ships inside matplotlib (a dependency of the reports), so no system package is needed.
_DEJAVU = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
CERTIFICATE_FONT: str = getattr(
    settings, "LIAISON_CERTIFICATE_FONT", str(_DEJAVU / "DejaVuSans.ttf")
)
CERTIFICATE_FONT_BOLD: str = getattr(
    settings, "LIAISON_CERTIFICATE_FONT_BOLD", str(_DEJAVU / "DejaVuSans-Bold.ttf")
)
