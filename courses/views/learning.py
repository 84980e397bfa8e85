"""Trainee actions (enrol, leave, complete a lesson, my learning) and trainer approvals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import selectors, services
from ..models import CoursePage, Enrolment, LessonPage
from ..selectors import cohorts as cohort_selectors


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@require_POST
def enrol(request, course_id: int):
    """Enrol in an open course or ask to join an approval course."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        enrolment, changed = services.enrolment_enrol(trainee=request.user, course=course)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(course.url)
    if not changed:
        messages.info(request, _("You are already enrolled in this course."))
    elif enrolment.status == Enrolment.Status.PENDING:
        messages.success(request, _("Your request has been sent to the course's trainers."))
    else:
        messages.success(request, _("You are enrolled. Welcome to the course!"))
    return redirect(course.url)


@login_required
@require_POST
def withdraw(request, course_id: int):
    """Leave a course (progress is kept)."""
    enrolment = get_object_or_404(Enrolment, trainee=request.user, course_id=course_id)
    try:
        services.enrolment_withdraw(enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("You have left the course."))
    return redirect(enrolment.course.url)


@login_required
@require_POST
def lesson_complete(request, lesson_id: int):
    """The trainee confirms they finished a lesson."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        progress = services.lesson_complete(trainee=request.user, lesson=lesson)
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect(selectors.course_of(lesson).url)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect(lesson.url)
    enrolment = progress.enrolment
    enrolment.refresh_from_db(fields=["status"])
    if enrolment.status == Enrolment.Status.COMPLETED:
        messages.success(request, _("Congratulations: you have completed the course!"))
        return redirect(enrolment.course.url)
    messages.success(request, _("Lesson completed."))
    next_lesson = selectors.lesson_next_of(
        course=enrolment.course, lesson_id=request.POST.get("next_lesson")
    )
    return redirect(next_lesson.url if next_lesson else enrolment.course.url)


@login_required
@require_GET
def my_learning(request):
    """The trainee's courses in progress and completed, with progress bars."""
    enrolments = list(selectors.trainee_enrolments(request.user))
    counts = selectors.lesson_counts([enrolment.course.path for enrolment in enrolments])
    for enrolment in enrolments:
        total = counts.get(enrolment.course.path, 0)
        enrolment.lesson_total = total
        enrolment.percent = round(100 * enrolment.lessons_completed / total) if total else 0
    groups = {
        "in_progress": [e for e in enrolments if e.status == Enrolment.Status.ACTIVE],
        "pending": [e for e in enrolments if e.status == Enrolment.Status.PENDING],
        "completed": [e for e in enrolments if e.status == Enrolment.Status.COMPLETED],
        "withdrawn": [e for e in enrolments if e.status == Enrolment.Status.WITHDRAWN],
    }
    return render(request, "courses/my_learning.html", groups)


@login_required
@require_GET
def enrolment_requests(request):
    """Pending requests for the courses the trainer owns."""
    if not selectors.user_is_trainer(request.user):
        raise PermissionDenied
    pending = Enrolment.objects.filter(status=Enrolment.Status.PENDING).select_related(
        "trainee", "trainee__organisation", "course"
    )
    if not request.user.is_superuser:
        pending = pending.filter(course__trainers=request.user)
    return render(
        request, "courses/enrolment_requests.html", {"requests": pending.order_by("created_at")}
    )


@login_required
@require_POST
def enrolment_decide(request, enrolment_id: int):
    """Approve or refuse one request (other trainers' requests are not found, as their
    courses' progress pages)."""
    if not selectors.user_is_trainer(request.user):
        raise PermissionDenied
    enrolment = get_object_or_404(Enrolment, pk=enrolment_id)
    if not selectors.user_manages_course(user=request.user, course=enrolment.course):
        raise Http404
    approve = request.POST.get("decision") == "approve"
    try:
        services.enrolment_decide(enrolment=enrolment, trainer=request.user, approve=approve)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request,
            _("%(name)s is enrolled.") % {"name": enrolment.trainee}
            if approve
            else _("The request of %(name)s was refused.") % {"name": enrolment.trainee},
        )
    return redirect("courses:enrolment_requests")


@login_required
@require_GET
def course_progress(request, course_id: int):
    """Owning trainers and admins: every trainee's status per module in one course."""
    if not selectors.user_is_trainer(request.user):
        raise PermissionDenied
    course = get_object_or_404(CoursePage, pk=course_id)
    if not selectors.user_manages_course(user=request.user, course=course):
        raise Http404
    return render(
        request,
        "courses/course_progress.html",
        {"course": course, "progress": cohort_selectors.course_progress(course)},
    )
