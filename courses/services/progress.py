"""Progress events and the completion engine."""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User

from .. import defaults, selectors
from ..completion import requirements_for, rule_met, rule_record
from ..models import Enrolment, LessonPage, LessonProgress, ModuleCompletion
from ..signals import course_completed, lesson_completed

logger = logging.getLogger(__name__)


def _enrolment_for_lesson(*, trainee: User, lesson: LessonPage) -> Enrolment:
    course = selectors.course_of(lesson)
    enrolment = Enrolment.objects.filter(trainee=trainee, course=course).first()
    if enrolment is None or not enrolment.gives_access:
        raise PermissionDenied(_("Enrol in the course to study its lessons."))
    return enrolment


def lesson_view(*, trainee: User, lesson: LessonPage) -> LessonProgress:
    """Record that the trainee opened a lesson (and, the first time, that they started)."""
    enrolment = _enrolment_for_lesson(trainee=trainee, lesson=lesson)
    now = timezone.now()
    # The progress row and the enrolment's first view are written together. Within a request
    # (ATOMIC_REQUESTS) that is the request's transaction: no savepoint per lesson opened.
    with transaction.atomic(savepoint=False):
        progress, created = LessonProgress.objects.get_or_create(
            enrolment=enrolment,
            lesson=lesson,
            defaults={"first_viewed_at": now, "last_viewed_at": now},
        )
        if not created:
            LessonProgress.objects.filter(pk=progress.pk).update(last_viewed_at=now)
        enrolment_milestone_record(
            enrolment_id=enrolment.pk, milestone="first_viewed_at", at=now, last_activity_at=now
        )
    return progress


# What an enrolment reached and when, kept for the evaluation report (see Enrolment).
ENROLMENT_MILESTONES = ("first_viewed_at", "pre_test_at", "post_test_passed_at", "follow_up_at")


def enrolment_milestone_record(
    *, enrolment_id: int, milestone: str, at: datetime, **fields: Any
) -> None:
    """Keep when the enrolment first reached ``milestone`` (one of ``ENROLMENT_MILESTONES``):
    a later time never replaces the first. ``fields`` are written in the same update."""
    if milestone not in ENROLMENT_MILESTONES:
        raise ValueError(f"Not an enrolment milestone: {milestone}")
    Enrolment.objects.filter(pk=enrolment_id).update(
        **{milestone: Coalesce(milestone, Value(at))}, **fields
    )


def _module_completion_record(*, enrolment: Enrolment, lesson: LessonPage, now: datetime) -> None:
    """The module is done once its last required (live) lesson is: record it."""
    if not lesson.is_required:
        return
    required = LessonPage.objects.live().sibling_of(lesson).filter(is_required=True)
    done = LessonProgress.objects.filter(
        enrolment=enrolment, lesson__in=required, completed_at__isnull=False
    ).count()
    if done == required.count():
        ModuleCompletion.objects.get_or_create(
            enrolment=enrolment, module_id=lesson.get_parent().pk, defaults={"completed_at": now}
        )


@transaction.atomic
def lesson_complete(*, trainee: User, lesson: LessonPage) -> LessonProgress:
    """The trainee reached the end of a lesson and confirmed it; re-evaluate the course."""
    enrolment = _enrolment_for_lesson(trainee=trainee, lesson=lesson)
    now = timezone.now()
    progress = (
        LessonProgress.objects.select_for_update()
        .filter(enrolment=enrolment, lesson=lesson)
        .first()
    )
    if progress is None:
        raise ValidationError(_("Open the lesson and read it before marking it as finished."))
    newly_completed = progress.completed_at is None
    if newly_completed:
        missing = selectors.lesson_requirements_missing(enrolment, lesson)
        if missing:
            raise ValidationError(
                _("Finish this first: %(items)s") % {"items": "; ".join(missing)},
                code="lesson_requirements",
            )
        # Inside the transaction: what receivers enqueue commits (or rolls back) with it.
        lesson_completed.send(sender=LessonProgress, enrolment_id=enrolment.pk, lesson_id=lesson.pk)
        # Time since the lesson was opened, capped so a tab left open does not count.
        elapsed = min(
            now - progress.last_viewed_at, timedelta(seconds=defaults.MAX_COUNTED_VIEW_SECONDS)
        )
        progress.time_spent_seconds += int(elapsed.total_seconds())
        progress.completed_at = now
        progress.last_viewed_at = now
        progress.save(update_fields=["time_spent_seconds", "completed_at", "last_viewed_at"])
    # The update locks the enrolment's row until the commit: two lessons of one module
    # completed at once (two tabs) are then counted one after the other, and the second
    # count sees the first lesson done.
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=now)
    if newly_completed:
        _module_completion_record(enrolment=enrolment, lesson=lesson, now=now)
    enrolment_evaluate(enrolment_id=enrolment.pk)
    return progress


@transaction.atomic
def enrolment_evaluate(*, enrolment_id: int) -> Enrolment:
    """Complete the enrolment when its course's rule is met; idempotent.

    Called after every progress event. The row lock makes two simultaneous events complete
    the enrolment once, and ``course_completed`` is sent once, in the same transaction.
    """
    enrolment = (
        Enrolment.objects.select_for_update()
        .select_related("course", "trainee")
        .get(pk=enrolment_id)
    )
    if enrolment.status != Enrolment.Status.ACTIVE:
        return enrolment
    requirements = requirements_for(enrolment)
    if not rule_met(requirements):
        return enrolment
    enrolment.status = Enrolment.Status.COMPLETED
    enrolment.completed_at = timezone.now()
    enrolment.completion_rule = rule_record(
        requirements, course_revision=enrolment.course.live_revision_id
    )
    enrolment.save(update_fields=["status", "completed_at", "completion_rule"])
    logger.info("Enrolment %s completed", enrolment.pk)
    course_completed.send(sender=Enrolment, enrolment_id=enrolment.pk)
    return enrolment
