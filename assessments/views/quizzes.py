"""Taking a quiz (start, save as you go, check, submit, result) and trainers' quiz pages."""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from courses.selectors import enrolment_of, user_is_trainer, user_manages_course

from .. import services
from ..models import Attempt, Quiz
from ..selectors import quizzes as selectors


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _course_url(quiz: Quiz) -> str:
    return quiz.course.url if quiz.course_id and quiz.course.live else "/"


def _own_attempt(request, attempt_id: int) -> Attempt:
    """The trainee's own attempt; anyone else's is 404, as if it did not exist."""
    return get_object_or_404(
        Attempt.objects.select_related("quiz", "quiz__course"),
        pk=attempt_id,
        trainee=request.user,
    )


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _live_quizzes():
    # A quiz never published (waiting for its first review) is not there for trainees.
    return Quiz.objects.filter(live=True).select_related("course")


@login_required
@require_GET
def quiz_detail(request, quiz_id: int):
    """The quiz's rules, the trainee's attempts so far and the button to start or resume."""
    quiz = get_object_or_404(_live_quizzes(), pk=quiz_id)
    if quiz.course_id is None:
        raise Http404
    enrolment = enrolment_of(user=request.user, course=quiz.course)
    manages = user_manages_course(user=request.user, course=quiz.course)
    if (enrolment is None or not enrolment.gives_access) and not manages:
        messages.info(request, _("Enrol in the course to take this quiz."))
        return redirect(_course_url(quiz))
    standing = selectors.quiz_standing(quiz=quiz, trainee=request.user)
    locked_reason = ""
    if quiz.purpose == Quiz.Purpose.POST_TEST and enrolment and enrolment.status == "active":
        missing = services.lessons_missing(enrolment)
        if missing:
            locked_reason = _("Complete these lessons first: %(lessons)s") % {
                "lessons": ", ".join(missing)
            }
    return render(
        request,
        "assessments/quiz_detail.html",
        {
            "quiz": quiz,
            "standing": standing,
            "enrolment": enrolment,
            "is_preview": enrolment is None or not enrolment.gives_access,
            "can_see_statistics": manages or user_is_trainer(request.user),
            "locked_reason": locked_reason,
        },
    )


@login_required
@require_POST
def quiz_start(request, quiz_id: int):
    """Start the next attempt, or resume the open one (a double click starts one)."""
    quiz = get_object_or_404(_live_quizzes(), pk=quiz_id)
    try:
        attempt = services.attempt_start(quiz=quiz, trainee=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error))
        return redirect(_course_url(quiz))
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("assessments:quiz_detail", quiz_id=quiz.pk)
    return redirect("assessments:attempt_take", attempt_id=attempt.pk)


@login_required
@require_POST
def pre_test_skip(request, quiz_id: int):
    """Go straight to the lessons, where the course lets trainees skip its pre-test."""
    quiz = get_object_or_404(_live_quizzes(), pk=quiz_id)
    try:
        services.pre_test_skip(quiz=quiz, trainee=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("assessments:quiz_detail", quiz_id=quiz.pk)
    else:
        messages.info(request, _("You skipped the pre-test. The lessons are open."))
    return redirect(_course_url(quiz))


@login_required
@require_GET
def attempt_take(request, attempt_id: int):
    """The questions with the answers saved so far; a reload shows them again."""
    attempt = _own_attempt(request, attempt_id)
    expired = attempt.deadline is not None and timezone.now() >= attempt.deadline
    if attempt.status == Attempt.Status.IN_PROGRESS and expired:
        attempt = services.attempt_submit(attempt=attempt, trainee=request.user)
        messages.warning(request, _("The time limit has passed: your attempt was submitted."))
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return redirect("assessments:attempt_result", attempt_id=attempt.pk)
    return render(
        request,
        "assessments/attempt_take.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "questions": selectors.attempt_questions(attempt),
            "immediate": attempt.quiz.feedback == Quiz.Feedback.IMMEDIATE,
            "seconds_left": int((attempt.deadline - timezone.now()).total_seconds())
            if attempt.deadline
            else None,
        },
    )


