"""Where each trainee left each exercise: the player's saved state, restored on return."""

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from courses import selectors as course_selectors
from courses.models import LessonPage

from .. import defaults
from ..models import H5PUserState
from .results import lesson_exercise


def user_state_save(*, trainee: User, lesson: LessonPage, block_id: str, state: str) -> None:
    """Keep ``state`` (H5P's JSON, as the player gave it) as the trainee's latest.

    An empty state forgets the saved one (the trainee started the exercise over). Only
    enrolled trainees save; the state must be a JSON object or list within the size cap.
    """
    enrolment = course_selectors.enrolment_of(
        user=trainee, course=course_selectors.course_of(lesson)
    )
    if enrolment is None or not enrolment.gives_access:
        raise PermissionDenied(_("Enrol in the course to play its exercises."))
    exercise = lesson_exercise(lesson, block_id)
    if exercise is None:
        raise ValidationError(_("This exercise is not part of the lesson."), code="exercise")
    if not state:
        H5PUserState.objects.filter(trainee=trainee, content=exercise.content).delete()
        return
    if len(state.encode()) > defaults.MAX_STATE_BYTES:
        raise ValidationError(
            _("The saved state is larger than %(kib)s KiB.")
            % {"kib": defaults.MAX_STATE_BYTES // 1024},
            code="state_size",
        )
    try:
        parsed = json.loads(state)
    except (ValueError, RecursionError):
        parsed = None
    if not isinstance(parsed, dict | list):
        raise ValidationError(_("The saved state is not a JSON object."), code="state_json")
    H5PUserState.objects.update_or_create(
        trainee=trainee,
        content=exercise.content,
        defaults={"state": state, "updated_at": timezone.now()},
    )


def user_states_forget(*, trainee: User) -> None:
    """An erased account's saved states go: they may hold its free-text answers."""
    H5PUserState.objects.filter(trainee=trainee).delete()
