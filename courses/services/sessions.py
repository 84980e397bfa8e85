"""Classroom sessions: planning, sign-up with a waiting list, check-in codes and attendance."""

import contextlib
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import defaults, selectors
from ..models import (
    ClassroomSession,
    Cohort,
    CoursePage,
    Enrolment,
    SessionRegistration,
    _new_check_in_code,
)
from ..selectors.sessions import user_runs_session
from ..signals import session_attended
from .progress import enrolment_evaluate

logger = logging.getLogger(__name__)


def _lock(session: ClassroomSession) -> ClassroomSession:
    # Every change that counts seats takes this row lock first, so two sign-ups (or a sign-up
    # and a cancellation) for the same session are applied one after the other.
    return ClassroomSession.objects.select_for_update().get(pk=session.pk)


def _seats_taken(session: ClassroomSession) -> int:
    return session.registrations.filter(status=SessionRegistration.Status.REGISTERED).count()


def _evaluate_enrolments(*, session: ClassroomSession, trainee_ids: Iterable[int]) -> None:
    # Attendance is a progress event: it may complete a course that requires sessions.
    trainee_ids = list(trainee_ids)
    enrolment_ids = Enrolment.objects.filter(
        course_id=session.course_id, trainee_id__in=trainee_ids
    ).values_list("pk", flat=True)
    for enrolment_id in enrolment_ids:
        enrolment_evaluate(enrolment_id=enrolment_id)
    if trainee_ids:
        session_attended.send(
            sender=ClassroomSession, session_id=session.pk, trainee_ids=trainee_ids
        )


def session_create(
    *,
    course: CoursePage,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    trainer: User,
    capacity: int,
    location: str = "",
    online_url: str = "",
    cohort: Cohort | None = None,
    created_by: User,
) -> ClassroomSession:
    """Plan a session of a course; only the course's owning trainers and admins may."""
    if not selectors.user_manages_course(user=created_by, course=course):
        raise PermissionDenied(_("Only the course's trainers plan its sessions."))
    errors: dict[str, str] = {}
    if not location.strip() and not online_url.strip():
        errors["location"] = _("Give a location or an online link.")
    if starts_at and ends_at and ends_at <= starts_at:
        errors["ends_at"] = _("The session must end after it starts.")
    if not selectors.user_is_trainer(trainer):
        errors["trainer"] = _("Choose a trainer to lead the session.")
    if cohort is not None and cohort.course_id != course.pk:
        errors["cohort"] = _("Choose a cohort of this course.")
    if errors:
        raise ValidationError(errors)
    session = ClassroomSession(
        course=course,
        cohort=cohort,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location.strip(),
        online_url=online_url.strip(),
        trainer=trainer,
        capacity=capacity,
    )
    session.full_clean()
    session.save()
    logger.info("Session %s planned for course %s", session.pk, course.pk)
    return session


@transaction.atomic
def session_register(
    *, session: ClassroomSession, trainee: User
) -> tuple[SessionRegistration, bool]:
    """Give the trainee a seat, or a place on the waiting list when the session is full.

    Returns the registration and whether anything changed; registering twice changes nothing.
    """
    session = _lock(session)
    if session.starts_at <= timezone.now():
        raise ValidationError(
            _("This session has already started; sign-up is closed."), code="past"
        )
    enrolment = Enrolment.objects.filter(trainee=trainee, course_id=session.course_id).first()
    if enrolment is None or not enrolment.gives_access:
        raise ValidationError(
            _("Enrol in the course before signing up for its sessions."), code="not_enrolled"
        )
    if session.cohort_id and enrolment.cohort_id != session.cohort_id:
        raise ValidationError(
            _("This session is reserved for the members of another cohort."), code="cohort"
        )
    registration = SessionRegistration.objects.filter(session=session, trainee=trainee).first()
    if registration and registration.status != SessionRegistration.Status.CANCELLED:
        return registration, False
    status = (
        SessionRegistration.Status.REGISTERED
        if _seats_taken(session) < session.capacity
        else SessionRegistration.Status.WAITLISTED
    )
    if registration is None:
        registration = SessionRegistration(session=session, trainee=trainee)
    # Coming back after a cancellation puts the trainee at the end of the queue.
    registration.status = status
    registration.registered_at = timezone.now()
    registration.attended = False
    registration.attendance_marked_at = None
    registration.full_clean(validate_unique=False, validate_constraints=False)
    registration.save()
    logger.info("Registration %s: %s", registration.pk, status)
    return registration, True


@transaction.atomic
def session_cancel(*, registration: SessionRegistration) -> SessionRegistration:
    """Cancel a seat or a place on the waiting list; a freed seat goes to the first waiting."""
    session = _lock(registration.session)
    registration = SessionRegistration.objects.get(pk=registration.pk)
    if registration.status == SessionRegistration.Status.CANCELLED:
        return registration
    if session.starts_at <= timezone.now():
        raise ValidationError(
            _("This session has already started; it can no longer be cancelled."), code="past"
        )
    held_seat = registration.status == SessionRegistration.Status.REGISTERED
    registration.status = SessionRegistration.Status.CANCELLED
    registration.attended = False
    registration.attendance_marked_at = None
    registration.save(update_fields=["status", "attended", "attendance_marked_at"])
    if held_seat:
        free = session.capacity - _seats_taken(session)
        waiting = session.registrations.filter(
            status=SessionRegistration.Status.WAITLISTED
        ).order_by("registered_at", "pk")
        promoted = list(waiting.values_list("pk", flat=True)[: max(free, 0)])
        SessionRegistration.objects.filter(pk__in=promoted).update(
            status=SessionRegistration.Status.REGISTERED
        )
        if promoted:
            logger.info("Session %s: registrations %s promoted", session.pk, promoted)
    return registration


