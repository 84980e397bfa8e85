"""Course, lesson and catalogue pages: what each visitor sees, access per role, query counts."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.models import CourseAudience, LessonPage, Topic
from tests.factories import TraineeFactory, TrainerFactory
from tests.factories.courses import add_course, study


@pytest.fixture
def enrolled(trainee, course):
    enrolment, _changed = services.enrolment_enrol(trainee=trainee, course=course)
    return enrolment


class TestCoursePage:
    def test_anonymous_sees_the_overview_and_a_login_link(self, client, course):
        response = client.get(course.url)

        assert response.status_code == HTTPStatus.OK
        html = response.content.decode()
        assert course.title in html
        assert "Explain the steps of the procedure." in html
        assert "Log in to enrol" in html
        assert "lesson 1.1" in html
        # Lesson titles are listed but not linked for visitors without access.
        assert (
            'href="/en/courses/forced-return-procedures/'
            not in html.split("Modules and lessons")[1]
        )

    def test_enrolled_trainee_sees_progress_and_what_is_missing(
        self, client, trainee, enrolled, lessons
    ):
        study(trainee, lessons[0])
        client.force_login(trainee)

        html = client.get(enrolled.course.url).content.decode()

        assert '<progress class="progress" max="100" value="25"' in html
        assert "Continue where you left off" in html
        assert f'href="{lessons[1].url}"' in html
        assert "Complete the 4 required lessons. (1 of 4 done)" in html
        assert lessons[1].title in html.split("Still to do")[1]


class TestLessonAccess:
    def test_anonymous_is_sent_to_login(self, client, lessons):
        response = client.get(lessons[0].url)

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"].startswith("/en/accounts/login/")

    def test_trainee_without_enrolment_is_sent_to_the_course(
        self, client, trainee, course, lessons
    ):
        client.force_login(trainee)

        response = client.get(lessons[0].url)

        assert response.status_code == HTTPStatus.FOUND
        assert response["Location"] == course.url

    def test_enrolled_trainee_reads_and_the_view_is_recorded(
        self, client, trainee, enrolled, lessons
    ):
        client.force_login(trainee)

        response = client.get(lessons[0].url)

        assert response.status_code == HTTPStatus.OK
        assert "Lesson 1.1 text." in response.content.decode()
        assert "I have finished this lesson" in response.content.decode()
        assert enrolled.lesson_progress.get().lesson_id == lessons[0].pk

    @pytest.mark.parametrize("role", ["trainer", "admin_user"])
    def test_trainers_and_admins_preview_without_progress(self, client, request, role, lessons):
        client.force_login(request.getfixturevalue(role))

        response = client.get(lessons[0].url)

        assert response.status_code == HTTPStatus.OK
        assert "Preview: your visit is not recorded" in response.content.decode()

    def test_programme_manager_cannot_read_lessons(
        self, client, programme_manager, course, lessons
    ):
        client.force_login(programme_manager)

        assert client.get(lessons[0].url).status_code == HTTPStatus.FOUND

    def test_withdrawn_trainee_loses_access(self, client, trainee, enrolled, lessons):
        services.enrolment_withdraw(enrolment=enrolled)
        client.force_login(trainee)

        assert client.get(lessons[0].url).status_code == HTTPStatus.FOUND


class TestCatalogue:
    def test_lists_courses_with_audience_duration_and_own_status(
        self, client, catalogue, course, trainee, enrolled
    ):
        course.audiences.set([CourseAudience.objects.get(code="police")])
        course.save_revision().publish()
        client.force_login(trainee)

        html = client.get(catalogue.url).content.decode()

        assert course.title in html
        assert "Police" in html
        assert "1 h" in html
        assert "In progress" in html

    def test_filters_by_topic_audience_language_and_search(self, client, catalogue, trainer):
        topic = Topic.objects.get(slug="voluntary-return", locale=catalogue.locale)
        voluntary = add_course(
            catalogue, title="Voluntary return counselling", modules=1, lessons=1
        )
        voluntary.topics.set([topic])
        voluntary.audiences.set([CourseAudience.objects.get(code="civil_society")])
        voluntary.save_revision().publish()
        add_course(catalogue, title="Document security basics", modules=1, lessons=1)

        def titles(**params):
            response = client.get(catalogue.url, params)
            return [course.title for course in response.context["courses"]]

        assert titles() == ["Document security basics", "Voluntary return counselling"]
        assert titles(topic="voluntary-return") == ["Voluntary return counselling"]
        assert titles(audience="civil_society") == ["Voluntary return counselling"]
        assert titles(audience="police") == []
        assert titles(q="security") == ["Document security basics"]
        assert titles(language="fr") == []
        assert titles(topic="no-such-topic") == [
            "Document security basics",
            "Voluntary return counselling",
        ]


def _queries(client, url) -> int:
    client.get(url)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(context.captured_queries)


def test_catalogue_queries_do_not_grow_with_courses(client, catalogue, trainee):
    client.force_login(trainee)
    # Two courses, then more than a page of them (PAGE_SIZE 20): a query per course would show.
    for n in range(2):
        add_course(catalogue, title=f"Course {n:03d}", modules=1, lessons=1)
    with_2 = _queries(client, catalogue.url)
    for n in range(2, 25):
        add_course(catalogue, title=f"Course {n:03d}", modules=1, lessons=1)
    with_25 = _queries(client, catalogue.url)

    assert with_25 == with_2
    assert with_2 <= 24


def test_course_and_lesson_queries_do_not_grow_with_lessons(client, catalogue):
    trainee = TraineeFactory()
    client.force_login(trainee)
    counts = {}
    for lessons_per_module in (1, 5):  # 3 modules: 3 lessons, then 15 lessons
        course = add_course(
            catalogue,
            title=f"Course of {3 * lessons_per_module} lessons",
            modules=3,
            lessons=lessons_per_module,
        )
        services.enrolment_enrol(trainee=trainee, course=course)
        lesson = LessonPage.objects.descendant_of(course).live().order_by("path").last()
        counts[lessons_per_module] = (_queries(client, course.url), _queries(client, lesson.url))

    assert counts[5] == counts[1]
    course_queries, lesson_queries = counts[1]
    # The courses app's own reads, plus the assessments app's panels (tests, reaction survey)
    # and its pre-test gate: a query or two each.
    assert course_queries <= 35
    assert lesson_queries <= 33


class TestCourseProgress:
    def url(self, course):
        return f"/en/learning/trainer/courses/{course.pk}/progress/"

    def test_owner_sees_every_trainee_cohort_or_not(
        self, client, trainer, trainee, course, lessons
    ):
        services.enrolment_enrol(trainee=trainee, course=course)
        study(trainee, lessons[0])
        client.force_login(trainer)

        response = client.get(self.url(course))

        assert response.status_code == HTTPStatus.OK
        row = response.context["progress"].rows[0]
        assert row.trainee == trainee
        assert [status.value for status in row.statuses] == ["in_progress", "not_started"]

    @pytest.mark.parametrize(
        ("role", "expected"),
        [
            ("trainee", HTTPStatus.FORBIDDEN),
            ("programme_manager", HTTPStatus.FORBIDDEN),
            ("other_trainer", HTTPStatus.NOT_FOUND),
            ("admin_user", HTTPStatus.OK),
        ],
    )
    def test_access_per_role(self, client, request, course, role, expected):
        user = TrainerFactory() if role == "other_trainer" else request.getfixturevalue(role)
        client.force_login(user)

        assert client.get(self.url(course)).status_code == expected

    def test_anonymous_goes_to_login(self, client, course):
        assert client.get(self.url(course))["Location"].startswith("/en/accounts/login/")
