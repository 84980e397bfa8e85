"""Statements from the player become results, and passing results finish lessons."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from courses import selectors as course_selectors
from courses import services as course_services
from courses.models import Enrolment, LessonPage, LessonProgress

from ..models import H5PContent, H5PResult
from ..xapi.services import statements_receive_from_session


@dataclass(frozen=True)
class ExerciseBlock:
    """An H5P block of a lesson: which content, whether it is required, the pass score."""

    block_id: str
    content: H5PContent
    required: bool
    pass_scaled: Decimal


def content_iri(content: H5PContent) -> str:
    """The content's canonical URL: the xAPI object id the player reports against."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("h5p_content_iri:content", args=[content.uuid])


def lesson_exercises(lesson: LessonPage) -> list[ExerciseBlock]:
    """The lesson's H5P blocks whose content still exists, in page order."""
    return [
        ExerciseBlock(
            block_id=block.id,
            content=block.value["content"],
            required=bool(block.value["required"]),
            pass_scaled=Decimal(str(block.value["pass_scaled"])),
        )
        for block in lesson.body
        if block.block_type == "h5p" and block.value["content"] is not None
    ]


def lesson_exercise(lesson: LessonPage, block_id: str) -> ExerciseBlock | None:
    return next((b for b in lesson_exercises(lesson) if b.block_id == block_id), None)


def exercises_missing(enrolment: Enrolment, lesson: LessonPage) -> list[str]:
    """Required exercises of the lesson the trainee has not passed yet (titles)."""
    required = [block for block in lesson_exercises(lesson) if block.required]
    if not required:
        return []
    best = dict(
        H5PResult.objects.filter(
            trainee_id=enrolment.trainee_id, content__in=[b.content for b in required]
        ).values_list("content_id", "best_scaled")
    )
    return [
        _("pass the exercise “%(title)s”") % {"title": block.content.title}
        for block in required
        if best.get(block.content.pk, Decimal("-1")) < block.pass_scaled
    ]


def _score(statement) -> tuple[Decimal, bool | None, bool] | None:
    result = statement.result or {}
    scaled = (result.get("score") or {}).get("scaled")
    if scaled is None:
        return None
    return Decimal(str(scaled)).quantize(Decimal("0.0001")), result.get("success"), bool(
        result.get("completion")
    )


@dataclass(frozen=True)
class PlayerIntake:
    """What a batch from the player changed: the result, and where the lesson now stands
    (the lesson page updates its finish button from this without a reload)."""

    result: H5PResult | None
    lesson_completed: bool
    missing: list[str]


def player_statements_receive(
    *, trainee: User, lesson: LessonPage, block_id: str, statements: list[dict]
) -> PlayerIntake:
    """Store the player's statements; the content's own scored ones update the result.

    Only statements about the content itself count (``object.id`` equal to its canonical
    URL); those about its parts (``?subContentId=…``) are kept but score nothing. The best
    scaled score is kept. When every required exercise of the lesson is passed, the lesson
    is completed through ``courses.services``.
    """
    enrolment = course_selectors.enrolment_of(
        user=trainee, course=course_selectors.course_of(lesson)
    )
    if enrolment is None or not enrolment.gives_access:
        raise PermissionDenied(_("Enrol in the course to play its exercises."))
    exercise = lesson_exercise(lesson, block_id)
    if exercise is None:
        raise ValidationError(_("This exercise is not part of the lesson."), code="exercise")
    with transaction.atomic():
        stored = statements_receive_from_session(user=trainee, statements=statements)
        iri = content_iri(exercise.content)
        scores = [score for s in stored if s.object_id == iri and (score := _score(s))]
        result = (
            _result_update(trainee=trainee, content=exercise.content, scores=scores)
            if scores
            else None
        )
    if result and exercise.required and result.best_scaled >= exercise.pass_scaled:
        _lesson_complete_if_done(enrolment=enrolment, lesson=lesson)
    completed = LessonProgress.objects.filter(
        enrolment=enrolment, lesson=lesson, completed_at__isnull=False
    ).exists()
    missing = [] if completed else course_selectors.lesson_requirements_missing(enrolment, lesson)
    return PlayerIntake(result=result, lesson_completed=completed, missing=missing)


def _result_update(*, trainee: User, content: H5PContent, scores: list) -> H5PResult:
    now = timezone.now()
    best = max(score for score, _success, _completed in scores)
    last, success, completed = scores[-1]
    result, created = H5PResult.objects.select_for_update().get_or_create(
        trainee=trainee,
        content=content,
        defaults={
            "best_scaled": best,
            "last_scaled": last,
            "success": success,
            "completed": completed,
            "attempts": len(scores),
            "first_at": now,
            "updated_at": now,
        },
    )
    if not created:
        result.best_scaled = max(result.best_scaled, best)
        result.last_scaled = last
        if success is not None:
            # Once passed, a later lower score does not take the success away (best is kept).
            result.success = bool(result.success) or success
        result.completed = result.completed or completed
        result.attempts += len(scores)
        result.updated_at = now
        result.save()
    return result


def _lesson_complete_if_done(*, enrolment: Enrolment, lesson: LessonPage) -> None:
    progress = LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson).first()
    if progress is not None and progress.completed_at is not None:
        return
    if exercises_missing(enrolment, lesson):
        return
    if progress is None:
        course_services.lesson_view(trainee=enrolment.trainee, lesson=lesson)
    course_services.lesson_complete(trainee=enrolment.trainee, lesson=lesson)
