"""Reads about cohorts: who manages which, their members, and the members' progress."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from accounts import roles
from accounts.models import User

from ..models import Cohort, CoursePage, Enrolment, LessonProgress, ModulePage
from . import course_outline, user_manages_course

# A cohort's members are the trainees it enrolled who still follow or finished the course.
MEMBER_STATUSES = (Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED)


def cohorts_managed_by(user: User) -> QuerySet[Cohort]:
    """Cohorts the user leads or whose course they own (admins: all), with member counts."""
    cohorts = Cohort.objects.all()
    if not user.is_superuser:
        cohorts = cohorts.filter(Q(trainers=user) | Q(course__trainers=user))
    # Filtering through two multi-valued relations repeats rows: count from a clean subquery.
    return (
        Cohort.objects.filter(pk__in=cohorts.values("pk"))
        .select_related("course", "organisation")
        .annotate(
            member_count=Count("enrolments", filter=Q(enrolments__status__in=MEMBER_STATUSES))
        )
        .order_by("-created_at", "pk")
    )


def user_manages_cohort(*, user: User, cohort: Cohort) -> bool:
    """Admins, the cohort's trainers and its course's owning trainers."""
    if not user.is_authenticated:
        return False
    return (
        user.is_superuser
        or cohort.trainers.filter(pk=user.pk).exists()
        or user_manages_course(user=user, course=cohort.course)
    )


def courses_managed_by(user: User) -> QuerySet[CoursePage]:
    """Courses the user may create cohorts for: those they own (admins: all)."""
    courses = CoursePage.objects.all()
    if not user.is_superuser:
        courses = courses.filter(trainers=user)
    return courses.order_by("title")


def active_users() -> QuerySet[User]:
    """People who can be enrolled: active accounts, never erased ones."""
    return User.objects.filter(is_active=True, erased_at__isnull=True)


def trainer_users() -> QuerySet[User]:
    """Active members of the Trainers group, who may lead a cohort."""
    return active_users().filter(groups__name=roles.TRAINERS).order_by("full_name", "email")


def cohort_members(cohort: Cohort) -> QuerySet[Enrolment]:
    """The cohort's member enrolments with their trainees, by name."""
    return (
        Enrolment.objects.filter(cohort=cohort, status__in=MEMBER_STATUSES)
        .select_related("trainee", "trainee__organisation")
        .order_by("trainee__full_name", "trainee__email")
    )


def cohort_candidates(*, cohort: Cohort, query: str, limit: int = 20) -> QuerySet[User]:
    """Active trainees matching a name or email search who are not yet members.

    Only trainees: a trainer building a cohort has no reason to browse staff accounts.
    """
    members = Enrolment.objects.filter(cohort=cohort, status__in=MEMBER_STATUSES)
    return (
        active_users()
        .filter(groups__name=roles.TRAINEES)
        .filter(Q(email__icontains=query) | Q(full_name__icontains=query))
        .exclude(pk__in=members.values("trainee_id"))
        .order_by("full_name", "email")[:limit]
    )


class ModuleStatus(models.TextChoices):
    """Where a member stands in one module, as the progress table shows it."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


@dataclass
class MemberProgress:
    """One row of the progress table: a member, their status per module, their last activity."""

    enrolment: Enrolment
    statuses: list[ModuleStatus] = field(default_factory=list)

    @property
    def trainee(self) -> User:
        return self.enrolment.trainee

    @property
    def last_activity_at(self) -> datetime | None:
        return self.enrolment.last_activity_at


@dataclass
class CohortProgress:
    """The members × modules table of a cohort."""

    modules: list[ModulePage]
    rows: list[MemberProgress]


def cohort_progress(cohort: Cohort) -> CohortProgress:
    """Each member's status in each live module of the course (four queries, any size)."""
    return progress_table(course=cohort.course, enrolments=cohort_members(cohort))


def course_progress(course: CoursePage) -> CohortProgress:
    """The same table for every trainee following the course, cohort or not."""
    enrolments = (
        Enrolment.objects.filter(course=course, status__in=MEMBER_STATUSES)
        .select_related("trainee")
        .order_by("trainee__full_name", "trainee__email")
    )
    return progress_table(course=course, enrolments=enrolments)


def progress_table(*, course: CoursePage, enrolments: QuerySet[Enrolment]) -> CohortProgress:
    """Members × modules for the given enrolments of a course (a fixed number of queries)."""
    outline = course_outline(course)
    members = list(enrolments)
    lesson_ids = [lesson.pk for module in outline for lesson in module.lessons]
    # (enrolment id, lesson id) → completed?, for every lesson the members opened.
    seen: dict[tuple[int, int], bool] = {
        (enrolment_id, lesson_id): completed_at is not None
        for enrolment_id, lesson_id, completed_at in LessonProgress.objects.filter(
            enrolment__in=[member.pk for member in members],
            lesson_id__in=lesson_ids,
        ).values_list("enrolment_id", "lesson_id", "completed_at")
    }
    rows = []
    for enrolment in members:
        statuses = []
        for module in outline:
            keys = [(enrolment.pk, lesson.pk) for lesson in module.lessons]
            if keys and all(seen.get(key) for key in keys):
                statuses.append(ModuleStatus.DONE)
            elif any(key in seen for key in keys):
                statuses.append(ModuleStatus.IN_PROGRESS)
            else:
                statuses.append(ModuleStatus.NOT_STARTED)
        rows.append(MemberProgress(enrolment=enrolment, statuses=statuses))
    return CohortProgress(modules=[module.module for module in outline], rows=rows)
