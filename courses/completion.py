"""The completion rule as explicit, extensible data.

A course's rule is the list of requirements that the ``liaison_completion_requirement`` hooks
return for an enrolment (see cms.hooks). Courses contributes required lessons and attended
sessions; the assessments app adds its post-test the same way.
"""

from dataclasses import asdict, dataclass

from django.db.models import Q
from django.utils.translation import ngettext
from wagtail import hooks

from .models import Enrolment, LessonProgress, SessionRegistration
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


def required_lessons(enrolment: Enrolment) -> list[Requirement]:
    """The course's required lessons the trainee can reach, and which are still to do."""
    # The lessons a trainee can reach: live, in a live module (as the course page lists them).
    lessons = [
        (lesson.pk, lesson.title)
        for module in course_outline(enrolment.course)
        for lesson in module.lessons
        if lesson.is_required
    ]
    if not lessons:
        return []
    completed = set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )
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
