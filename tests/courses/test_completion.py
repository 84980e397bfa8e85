"""Progress events and the completion engine."""

import importlib
import json
from datetime import timedelta

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail import hooks

from courses import services
from courses.completion import Requirement, requirements_for
from courses.models import Enrolment, LessonPage, LessonProgress, ModuleCompletion
from tests.factories import TraineeFactory
from tests.factories.courses import add_course, study


def complete_all(trainee, lessons):
    for lesson in lessons:
        study(trainee, lesson)


def test_completing_a_lesson_of_a_course_one_is_not_enrolled_in_is_refused(trainee, lessons):
    with pytest.raises(PermissionDenied, match="Enrol in the course"):
        study(trainee, lessons[0])
    assert not Enrolment.objects.exists()


def test_the_lesson_complete_view_refuses_without_enrolment(client, trainee, course, lessons):
    client.force_login(trainee)

    response = client.post(f"/en/learning/lessons/{lessons[0].pk}/complete/", follow=True)

    assert "Enrol in the course to study its lessons." in response.content.decode()
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize("next_lesson", ["abc", "12abc", "-1", "99999999999999999999", ""])
def test_a_bad_next_lesson_is_ignored_and_the_completion_stays(
    client, trainee, enrolment, course, lessons, next_lesson
):
    services.lesson_view(trainee=trainee, lesson=lessons[0])
    client.force_login(trainee)

    response = client.post(
        f"/en/learning/lessons/{lessons[0].pk}/complete/", {"next_lesson": next_lesson}
    )

    assert response.status_code == 302
    assert response["Location"] == course.url
    assert LessonProgress.objects.get(enrolment=enrolment, lesson=lessons[0]).completed_at


def test_the_next_lesson_is_followed_only_within_the_course(
    client, trainee, enrolment, catalogue, course, lessons
):
    services.lesson_view(trainee=trainee, lesson=lessons[0])
    client.force_login(trainee)
    url = f"/en/learning/lessons/{lessons[0].pk}/complete/"

    assert client.post(url, {"next_lesson": lessons[1].pk})["Location"] == lessons[1].url
    other_course = add_course(catalogue, title="Another course", modules=1, lessons=1)
    other = LessonPage.objects.descendant_of(other_course).get()
    assert client.post(url, {"next_lesson": other.pk})["Location"] == course.url