def _save_form(request, attempt: Attempt) -> None:
    answers = selectors.answers_from_form(attempt, request.POST)
    services.answers_save(attempt=attempt, trainee=request.user, answers=answers, complete=True)


@login_required
@require_POST
def attempt_save(request, attempt_id: int):
    """Save the whole form (autosave, "save for later", or a "check" button)."""
    attempt = _own_attempt(request, attempt_id)
    check = request.POST.get("check", "")
    try:
        _save_form(request, attempt)
        if check:
            services.answer_check(
                attempt=attempt,
                trainee=request.user,
                question_id=int(check) if check.isdigit() else -1,
            )
    except ValidationError as error:
        attempt.refresh_from_db(fields=["status"])
        closed = attempt.status != Attempt.Status.IN_PROGRESS
        if _wants_json(request):
            return JsonResponse(
                {"error": _error_text(error), "closed": closed},
                status=HTTPStatus.CONFLICT if closed else HTTPStatus.BAD_REQUEST,
            )
        messages.error(request, _error_text(error))
        if closed:
            return redirect("assessments:attempt_result", attempt_id=attempt.pk)
        return redirect("assessments:attempt_take", attempt_id=attempt.pk)
    saved_at = date_format(timezone.localtime(), "TIME_FORMAT")
    if _wants_json(request):
        return JsonResponse({"saved": True, "message": _("Saved at %(time)s") % {"time": saved_at}})
    if not check:
        messages.success(request, _("Your answers are saved. You can come back to them later."))
    anchor = f"#question-{check}" if check else ""
    return redirect(reverse("assessments:attempt_take", args=[attempt.pk]) + anchor)


@login_required
@require_POST
def attempt_submit(request, attempt_id: int):
    """Save the last answers and grade on the server; a second submit changes nothing."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        messages.info(request, _("This attempt was already submitted; here is its result."))
        return redirect("assessments:attempt_result", attempt_id=attempt.pk)
    try:
        _save_form(request, attempt)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        attempt.refresh_from_db(fields=["status"])
        if attempt.status == Attempt.Status.IN_PROGRESS:
            return redirect("assessments:attempt_take", attempt_id=attempt.pk)
        return redirect("assessments:attempt_result", attempt_id=attempt.pk)
    services.attempt_submit(attempt=attempt, trainee=request.user)
    return redirect("assessments:attempt_result", attempt_id=attempt.pk)


@login_required
@require_GET
def attempt_result(request, attempt_id: int):
    """Score and, as the quiz's feedback policy allows, the correct answers."""
    attempt = _own_attempt(request, attempt_id)
    if attempt.status == Attempt.Status.IN_PROGRESS:
        return redirect("assessments:attempt_take", attempt_id=attempt.pk)
    enrolment = attempt.enrolment
    return render(
        request,
        "assessments/attempt_result.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "questions": selectors.attempt_questions(attempt),
            "revealed": selectors.attempt_reveals_answers(attempt),
            "shows_pass": selectors.attempt_shows_pass(attempt),
            "standing": selectors.quiz_standing(quiz=attempt.quiz, trainee=request.user),
            "course_completed": enrolment is not None and enrolment.status == "completed",
        },
    )


@login_required
@require_GET
def trainer_quizzes(request):
    """Trainers: the quizzes of the courses they own or teach cohorts in."""
    if not user_is_trainer(request.user):
        raise PermissionDenied
    return render(
        request,
        "assessments/trainer_quizzes.html",
        {"quizzes": selectors.quizzes_for_trainer(request.user)},
    )


@login_required
@require_GET
def trainer_quiz(request, quiz_id: int):
    """Trainers: their cohorts' attempts at one quiz and how each question fared."""
    if not user_is_trainer(request.user):
        raise PermissionDenied
    quiz = get_object_or_404(Quiz.objects.select_related("course"), pk=quiz_id)
    attempts = selectors.attempts_visible_to(user=request.user, quiz=quiz)
    if attempts is None:
        raise Http404
    return render(
        request,
        "assessments/trainer_quiz.html",
        {
            "quiz": quiz,
            "attempts": selectors.quiz_attempt_rows(attempts),
            "statistics": selectors.quiz_question_statistics(attempts),
        },
    )
