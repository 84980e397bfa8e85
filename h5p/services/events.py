"""Liaison's own learning events (lesson, course, session, quiz) as xAPI statements."""

from accounts.models import User
from courses.models import ClassroomSession, Enrolment, LessonPage

from ..models import Statement
from ..xapi.services import activity_iri, statement_record

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
ACTIVITY_TYPES = {
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "course": "http://adlnet.gov/expapi/activities/course",
    "session": "http://adlnet.gov/expapi/activities/meeting",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
}


def event_record(
    *,
    kind: str,
    object_pk: int | None,
    enrolment_id: int | None = None,
    trainee_id: int | None = None,
    name: str = "",
    result: dict | None = None,
    verb: str = "completed",
    timestamp: str | None = None,
) -> Statement:
    """Record that a trainee completed a lesson or course, attended a session or took a quiz.

    Lessons and courses are named by their enrolment; sessions and quizzes by the trainee.
    ``timestamp`` (ISO 8601) is when it happened (the job may run later).
    """
    context = None
    if enrolment_id is not None:
        enrolment = Enrolment.objects.select_related("trainee", "course").get(pk=enrolment_id)
        user = enrolment.trainee
        context = {
            "contextActivities": {"parent": [{"id": activity_iri("course", enrolment.course_id)}]}
        }
        if kind == "course":
            object_pk, name = enrolment.course_id, enrolment.course.title
    else:
        user = User.objects.get(pk=trainee_id)
    if kind == "lesson":
        name = LessonPage.objects.get(pk=object_pk).title
    elif kind == "session":
        session = ClassroomSession.objects.select_related("course").get(pk=object_pk)
        name = session.title
        context = {
            "contextActivities": {"parent": [{"id": activity_iri("course", session.course_id)}]}
        }
    return statement_record(
        user=user,
        verb=ADL_VERBS + verb,
        object_id=activity_iri(kind, object_pk),
        object_name=name,
        object_type=ACTIVITY_TYPES[kind],
        result=result,
        context=context,
        timestamp=timestamp,
    )
