"""Every demo course, in every language, completed by the demo trainee through the views."""

import json
from http import HTTPStatus

import pytest
from django.urls import reverse
from wagtail.models import Locale

from accounts.models import User
from assessments.models import Attempt, Quiz
from certificates.models import Certificate
from courses.models import CoursePage, Enrolment, LessonPage
from demo.curriculum import demo_courses
from h5p.services.results import content_iri

COURSES = [
    (spec.slug, language)
    for spec in demo_courses()
    for language in ["en", *(t.language for t in spec.translations)]
]
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


def _course(slug: str, language: str) -> CoursePage:
    course = CoursePage.objects.get(slug=slug, locale__language_code="en")
    return (
        course
        if language == "en"
        else course.get_translation(Locale.objects.get(language_code=language))
    )


def _take(client, quiz: Quiz, trainee: User, *, correctly: bool) -> Attempt:
    started = client.post(reverse("assessments:quiz_start", args=[quiz.pk]))
    assert started.status_code == HTTPStatus.FOUND
    attempt = Attempt.objects.get(quiz=quiz, trainee=trainee, status="in_progress")
    assert client.get(reverse("assessments:attempt_take", args=[attempt.pk])).status_code == 200
    data: dict[str, list[int]] = {}
    for row in attempt.answers.all():
        choices = [c["id"] for c in row.snapshot["choices"] if c["is_correct"] == correctly]
        data[f"q-{row.question_id}"] = (
            choices if row.snapshot["kind"] == "multiple" else choices[:1]
        )
    client.post(reverse("assessments:attempt_submit", args=[attempt.pk]), data)
    attempt.refresh_from_db()
    return attempt


def _statement(content) -> dict:
    return {
        "verb": {"id": ANSWERED, "display": {"en-US": "answered"}},
        "object": {"objectType": "Activity", "id": content_iri(content)},
        "result": {
            "score": {"min": 0, "max": 1, "raw": 1, "scaled": 1},
            "success": True,
            "completion": True,
        },
    }


@pytest.mark.parametrize(("slug", "language"), COURSES)
def test_the_demo_trainee_completes_the_course(
    seeded, db, client, django_capture_on_commit_callbacks, slug, language
):
    course = _course(slug, language)
    trainee = User.objects.get(email="trainee@liaison.test")
    client.force_login(trainee)
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))

    assert client.get(course.url).status_code == HTTPStatus.OK
    client.post(reverse("courses:enrol", args=[course.pk]))
    enrolment = Enrolment.objects.get(trainee=trainee, course=course)
    assert enrolment.status == Enrolment.Status.ACTIVE

    # The pre-test comes before the first lesson.
    pre_test = Quiz.objects.get(course=course, purpose="pre_test")
    gate = client.get(lessons[0].url)
    assert gate.status_code == HTTPStatus.FOUND
    assert gate["Location"] == reverse("assessments:quiz_detail", args=[pre_test.pk])
    assert _take(client, pre_test, trainee, correctly=False).passed is False

    for lesson in lessons:
        page = client.get(lesson.url)
        assert page.status_code == HTTPStatus.OK, lesson.title
        exercises = [block for block in lesson.body if block.block_type == "h5p"]
        for block in exercises:
            played = client.post(
                reverse("h5p:statements", args=[lesson.pk, block.id]),
                json.dumps([_statement(block.value["content"])]),
                content_type="application/json",
            )
            assert played.status_code == HTTPStatus.OK
        if not exercises:
            client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
        assert lesson.progress.get(enrolment=enrolment).completed_at is not None, lesson.title

    post_test = Quiz.objects.get(course=course, purpose="post_test")
    with django_capture_on_commit_callbacks(execute=True):
        attempt = _take(client, post_test, trainee, correctly=True)

    assert attempt.passed and attempt.percent == 100
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    certificate = Certificate.objects.get(holder=trainee, course=course)
    assert certificate.status == Certificate.Status.VALID
    assert course.title in certificate.body
