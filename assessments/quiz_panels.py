"""What the assessments app adds to course pages: the tests panel and the pre-test gate."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from courses.models import Enrolment
from courses.selectors import user_manages_course

from .selectors import quizzes as selectors
from .services import lessons_missing


def pre_test_gate(request, course, enrolment) -> str | None:
    """Before the first lesson, the trainee takes (or, if allowed, skips) the pre-test."""
    quiz = selectors.pre_test_pending(enrolment, get_language())
    return reverse("assessments:quiz_detail", args=[quiz.pk]) if quiz else None


def course_tests_panel(request, course, enrolment) -> str:
    """The course's pre-test and final test with where the trainee stands in each."""
    tests = selectors.course_tests(course.pk, get_language())
    if not tests:
        return ""
    manages = user_manages_course(user=request.user, course=course)
    if not manages and (enrolment is None or not enrolment.gives_access):
        return ""
    standings = {
        purpose: selectors.quiz_standing(quiz=quiz, trainee=request.user)
        for purpose, quiz in tests.items()
    }
    active = enrolment is not None and enrolment.status == Enrolment.Status.ACTIVE
    locked = active and "post_test" in tests and bool(lessons_missing(enrolment))
    gap = selectors.tests_objective_gap(tests) if manages else []
    return render_to_string(
        "assessments/panels/course_tests.html",
        {
            "pre_test": standings.get("pre_test"),
            "post_test": standings.get("post_test"),
            "post_test_locked": locked,
            "can_manage": manages,
            "manager_warning": _(
                "The pre-test and the final test do not cover the same learning objectives, so "
                "the learning gain cannot be compared for: %(objectives)s"
            )
            % {"objectives": "; ".join(gap)}
            if gap
            else "",
        },
        request=request,
    )
