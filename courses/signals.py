"""Events other apps subscribe to (certificates, surveys, reports)."""

from django.dispatch import Signal

# Sent once per enrolment, after the transaction that completed it commits.
# Arguments: enrolment_id (int).
course_completed = Signal()
