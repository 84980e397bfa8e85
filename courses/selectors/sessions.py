"""Reads about classroom sessions shared by the session views and services."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts import roles
from accounts.models import User

from ..models import ClassroomSession, Cohort, CoursePage, Enrolment, SessionRegistration
from . import user_manages_course


def sessions_run_by(user: User) -> QuerySet[ClassroomSession]:
    """Sessions the user may run: those they lead and those of courses they own (all, admins)."""
    sessions = ClassroomSession.objects.all()
    if user.is_superuser:
        return sessions
    # A subquery rather than a join, so a course with several trainers lists a session once.
    return sessions.filter(
        Q(trainer=user) | Q(course__in=CoursePage.objects.filter(trainers=user).values("pk"))
    )


def user_runs_session(*, user: User, session: ClassroomSession) -> bool:
    """The session's trainer, the course's owning trainers and admins."""
    if not user.is_authenticated:
        return False
    return session.trainer_id == user.pk or user_manages_course(user=user, course=session.course)


def sessions_with_seats(sessions: QuerySet[ClassroomSession]) -> QuerySet[ClassroomSession]:
    """The sessions with ``seats_taken`` and ``waiting`` counts, for lists."""
    return sessions.select_related("course", "cohort", "trainer").annotate(
        seats_taken=Count(
            "registrations", filter=Q(registrations__status=SessionRegistration.Status.REGISTERED)
        ),
        waiting=Count(
            "registrations", filter=Q(registrations__status=SessionRegistration.Status.WAITLISTED)
        ),
    )


def trainee_upcoming_sessions(trainee: User) -> list[ClassroomSession]:
    """Sessions not yet over that the trainee may join, each with its ``registration`` or None."""
    cohorts = dict(
        Enrolment.objects.filter(
            trainee=trainee, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
        ).values_list("course_id", "cohort_id")
    )
    sessions = [
        session
        for session in sessions_with_seats(
            ClassroomSession.objects.filter(course_id__in=cohorts, ends_at__gt=timezone.now())
        ).order_by("starts_at")
        if not session.cohort_id or session.cohort_id == cohorts[session.course_id]
    ]
    registrations = {
        registration.session_id: registration
        for registration in SessionRegistration.objects.filter(
            trainee=trainee, session_id__in=[session.pk for session in sessions]
        ).exclude(status=SessionRegistration.Status.CANCELLED)
    }
    for session in sessions:
        session.registration = registrations.get(session.pk)
    return sessions


def session_planning_choices(user: User) -> dict[str, QuerySet]:
    """The courses, cohorts and trainers a user may pick when planning a session."""
    courses = CoursePage.objects.all()
    if not user.is_superuser:
        courses = courses.filter(trainers=user)
    return {
        "courses": courses.order_by("title"),
        "cohorts": Cohort.objects.filter(course__in=courses.values("pk")).order_by("name"),
        "trainers": User.objects.filter(Q(groups__name=roles.TRAINERS) | Q(is_superuser=True))
        .distinct()
        .order_by("full_name", "email"),
    }
