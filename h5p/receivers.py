"""Liaison's own learning events, recorded as xAPI statements with ADL verbs.

The receivers only queue ``h5p.record_event`` in the outbox, in the transaction that made the
event: a failure in the statement store never undoes or breaks the progress itself, and a
broker outage only delays the statement. Each carries the time of the event.
"""

from django.dispatch import receiver
from django.utils import timezone

from courses.signals import attempt_graded, course_completed, lesson_completed, session_attended
from outbox.services import job_enqueue


def _record(**kwargs) -> None:
    job_enqueue("h5p.record_event", timestamp=timezone.now().isoformat(), **kwargs)


@receiver(lesson_completed, dispatch_uid="h5p_lesson_completed")
def lesson_done(sender, enrolment_id: int, lesson_id: int, **kwargs) -> None:
    _record(kind="lesson", enrolment_id=enrolment_id, object_pk=lesson_id)


@receiver(course_completed, dispatch_uid="h5p_course_completed")
def course_done(sender, enrolment_id: int, **kwargs) -> None:
    _record(kind="course", enrolment_id=enrolment_id, object_pk=None)


@receiver(session_attended, dispatch_uid="h5p_session_attended")
def session_done(sender, session_id: int, trainee_ids: list[int], **kwargs) -> None:
    for trainee_id in trainee_ids:
        _record(kind="session", trainee_id=trainee_id, object_pk=session_id, verb="attended")


@receiver(attempt_graded, dispatch_uid="h5p_attempt_graded")
def attempt_done(sender, attempt_id: int, trainee_id: int, quiz_id: int, quiz_title: str,
                 scaled: float, passed: bool, **kwargs) -> None:
    _record(
        kind="quiz",
        trainee_id=trainee_id,
        object_pk=quiz_id,
        name=quiz_title,
        result={"score": {"scaled": scaled}, "success": passed, "completion": True},
        verb="passed" if passed else "failed",
    )