def session_open_check_in(*, session: ClassroomSession, trainer: User) -> ClassroomSession:
    """Show a fresh check-in code, valid for ``CHECK_IN_CODE_MINUTES``."""
    if not user_runs_session(user=trainer, session=session):
        raise PermissionDenied(_("Only the session's trainers open its check-in."))
    session.check_in_code = _new_check_in_code()
    session.check_in_open_until = timezone.now() + timedelta(minutes=defaults.CHECK_IN_CODE_MINUTES)
    session.save(update_fields=["check_in_code", "check_in_open_until"])
    return session


def _failures_key(trainee: User) -> str:
    return f"courses:check-in-failures:{trainee.pk}"


def _try_take(trainee: User) -> bool:
    """Count one try against the trainee's allowance of wrong codes; False once it is spent.

    The try is counted before the code is looked up, with one atomic increment: wrong codes
    sent at once cannot all read the count before any of them raises it.
    """
    key = _failures_key(trainee)
    # The window starts at the first try; incr keeps the key's expiry.
    cache.add(key, 0, timeout=defaults.CHECK_IN_FAILURE_WINDOW_SECONDS)
    try:
        tries = cache.incr(key)
    except ValueError:  # the window ended between add and incr
        cache.add(key, 1, timeout=defaults.CHECK_IN_FAILURE_WINDOW_SECONDS)
        tries = 1
    return tries <= defaults.CHECK_IN_MAX_FAILURES


def _try_give_back(trainee: User) -> None:
    """A code that names a session is not a wrong guess: it does not count."""
    with contextlib.suppress(ValueError):  # the window ended meanwhile: nothing to give back
        cache.decr(_failures_key(trainee))


def session_check_in(*, trainee: User, code: str) -> SessionRegistration:
    """The trainee types the code their trainer shows; their attendance is recorded."""
    if not _try_take(trainee):
        raise ValidationError(
            _("Too many wrong codes. Wait a few minutes, then try again."), code="rate_limited"
        )
    code = "".join(code.split()).upper()
    sessions = list(ClassroomSession.objects.filter(check_in_code=code)) if code else []
    if not sessions:
        raise ValidationError(_("This code is not valid."), code="invalid")
    _try_give_back(trainee)
    now = timezone.now()
    registrations = {
        registration.session_id: registration
        for registration in SessionRegistration.objects.filter(
            session__in=sessions, trainee=trainee
        ).exclude(status=SessionRegistration.Status.CANCELLED)
    }

    def is_open(session: ClassroomSession) -> bool:
        return bool(session.check_in_open_until and session.check_in_open_until > now)

    # Codes are short: should two sessions share one, the trainee's own open session wins.
    session = min(sessions, key=lambda s: (s.pk not in registrations, not is_open(s)))
    if not is_open(session):
        raise ValidationError(
            _("This code has expired; ask your trainer for a new one."), code="expired"
        )
    registration = registrations.get(session.pk)
    if registration is None:
        raise ValidationError(_("You are not registered for this session."), code="unregistered")
    if registration.status == SessionRegistration.Status.WAITLISTED:
        raise ValidationError(
            _("You are on the waiting list of this session: ask your trainer to take you in."),
            code="waitlisted",
        )
    with transaction.atomic():
        registration = SessionRegistration.objects.select_for_update().get(pk=registration.pk)
        if not registration.attended:
            registration.attended = True
            registration.attendance_marked_at = now
            registration.save(update_fields=["attended", "attendance_marked_at"])
            _evaluate_enrolments(session=session, trainee_ids=[trainee.pk])
    return registration


@transaction.atomic
def session_mark_attendance(
    *, session: ClassroomSession, trainer: User, attended_ids: Iterable[int]
) -> int:
    """Record who attended from the trainer's checklist; returns how many rows changed.

    ``attended_ids`` are trainee ids. Registered trainees not in it are marked absent; ids of
    trainees without a seat (cancelled meanwhile, waiting list) are ignored.
    """
    if not user_runs_session(user=trainer, session=session):
        raise PermissionDenied(_("Only the session's trainers take its attendance."))
    session = _lock(session)
    present = {int(pk) for pk in attended_ids}
    now = timezone.now()
    registered = session.registrations.filter(status=SessionRegistration.Status.REGISTERED)
    arrived = list(
        registered.filter(trainee_id__in=present, attended=False).values_list(
            "trainee_id", flat=True
        )
    )
    changed = registered.filter(trainee_id__in=arrived).update(
        attended=True, attendance_marked_at=now
    )
    changed += (
        registered.exclude(trainee_id__in=present)
        .filter(attended=True)
        .update(attended=False, attendance_marked_at=now)
    )
    _evaluate_enrolments(session=session, trainee_ids=arrived)
    logger.info("Session %s: attendance taken by %s (%s changes)", session.pk, trainer.pk, changed)
    return changed
