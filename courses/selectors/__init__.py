"""Reads shared by the course views, the completion engine and other apps."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from wagtail import hooks

from accounts import roles
from accounts.models import User

from ..models import (
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
    SessionRegistration,
)

# Page ids are PostgreSQL integers: a larger number would fail the query.
_LARGEST_ID = 2**31 - 1


def course_of(page) -> CoursePage:
    """The course a module or lesson belongs to."""
    return CoursePage.objects.ancestor_of(page, inclusive=True).get()


def user_is_trainer(user: User) -> bool:
    """Trainers and admins may preview every course."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_liaison_is_trainer", None)
    if cached is None:
        cached = user.groups.filter(name=roles.TRAINERS).exists()
        user._liaison_is_trainer = cached
    return cached


def user_manages_course(*, user: User, course: CoursePage) -> bool:
    """Admins and the course's owning trainers."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or course.trainers.filter(pk=user.pk).exists()


def course_missing_prerequisites(*, trainee: User, course: CoursePage) -> list[str]:
    """Titles of the prerequisite courses the trainee has not completed."""
    completed = Enrolment.objects.filter(trainee=trainee, status=Enrolment.Status.COMPLETED).values(
        "course_id"
    )
    return list(
        course.prerequisites.exclude(pk__in=completed)
        .order_by("title")
        .values_list("title", flat=True)
    )


@dataclass
class ModuleOutline:
    module: ModulePage
    lessons: list[LessonPage] = field(default_factory=list)


def course_outline(course: CoursePage) -> list[ModuleOutline]:
    """The course's live modules with their live lessons, in tree order (two queries)."""
    modules = {
        module.path: ModuleOutline(module)
        for module in ModulePage.objects.child_of(course).live().order_by("path")
    }
    lessons = LessonPage.objects.descendant_of(course).live().order_by("path")
    for lesson in lessons.only(
        "id",
        "title",
        "path",
        "depth",
        "estimated_minutes",
        "is_required",
        "url_path",
        "slug",
        "locale_id",
    ):
        outline = modules.get(lesson.path[: -LessonPage.steplen])
        if outline:
            outline.lessons.append(lesson)
    return list(modules.values())


def enrolment_of(*, user: User, course: CoursePage) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(trainee=user, course=course).first()


def lesson_gate_url(request, course: CoursePage, enrolment: Enrolment) -> str | None:
    """The first page the trainee must visit before any lesson (``liaison_lesson_gate``)."""
    gates = hooks.get_hooks("liaison_lesson_gate")
    return next((url for gate in gates if (url := gate(request, course, enrolment))), None)


def lesson_requirements_missing(enrolment: Enrolment, lesson: LessonPage) -> list[str]:
    """What the trainee must still do before finishing the lesson, as phrases to list
    (``liaison_lesson_requirement``: passing its required exercises, for one)."""
    return [
        item
        for requirement in hooks.get_hooks("liaison_lesson_requirement")
        for item in requirement(enrolment, lesson)
    ]


def lesson_reachable(*, lesson: LessonPage, course: CoursePage) -> bool:
    """The lesson and every page between it and its course are live (trainees reach it)."""
    return lesson.live and not (
        lesson.get_ancestors().filter(depth__gte=course.depth, live=False).exists()
    )


def lesson_next_of(*, course: CoursePage, lesson_id: str | None) -> LessonPage | None:
    """The live lesson of the course a form names as the next one; None for anything else
    (not a number, another course's lesson, a draft): a bad value never fails a request."""
    if not lesson_id or not lesson_id.isascii() or not lesson_id.isdigit():
        return None
    if int(lesson_id) > _LARGEST_ID:
        return None
    return LessonPage.objects.live().descendant_of(course).filter(pk=int(lesson_id)).first()


def enrolment_progress(enrolment: Enrolment | None) -> dict[int, LessonProgress]:
    """The trainee's progress in each lesson of the enrolment's course, by lesson id."""
    if enrolment is None:
        return {}
    return {progress.lesson_id: progress for progress in enrolment.lesson_progress.all()}


def trainee_enrolments(user: User) -> QuerySet[Enrolment]:
    """The trainee's current and finished enrolments, newest activity first."""
    return (
        Enrolment.objects.filter(trainee=user)
        .exclude(status__in=[Enrolment.Status.REJECTED])
        .select_related("course")
        .annotate(
            lessons_completed=Count(
                "lesson_progress",
                filter=Q(lesson_progress__completed_at__isnull=False),
            )
        )
        .order_by("-last_activity_at", "-created_at")
    )


def lesson_counts(course_paths: list[str]) -> dict[str, int]:
    """Number of live lessons under each course path (one query for all courses)."""
    if not course_paths:
        return {}
    query = Q()
    for path in course_paths:
        query |= Q(path__startswith=path)
    counts = dict.fromkeys(course_paths, 0)
    for path in LessonPage.objects.live().filter(query).values_list("path", flat=True):
        for course_path in course_paths:
            if path.startswith(course_path):
                counts[course_path] += 1
    return counts


def trainee_learning_data(user: User) -> dict[str, Any]:
    """Everything the courses app stores about a trainee, for the personal-data export."""
    enrolments = Enrolment.objects.filter(trainee=user).select_related("course", "cohort")
    progress = LessonProgress.objects.filter(enrolment__trainee=user).select_related(
        "lesson", "enrolment"
    )
    modules = ModuleCompletion.objects.filter(enrolment__trainee=user).select_related("module")
    registrations = SessionRegistration.objects.filter(trainee=user).select_related("session")
    return {
        "enrolments": [
            {
                "course": enrolment.course.title,
                "status": enrolment.status,
                "source": enrolment.source,
                "cohort": enrolment.cohort.name if enrolment.cohort else None,
                "created_at": enrolment.created_at,
                "activated_at": enrolment.activated_at,
                "first_lesson_opened_at": enrolment.first_viewed_at,
                "pre_test_taken_at": enrolment.pre_test_at,
                "post_test_passed_at": enrolment.post_test_passed_at,
                "follow_up_answered_at": enrolment.follow_up_at,
                "completed_at": enrolment.completed_at,
                "withdrawn_at": enrolment.withdrawn_at,
            }
            for enrolment in enrolments
        ],
        "lesson_progress": [
            {
                "lesson": item.lesson.title,
                "first_viewed_at": item.first_viewed_at,
                "completed_at": item.completed_at,
                "time_spent_seconds": item.time_spent_seconds,
            }
            for item in progress
        ],
        "modules_completed": [
            {"module": item.module.title, "completed_at": item.completed_at} for item in modules
        ],
        "classroom_sessions": [
            {
                "session": registration.session.title,
                "starts_at": registration.session.starts_at,
                "status": registration.status,
                "attended": registration.attended,
            }
            for registration in registrations
        ],
    }
