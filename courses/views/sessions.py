"""Classroom sessions: trainees sign up and check in; trainers plan them and take attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import selectors
from ..forms import AttendanceForm, CheckInForm, SessionForm
from ..models import ClassroomSession, SessionRegistration
from ..selectors import sessions as session_selectors
from ..services import sessions as session_services
from .learning import _error_text


def _back(request, session: ClassroomSession):
    """Back to the page the form came from (when it is ours), else to the course page."""
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(session.course.url)


def _session_run_by(request, session_id: int) -> ClassroomSession:
    """The session, when the user runs it: 403 for non-trainers, 404 for other trainers."""
    if not selectors.user_is_trainer(request.user):
        raise PermissionDenied
    sessions = session_selectors.sessions_run_by(request.user)
    return get_object_or_404(sessions.select_related("course", "cohort", "trainer"), pk=session_id)


@login_required
@require_GET
def session_mine(request):
    """The sessions the trainee may join, with their seat or place on the waiting list."""
    sessions = session_selectors.trainee_upcoming_sessions(request.user)
    return render(request, "courses/sessions/mine.html", {"sessions": sessions})


@login_required
@require_POST
def session_register(request, session_id: int):
    """Sign up for a session; a full session puts the trainee on its waiting list."""
    session = get_object_or_404(ClassroomSession.objects.select_related("course"), pk=session_id)
    try:
        registration, changed = session_services.session_register(
            session=session, trainee=request.user
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return _back(request, session)
    if not changed:
        messages.info(request, _("You are already signed up for this session."))
    elif registration.status == SessionRegistration.Status.WAITLISTED:
        messages.warning(
            request,
            _("This session is full: you are on its waiting list until a seat frees up."),
        )
    else:
        messages.success(request, _("You have a seat in “%(title)s”.") % {"title": session.title})
    return _back(request, session)


@login_required
@require_POST
def session_cancel(request, session_id: int):
    """Give up one's seat or place on the waiting list."""
    registration = get_object_or_404(
        SessionRegistration.objects.select_related("session__course"),
        session_id=session_id,
        trainee=request.user,
    )
    try:
        session_services.session_cancel(registration=registration)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return _back(request, registration.session)


@login_required
@require_http_methods(["GET", "POST"])
def session_check_in(request):
    """The trainee types the code shown in the classroom."""
    form = CheckInForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = session_services.session_check_in(
                trainee=request.user, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            session = registration.session
            messages.success(
                request,
                _("Welcome! Your attendance at “%(title)s” is recorded.")
                % {"title": session.title},
            )
            return redirect(session.course.url)
    return render(request, "courses/sessions/check_in.html", {"form": form})


@login_required
@require_GET
def session_list(request):
    """The trainer's sessions: those they lead and those of the courses they own."""
    if not selectors.user_is_trainer(request.user):
        raise PermissionDenied
    sessions = session_selectors.sessions_with_seats(
        session_selectors.sessions_run_by(request.user)
    ).order_by("starts_at")
    now = timezone.now()
    upcoming = [session for session in sessions if session.ends_at > now]
    past = [session for session in sessions if session.ends_at <= now][::-1]
    return render(request, "courses/sessions/list.html", {"upcoming": upcoming, "past": past})


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request):
    """Plan a session of a course the trainer owns."""
    if not selectors.user_is_trainer(request.user):
        raise PermissionDenied
    choices = session_selectors.session_planning_choices(request.user)
    form = SessionForm(
        request.POST if request.method == "POST" else None,
        initial={"trainer": request.user.pk, "course": request.GET.get("course")},
        **choices,
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = session_services.session_create(**form.cleaned_data, created_by=request.user)
        except PermissionDenied as error:
            form.add_error("course", str(error))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The session is planned."))
            return redirect("courses:session_attendance", session_id=session.pk)
    return render(request, "courses/sessions/form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def session_attendance(request, session_id: int):
    """The trainer's page of a session: attendance checklist, waiting list, check-in."""
    session = _session_run_by(request, session_id)
    registrations = list(
        session.registrations.exclude(status=SessionRegistration.Status.CANCELLED)
        .select_related("trainee", "trainee__organisation")
        .order_by("registered_at", "pk")
    )
    seated = [r for r in registrations if r.status == SessionRegistration.Status.REGISTERED]
    form = AttendanceForm(request.POST if request.method == "POST" else None, registrations=seated)
    if request.method == "POST" and form.is_valid():
        session_services.session_mark_attendance(
            session=session, trainer=request.user, attended_ids=form.cleaned_data["attended"]
        )
        messages.success(request, _("Attendance saved."))
        return redirect("courses:session_attendance", session_id=session.pk)
    context = {
        "session": session,
        "form": form,
        "seated": seated,
        "waiting": [r for r in registrations if r.status == SessionRegistration.Status.WAITLISTED],
    }
    return render(request, "courses/sessions/attendance.html", context)


@login_required
@require_POST
def session_open_check_in(request, session_id: int):
    """Show a fresh check-in code for the session."""
    session = _session_run_by(request, session_id)
    session_services.session_open_check_in(session=session, trainer=request.user)
    return redirect("courses:session_code", session_id=session.pk)


@login_required
@require_GET
def session_code(request, session_id: int):
    """The check-in code in large text, to show on the classroom screen."""
    session = _session_run_by(request, session_id)
    context = {
        "session": session,
        "is_open": bool(
            session.check_in_open_until and session.check_in_open_until > timezone.now()
        ),
        "check_in_url": request.build_absolute_uri(reverse("courses:session_check_in")),
    }
    return render(request, "courses/sessions/code.html", context)
