"""The outbox's settings, read once (``LIAISON_OUTBOX_…``)."""

from django.conf import settings

# A job still waiting this long after it was handed to the broker is handed over again: the
# broker may have lost it (Redis restarted without persistence). Running it twice is harmless,
# since a job is claimed before it runs and a finished job is never run again.
RESEND_AFTER_SECONDS: int = getattr(settings, "LIAISON_OUTBOX_RESEND_AFTER_SECONDS", 10 * 60)

# Failures that can heal (a database or a remote service briefly away) are tried again, this
# many times in all, waiting 30 s, 1 min, 2 min … (at most an hour) in between.
MAX_ATTEMPTS: int = getattr(settings, "LIAISON_OUTBOX_MAX_ATTEMPTS", 8)
RETRY_BASE_SECONDS: int = 30
RETRY_MAX_SECONDS: int = 60 * 60

# Jobs handed to the broker by one sweep of the beat task.
SWEEP_BATCH: int = 500
