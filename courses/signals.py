"""Events other apps subscribe to (certificates, surveys, reports)."""

from django.dispatch import Signal

# Sent once per enrolment, after the transaction that completed it commits.
# Arguments: enrolment_id (int).
course_completed = Signal()

# Sent once per newly completed lesson, after commit. Arguments: enrolment_id, lesson_id.
lesson_completed = Signal()

# Sent when trainees are marked present at a classroom session, after commit.
# Arguments: session_id (int), trainee_ids (list of int).
session_attended = Signal()

# Sent by the assessments app when an attempt is graded, after commit. Arguments: attempt_id,
# trainee_id, quiz_id, quiz_title, scaled (0–1), passed.
# Declared here so that apps beside assessments (h5p's statement store) can listen without
# importing it.
attempt_graded = Signal()
