"""What other apps add to course and lesson pages through Liaison's hooks (cms.hooks)."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from wagtail import hooks

from assessments.completion import passed_post_test
from assessments.quiz_panels import course_tests_panel
from assessments.survey_panels import reaction_survey_panel
from certificates.panels import certificate_panel
from courses import completion, services
from tests.factories.courses import study


@pytest.fixture
def enrolled(trainee, course):
    enrolment, _changed = services.enrolment_enrol(trainee=trainee, course=course)
    return enrolment


def test_a_registered_course_panel_is_shown_on_the_course_page(client, trainee, enrolled):
    def panel(request, course, enrolment):
        return format_html(
            '<aside id="extra-panel">{} for {}</aside>', course, enrolment.trainee_id
        )

    client.force_login(trainee)

    with hooks.register_temporarily("liaison_course_panel", panel):
        html = client.get(enrolled.course.url).content.decode()

    assert f'<aside id="extra-panel">{enrolled.course.title} for {trainee.pk}</aside>' in html
    assert 'id="extra-panel"' not in client.get(enrolled.course.url).content.decode()


def test_course_panels_keep_their_order_whatever_the_app_order():
    def between(request, course, enrolment):
        return ""

    with hooks.register_temporarily("liaison_course_panel", between, order=250):
        panels = hooks.get_hooks("liaison_course_panel")

    assert panels == [course_tests_panel, reaction_survey_panel, between, certificate_panel]


def test_completion_requirements_are_listed_lessons_sessions_post_test():
    assert hooks.get_hooks("liaison_completion_requirement") == [
        completion.required_lessons,
        completion.attended_sessions,
        passed_post_test,
    ]


def test_a_lesson_gate_sends_the_trainee_elsewhere_first(client, trainee, enrolled, lessons):
    client.force_login(trainee)

    with hooks.register_temporarily("liaison_lesson_gate", lambda request, c, e: "/en/first/"):
        response = client.get(lessons[0].url)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/en/first/"
    assert client.get(lessons[0].url).status_code == HTTPStatus.OK


def test_a_lesson_requirement_holds_back_finishing_the_lesson(trainee, enrolled, lessons):
    def requirement(enrolment, lesson):
        return [f"read the annex of {lesson.title}"]

    with (
        hooks.register_temporarily("liaison_lesson_requirement", requirement),
        pytest.raises(ValidationError, match=f"read the annex of {lessons[0].title}"),
    ):
        study(trainee, lessons[0])

    study(trainee, lessons[0])
