"""Rules that must hold when content changes under them or requests cross."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError

from courses import services
from courses.models import Enrolment, LessonPage
from tests.factories import TraineeFactory, TrainerFactory
from tests.factories.courses import add_course, study


def test_an_edit_during_review_is_never_published_unreviewed(catalogue, trainer):
    course = add_course(catalogue, title="Under review", trainers=[trainer])
    course.summary = "Reviewed text."
    course.save_revision(user=trainer)
    course.get_workflow().start(course, trainer)
    course.refresh_from_db()
    course.summary = "Edited after submitting, never reviewed."
    course.save_revision(user=trainer)
    state = course.current_workflow_task_state

    state.task.specific.on_action(state, TrainerFactory(), "approve")

    course.refresh_from_db()
    # The approval covered the earlier revision; the edit needs its own review.
    assert course.summary == "Summary of Under review."
    workflow_state = course.current_workflow_state
    assert workflow_state.status == "in_progress"
    assert workflow_state.current_task_state.revision_id == course.latest_revision_id


def test_someone_elses_completion_does_not_open_a_prerequisite(catalogue, course, trainee):
    advanced = add_course(catalogue, title="Advanced", prerequisites=[course])
    services.enrolment_enrol(trainee=trainee, course=course)  # enrolled, not completed
    Enrolment.objects.create(
        trainee=TraineeFactory(), course=course, status="completed", source="self"
    )

    with pytest.raises(ValidationError, match="before enrolling"):
        services.enrolment_enrol(trainee=trainee, course=advanced)


def test_owners_cannot_move_pages_into_a_course_they_do_not_own(catalogue, course, trainer):
    foreign = add_course(catalogue, title="Someone else's", trainers=[TrainerFactory()])
    module = course.get_children().first()

    assert not module.permissions_for_user(trainer).can_move_to(foreign)


def test_lessons_of_an_unpublished_module_are_neither_served_nor_required(
    client, trainee, course, lessons
):
    services.enrolment_enrol(trainee=trainee, course=course)
    hidden_module = lessons[-1].get_parent()
    hidden_module.specific.unpublish(set_expired=False)
    LessonPage.objects.filter(pk__in=[lessons[-1].pk, lessons[-2].pk]).update(live=True)
    client.force_login(trainee)

    assert client.get(lessons[-1].url).status_code == HTTPStatus.NOT_FOUND
    for lesson in lessons[:2]:
        study(trainee, lesson)
    assert Enrolment.objects.get(trainee=trainee).status == "completed"


def test_a_completed_enrolment_cannot_be_withdrawn(trainee, course, lessons):
    enrolment, _ = services.enrolment_enrol(trainee=trainee, course=course)
    for lesson in lessons:
        study(trainee, lesson)

    with pytest.raises(ValidationError):
        services.enrolment_withdraw(enrolment=enrolment)  # a stale object: still "active"
    assert Enrolment.objects.get(pk=enrolment.pk).status == "completed"


def test_a_lesson_cannot_be_finished_without_being_opened(client, trainee, course, lessons):
    services.enrolment_enrol(trainee=trainee, course=course)
    client.force_login(trainee)

    response = client.post(f"/en/learning/lessons/{lessons[0].pk}/complete/", follow=True)

    assert "Open the lesson and read it" in response.content.decode()
    # (Following the redirect opened the lesson; it is not finished.)
    progress = Enrolment.objects.get(trainee=trainee).lesson_progress
    assert not progress.filter(completed_at__isnull=False).exists()


def test_re_enrolling_with_everything_done_completes_at_once(trainee, course, lessons):
    enrolment, _ = services.enrolment_enrol(trainee=trainee, course=course)
    for lesson in lessons[:-1]:
        study(trainee, lesson)
    services.lesson_view(trainee=trainee, lesson=lessons[-1])
    services.enrolment_withdraw(enrolment=enrolment)
    LessonPage.objects.filter(pk=lessons[-1].pk).update(is_required=False)

    enrolment, _ = services.enrolment_enrol(trainee=trainee, course=course)

    assert enrolment.status == "completed"
