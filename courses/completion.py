"""The completion rule as explicit, extensible data.

A course's rule is the list of requirements that the ``liaison_completion_requirement`` hooks
return for an enrolment (see cms.hooks). Courses contributes required lessons and attended
sessions; the assessments app adds its post-test the same way.
"""

from collections.abc import Container
from dataclasses import asdict, dataclass

from django.db.models import Q
from django.utils.translation import ngettext
from wagtail import hooks

from .models import CoursePage, Enrolment, LessonProgress, SessionRegistration
from .selectors import course_outline


@dataclass(frozen=True)
class Requirement:
    """One condition of a course's completion rule, as it stands for one trainee."""

    key: str
    description: str
    done: int
    total: int
    missing: tuple[str, ...] = ()

    @property
    def met(self) -> bool:
        return self.done >= self.total

    def as_dict(self) -> dict:
        return {**asdict(self), "missing": list(self.missing), "met": self.met}


def requirements_for(enrolment: Enrolment) -> list[Requirement]:
    """Every requirement of the enrolment's course, evaluated for its trainee."""
    return [
        requirement
        for check in hooks.get_hooks("liaison_completion_requirement")
        for requirement in check(enrolment)
    ]


def rule_met(requirements: list[Requirement]) -> bool:
    """A rule is met once it has requirements and every one of them is met."""
    return bool(requirements) and all(requirement.met for requirement in requirements)


def rule_record(requirements: list[Requirement], *, course_revision: int | None) -> dict:
    """The rule as a completed enrolment keeps it (``Enrolment.completion_rule``)."""
    return {
        "course_revision": course_revision,
        "requirements": [requirement.as_dict() for requirement in requirements],
    }


def required_lessons(enrolment: Enrolment) -> list[Requirement]:
    """The course's required lessons the trainee can reach, and which are still to do."""
    lessons = course_required_lessons(enrolment.course)
    if not lessons:
        return []
    completed = set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )
    return lessons_requirement(lessons, completed)


def course_required_lessons(course: CoursePage) -> list[tuple[int, str]]:
    """``(pk, title)`` of the required lessons a trainee can reach: live, in a live module
    (as the course page lists them)."""
    return [
        (lesson.pk, lesson.title)
        for module in course_outline(course)
        for lesson in module.lessons
        if lesson.is_required
    ]


def lessons_requirement(
    lessons: list[tuple[int, str]], completed: Container[int]
) -> list[Requirement]:
    """The required ``lessons`` (pk, title) against the pks of the lessons completed; no query."""
    if not lessons:
        return []
    missing = tuple(title for pk, title in lessons if pk not in completed)
    total = len(lessons)
    return [
        Requirement(
            key="lessons",
            description=ngettext(
                "Complete the required lesson.", "Complete the %(total)d required lessons.", total
            )
            % {"total": total},
            done=total - len(missing),
            total=total,
            missing=missing,
        )
    ]


def attended_sessions(enrolment: Enrolment) -> list[Requirement]:
    """The classroom sessions the course asks the trainee to attend."""
    required = enrolment.course.required_sessions
    if not required:
        return []
    attended = SessionRegistration.objects.filter(
        Q(session__course=enrolment.course), trainee=enrolment.trainee, attended=True
    ).count()
    return sessions_requirement(required, attended)


def sessions_requirement(required: int, attended: int) -> list[Requirement]:
    """``required`` classroom sessions against the number attended; no query."""
    if not required:
        return []
    return [
        Requirement(
            key="sessions",
            description=ngettext(
                "Attend a classroom session.", "Attend %(total)d classroom sessions.", required
            )
            % {"total": required},
            done=min(attended, required),
            total=required,
            missing=(
                (
                    ngettext(
                        "%(count)d more session", "%(count)d more sessions", required - attended
                    )
                    % {"count": required - attended},
                )
                if attended < required
                else ()
            ),
        )
    ]
