"""Per-app defaults, overridable in settings as LIAISON_<NAME>."""

from django.conf import settings

# Cells built from fewer distinct trainees than this are suppressed in every report.
REPORT_MIN_CELL: int = getattr(settings, "LIAISON_REPORT_MIN_CELL", 5)
# The monthly report emailed to programme managers (Celery beat); False turns it off.
MONTHLY_REPORT_ENABLED: bool = getattr(settings, "LIAISON_MONTHLY_REPORT_ENABLED", True)
