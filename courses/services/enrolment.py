"""Enrolling, requesting, approving and withdrawing."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import selectors
from ..models import CoursePage, Enrolment, EnrolmentMode, LessonProgress, ModuleCompletion
from .progress import enrolment_evaluate

logger = logging.getLogger(__name__)


def _check_prerequisites(*, trainee: User, course: CoursePage) -> None:
    missing = selectors.course_missing_prerequisites(trainee=trainee, course=course)
    if missing:
        titles = ", ".join(f"“{title}”" for title in missing)
        raise ValidationError(
            _("Complete %(courses)s before enrolling in this course.") % {"courses": titles},
            code="prerequisites",
        )


def enrolment_enrol(*, trainee: User, course: CoursePage) -> tuple[Enrolment, bool]:
    """Enrol a trainee in an open course, or file their request for an approval course.

    Returns the enrolment and whether anything changed; enrolling twice changes nothing.
    """
    if not course.live:
        raise ValidationError(_("This course is not published."), code="unpublished")
    if course.enrolment_mode == EnrolmentMode.COHORT:
        raise ValidationError(
            _("This course is open to cohorts only: ask your trainer to enrol you."),
            code="cohort_only",
        )
    existing = Enrolment.objects.filter(trainee=trainee, course=course).first()
    if existing and existing.status in (
        Enrolment.Status.ACTIVE,
        Enrolment.Status.COMPLETED,
        Enrolment.Status.PENDING,
    ):
        return existing, False
    _check_prerequisites(trainee=trainee, course=course)

    now = timezone.now()
    is_open = course.enrolment_mode == EnrolmentMode.OPEN
    values = {
        "status": Enrolment.Status.ACTIVE if is_open else Enrolment.Status.PENDING,
        "source": Enrolment.Source.SELF if is_open else Enrolment.Source.APPROVAL,
        "created_at": now,
        "activated_at": now if is_open else None,
        "withdrawn_at": None,
        "decided_by": None,
    }
    try:
        with transaction.atomic():
            enrolment, _created = Enrolment.objects.update_or_create(
                trainee=trainee, course=course, defaults=values
            )
    except IntegrityError:
        # A second request (double click, two tabs) created it first: that one stands.
        return Enrolment.objects.get(trainee=trainee, course=course), False
    logger.info("Enrolment %s: %s", enrolment.pk, enrolment.status)
    if enrolment.status == Enrolment.Status.ACTIVE:
        # Progress kept from an earlier enrolment may already meet the rule.
        enrolment = enrolment_evaluate(enrolment_id=enrolment.pk)
    return enrolment, True


def enrolment_decide(*, enrolment: Enrolment, trainer: User, approve: bool) -> Enrolment:
    """A course's trainer accepts or refuses a pending enrolment request."""
    if not selectors.user_manages_course(user=trainer, course=enrolment.course):
        raise PermissionDenied(_("Only the course's trainers decide on its enrolments."))
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status != Enrolment.Status.PENDING:
            raise ValidationError(_("This request has already been decided."), code="decided")
        if approve:
            _check_prerequisites(trainee=enrolment.trainee, course=enrolment.course)
        now = timezone.now()
        enrolment.status = Enrolment.Status.ACTIVE if approve else Enrolment.Status.REJECTED
        enrolment.activated_at = now if approve else None
        enrolment.decided_by = trainer
        enrolment.save(update_fields=["status", "activated_at", "decided_by"])
        if approve:
            enrolment = enrolment_evaluate(enrolment_id=enrolment.pk)
    return enrolment


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment) -> Enrolment:
    """The trainee leaves a course; their progress is kept should they come back."""
    # Re-read under a lock: a completion that just happened must not be overwritten.
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status not in (Enrolment.Status.ACTIVE, Enrolment.Status.PENDING):
        raise ValidationError(_("You can only leave a course you are following."), code="status")
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.withdrawn_at = timezone.now()
    enrolment.save(update_fields=["status", "withdrawn_at"])
    return enrolment


@transaction.atomic
def enrolment_renew(*, enrolment: Enrolment) -> Enrolment:
    """Start a completed course again (recertification): lessons must be completed anew.

    The enrolment becomes active, its completion is cleared and so are its lessons' and modules'
    completions; completing the course again sends ``course_completed`` again. Whether the
    trainee may renew is decided by the caller (the certificates app).
    """
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status != Enrolment.Status.COMPLETED:
        raise ValidationError(_("Only a completed course can be started again."), code="status")
    enrolment.status = Enrolment.Status.ACTIVE
    enrolment.completed_at = None
    enrolment.completion_rule = None
    enrolment.save(update_fields=["status", "completed_at", "completion_rule"])
    LessonProgress.objects.filter(enrolment=enrolment).update(completed_at=None)
    ModuleCompletion.objects.filter(enrolment=enrolment).delete()
    logger.info("Enrolment %s started again", enrolment.pk)
    return enrolment
