"""Per-app defaults, overridable in settings as LIAISON_<NAME>."""

from django.conf import settings

# A lesson view longer than this is not counted as study time (the tab was left open).
MAX_COUNTED_VIEW_SECONDS: int = getattr(settings, "LIAISON_MAX_COUNTED_VIEW_SECONDS", 30 * 60)
# Cohort CSV uploads larger than this many rows are refused.
COHORT_CSV_MAX_ROWS: int = getattr(settings, "LIAISON_COHORT_CSV_MAX_ROWS", 5000)
# How long a classroom check-in code stays valid after the trainer shows it.
CHECK_IN_CODE_MINUTES: int = getattr(settings, "LIAISON_CHECK_IN_CODE_MINUTES", 15)
# Check-in brute-force limit: this many wrong codes per trainee within the window.
CHECK_IN_MAX_FAILURES: int = getattr(settings, "LIAISON_CHECK_IN_MAX_FAILURES", 5)
CHECK_IN_FAILURE_WINDOW_SECONDS: int = getattr(
    settings, "LIAISON_CHECK_IN_FAILURE_WINDOW_SECONDS", 10 * 60
)
