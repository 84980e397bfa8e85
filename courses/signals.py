"""Domain events other apps subscribe to (certificates, the statement store).

Each is sent inside the transaction that makes the change, so that the work a receiver
queues with ``outbox.services.job_enqueue`` commits, or rolls back, with the change itself.
Receivers therefore only queue jobs: they never do slow or fallible work in the sender's
transaction.
"""

from django.dispatch import Signal

# Sent once per enrolment when it is completed. Arguments: enrolment_id (int).
course_completed = Signal()

# Sent once per newly completed lesson. Arguments: enrolment_id, lesson_id.
lesson_completed = Signal()

# Sent when trainees are marked present at a classroom session.
# Arguments: session_id (int), trainee_ids (list of int).
session_attended = Signal()

# Sent by the assessments app when an attempt is graded. Arguments: attempt_id, trainee_id,
# quiz_id, quiz_title, scaled (0–1), passed.
# Declared here so that apps beside assessments (h5p's statement store) can listen without
# importing it.
attempt_graded = Signal()