def test_course_completes_when_every_required_lesson_is_done(
    trainee, enrolment, lessons, completions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_all(trainee, lessons[:-1])
    enrolment.refresh_from_db()
    assert enrolment.status == "active" and completions == []

    with django_capture_on_commit_callbacks(execute=True):
        study(trainee, lessons[-1])

    enrolment.refresh_from_db()
    assert enrolment.status == "completed"
    assert enrolment.completed_at is not None
    assert completions == [enrolment.pk]
    rule = enrolment.completion_rule
    assert rule["requirements"][0]["key"] == "lessons"
    assert rule["requirements"][0]["total"] == 4


def test_completion_fires_once_however_often_events_arrive(
    trainee, enrolment, lessons, completions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete_all(trainee, lessons)
        complete_all(trainee, lessons)
        services.enrolment_evaluate(enrolment_id=enrolment.pk)

    assert completions == [enrolment.pk]


def test_optional_lessons_are_not_required(trainee, enrolment, lessons):
    LessonPage.objects.filter(pk=lessons[-1].pk).update(is_required=False)

    complete_all(trainee, lessons[:-1])

    enrolment.refresh_from_db()
    assert enrolment.status == "completed"


def test_editing_the_course_later_does_not_uncomplete(trainee, enrolment, lessons, course):
    complete_all(trainee, lessons)
    module = course.get_children().live().first()
    extra = LessonPage(title="A lesson added later", body=[("rich_text", "<p>New.</p>")])
    module.add_child(instance=extra)
    extra.save_revision().publish()

    services.enrolment_evaluate(enrolment_id=enrolment.pk)

    enrolment.refresh_from_db()
    assert enrolment.status == "completed"
    assert enrolment.completion_rule["requirements"][0]["total"] == 4


def test_requirements_say_what_is_missing(trainee, enrolment, lessons):
    study(trainee, lessons[0])

    (requirement,) = requirements_for(enrolment)

    assert requirement.description == "Complete the 4 required lessons."
    assert (requirement.done, requirement.total, requirement.met) == (1, 4, False)
    assert requirement.missing == tuple(lesson.title for lesson in lessons[1:])


def test_other_apps_add_requirements(trainee, enrolment, lessons):
    def post_test(enrolment):
        return [Requirement(key="post_test", description="Pass", done=0, total=1)]

    with hooks.register_temporarily("liaison_completion_requirement", post_test):
        complete_all(trainee, lessons)
        unmet = [r.key for r in requirements_for(enrolment) if not r.met]

    enrolment.refresh_from_db()
    assert enrolment.status == "active"
    assert unmet == ["post_test"]


def test_the_first_lesson_view_marks_the_enrolment_started_once(trainee, enrolment, lessons):
    assert enrolment.first_viewed_at is None

    first = services.lesson_view(trainee=trainee, lesson=lessons[1])
    services.lesson_view(trainee=trainee, lesson=lessons[0])
    services.lesson_view(trainee=trainee, lesson=lessons[1])

    enrolment.refresh_from_db()
    assert enrolment.first_viewed_at == first.first_viewed_at
    assert enrolment.last_activity_at > enrolment.first_viewed_at


def test_the_migration_fills_in_the_first_lesson_view_from_progress(trainee, enrolment, lessons):
    backfill = importlib.import_module(
        "courses.migrations.0004_enrolment_first_viewed_at"
    ).first_views_backfill
    now = timezone.now()
    for days, lesson in zip((2, 9, 5), lessons, strict=False):
        LessonProgress.objects.create(
            enrolment=enrolment, lesson=lesson, first_viewed_at=now - timedelta(days)
        )
    unstarted = services.enrolment_enrol(trainee=TraineeFactory(), course=enrolment.course)[0]

    backfill(django_apps, None)

    enrolment.refresh_from_db()
    unstarted.refresh_from_db()
    assert enrolment.first_viewed_at == now - timedelta(days=9)
    assert unstarted.first_viewed_at is None


def test_a_module_is_done_with_its_last_required_lesson(trainee, enrolment, lessons):
    # Two modules of two lessons; lesson 1.2 becomes optional, lesson 2.1 stays required.
    LessonPage.objects.filter(pk=lessons[1].pk).update(is_required=False)
    module_1, module_2 = (lesson.get_parent() for lesson in (lessons[0], lessons[2]))

    study(trainee, lessons[2])
    assert not ModuleCompletion.objects.exists()  # lesson 2.2 is still to do
    study(trainee, lessons[0])
    done = ModuleCompletion.objects.get()
    assert (done.enrolment, done.module_id) == (enrolment, module_1.pk)
    study(trainee, lessons[1])  # optional: changes nothing
    study(trainee, lessons[3])
    assert set(
        ModuleCompletion.objects.filter(enrolment=enrolment).values_list("module_id", flat=True)
    ) == {module_1.pk, module_2.pk}
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED

    services.enrolment_renew(enrolment=enrolment)

    assert not ModuleCompletion.objects.exists()


def test_time_spent_counts_until_completion_capped(trainee, enrolment, lessons, settings):
    progress = services.lesson_view(trainee=trainee, lesson=lessons[0])
    LessonProgress.objects.filter(pk=progress.pk).update(
        last_viewed_at=progress.last_viewed_at - timedelta(hours=5)
    )

    progress = services.lesson_complete(trainee=trainee, lesson=lessons[0])

    assert progress.time_spent_seconds == 30 * 60


def test_personal_data_export_includes_learning(client, trainee, enrolment, lessons):
    study(trainee, lessons[0])
    study(trainee, lessons[1])  # the first module's last lesson
    client.force_login(trainee)

    data = json.loads(client.get("/en/accounts/me/data/").content)

    courses = data["sections"]["courses"]
    assert courses["enrolments"][0]["course"] == enrolment.course.title
    assert courses["enrolments"][0]["first_lesson_opened_at"]
    assert courses["enrolments"][0]["pre_test_taken_at"] is None  # no pre-test taken
    assert courses["lesson_progress"][0]["lesson"] == lessons[0].title
    assert [m["module"] for m in courses["modules_completed"]] == [lessons[0].get_parent().title]
