"""The post-test requirement of a course's completion rule."""

from django.utils.translation import gettext as _

from courses.completion import Requirement
from courses.models import Enrolment

from .models import Attempt, Quiz


def passed_post_test(enrolment: Enrolment) -> list[Requirement]:
    """A course with a post-test is complete only once the trainee passed it."""
    quiz = course_post_test(enrolment.course_id)
    if quiz is None:
        return []
    # A pass in any translation of the post-test counts.
    passed = Attempt.objects.filter(
        quiz__course_id=enrolment.course_id,
        quiz__purpose=Quiz.Purpose.POST_TEST,
        trainee_id=enrolment.trainee_id,
        passed=True,
    ).exists()
    return post_test_requirement(quiz, passed=passed)


def course_post_test(course_id: int) -> Quiz | None:
    """The course's post-test, the one the rule names (the first if there are several)."""
    # A post-test never published cannot be taken, so it cannot be required yet.
    return Quiz.objects.filter(
        live=True, course_id=course_id, purpose=Quiz.Purpose.POST_TEST
    ).first()


def post_test_requirement(quiz: Quiz | None, *, passed: bool) -> list[Requirement]:
    """The post-test ``quiz`` (None: the course has none) and whether it was passed; no query."""
    if quiz is None:
        return []
    return [
        Requirement(
            key="post_test",
            description=_("Pass the final test “%(quiz)s” (pass mark %(mark)d%%).")
            % {"quiz": quiz.title, "mark": quiz.pass_mark_percent},
            done=1 if passed else 0,
            total=1,
            missing=() if passed else (quiz.title,),
        )
    ]
