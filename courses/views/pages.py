"""Serving course and lesson pages with their access rules."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail import hooks

from .. import selectors, services
from ..completion import requirements_for
from ..models import ClassroomSession, Enrolment


def _course_panels(request, course, enrolment) -> list[str]:
    """The non-empty boxes other apps add to the course page (``liaison_course_panel``)."""
    panels = hooks.get_hooks("liaison_course_panel")
    return [html for panel in panels if (html := panel(request, course, enrolment))]


def course_serve(request, course):
    """The course overview: open to all; enrolled trainees also see where they stand."""
    enrolment = selectors.enrolment_of(user=request.user, course=course)
    outline = selectors.course_outline(course)
    progress = selectors.enrolment_progress(enrolment)
    lessons = [lesson for module in outline for lesson in module.lessons]
    completed = [
        lesson for lesson in lessons if progress.get(lesson.pk) and progress[lesson.pk].completed_at
    ]
    resume = next(
        (lesson for lesson in lessons if lesson.pk not in {c.pk for c in completed}), None
    )
    context = {
        "page": course,
        "self": course,
        "outline": outline,
        "enrolment": enrolment,
        "progress": progress,
        "completed_ids": {lesson.pk for lesson in completed},
        "percent": round(100 * len(completed) / len(lessons)) if lessons else 0,
        "resume_lesson": resume if enrolment and enrolment.gives_access else None,
        "requirements": requirements_for(enrolment)
        if enrolment and enrolment.status == Enrolment.Status.ACTIVE
        else [],
        "missing_prerequisites": selectors.course_missing_prerequisites(
            trainee=request.user, course=course
        )
        if request.user.is_authenticated and not enrolment
        else [],
        "sessions": ClassroomSession.objects.filter(course=course).order_by("starts_at"),
        "can_manage": selectors.user_manages_course(user=request.user, course=course),
        "panels": _course_panels(request, course, enrolment),
    }
    return TemplateResponse(request, course.get_template(request), context)


def lesson_serve(request, lesson):
    """A lesson: for trainees with access to its course, and for trainers and admins."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = selectors.course_of(lesson)
    preview = selectors.user_is_trainer(request.user)
    enrolment = selectors.enrolment_of(user=request.user, course=course)
    if enrolment is None or not enrolment.gives_access:
        if not preview:
            messages.info(request, _("Enrol in this course to open its lessons."))
            return redirect(course.url)
    else:
        gate = selectors.lesson_gate_url(request, course, enrolment)
        if gate:
            return redirect(gate)
        services.lesson_view(trainee=request.user, lesson=lesson)
    outline = selectors.course_outline(course)
    lessons = [item for module in outline for item in module.lessons]
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    if position is None and not preview:
        # Live itself, but its module is not: trainees cannot reach it.
        raise Http404
    progress = selectors.enrolment_progress(enrolment) if enrolment else {}
    is_completed = bool(progress.get(lesson.pk) and progress[lesson.pk].completed_at)
    context = {
        "page": lesson,
        "self": lesson,
        "course": course,
        "enrolment": enrolment,
        "is_preview": enrolment is None or not enrolment.gives_access,
        "is_completed": is_completed,
        # What keeps the trainee from finishing (a required exercise not passed yet): the
        # finish button waits for it, and the exercise's player updates both when passed.
        "missing": selectors.lesson_requirements_missing(enrolment, lesson)
        if enrolment and enrolment.gives_access and not is_completed
        else [],
        "previous_lesson": lessons[position - 1] if position else None,
        "next_lesson": lessons[position + 1]
        if position is not None and position + 1 < len(lessons)
        else None,
        "position": (position or 0) + 1,
        "lesson_count": len(lessons),
    }
    return TemplateResponse(request, lesson.get_template(request), context)
