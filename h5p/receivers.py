"""Liaison's own learning events, recorded as xAPI statements with ADL verbs.

The receivers only enqueue ``h5p.record_event`` (after the commit that made the event), so a
failure in the statement store never undoes or breaks the progress itself; the task retries.
"""

from django.dispatch import receiver

from courses.signals import attempt_graded, course_completed, lesson_completed, session_attended

from . import tasks


@receiver(lesson_completed, dispatch_uid="h5p_lesson_completed")
def lesson_done(sender, enrolment_id: int, lesson_id: int, **kwargs) -> None:
    tasks.record_event.delay(kind="lesson", enrolment_id=enrolment_id, object_pk=lesson_id)


@receiver(course_completed, dispatch_uid="h5p_course_completed")
def course_done(sender, enrolment_id: int, **kwargs) -> None:
    tasks.record_event.delay(kind="course", enrolment_id=enrolment_id, object_pk=None)


@receiver(session_attended, dispatch_uid="h5p_session_attended")
def session_done(sender, session_id: int, trainee_ids: list[int], **kwargs) -> None:
    for trainee_id in trainee_ids:
        tasks.record_event.delay(
            kind="session", trainee_id=trainee_id, object_pk=session_id, verb="attended"
        )


@receiver(attempt_graded, dispatch_uid="h5p_attempt_graded")
def attempt_done(sender, attempt_id: int, trainee_id: int, quiz_id: int, quiz_title: str,
                 scaled: float, passed: bool, **kwargs) -> None:
    tasks.record_event.delay(
        kind="quiz",
        trainee_id=trainee_id,
        object_pk=quiz_id,
        name=quiz_title,
        result={"score": {"scaled": scaled}, "success": passed, "completion": True},
        verb="passed" if passed else "failed",
    )
