"""Builders for published course trees, enrolments and completions."""

from datetime import timedelta

import factory
from django.utils import timezone

from courses import services
from courses.models import CoursePage, Enrolment, LessonPage, ModulePage
from tests.factories import TraineeFactory


def add_course(catalogue, *, title="Forced return procedures", modules=2, lessons=2, **fields):
    """Publish a course with ``modules`` modules of ``lessons`` lessons each."""
    fields.setdefault("summary", f"Summary of {title}.")
    trainers = fields.pop("trainers", [])
    prerequisites = fields.pop("prerequisites", [])
    course = CoursePage(title=title, **fields)
    catalogue.add_child(instance=course)
    course.objectives.create(text="Explain the steps of the procedure.")
    course.trainers.set(trainers)
    course.prerequisites.set(prerequisites)
    course.save_revision().publish()
    for m in range(1, modules + 1):
        module = ModulePage(title=f"{title} – module {m}")
        course.add_child(instance=module)
        module.save_revision().publish()
        for n in range(1, lessons + 1):
            lesson = LessonPage(
                title=f"{title} – lesson {m}.{n}",
                body=[("rich_text", f"<p>Lesson {m}.{n} text.</p>")],
            )
            module.add_child(instance=lesson)
            lesson.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def study(trainee, lesson):
    """What a trainee does in the browser: open the lesson, then mark it finished."""
    services.lesson_view(trainee=trainee, lesson=lesson)
    return services.lesson_complete(trainee=trainee, lesson=lesson)


def complete_course(trainee, lessons, capture) -> None:
    """Study every lesson, running the on-commit callbacks (signal, task) as a commit would.

    ``capture`` is pytest-django's ``django_capture_on_commit_callbacks`` fixture.
    """
    with capture(execute=True):
        for lesson in lessons:
            study(trainee, lesson)


def enrolment_complete(enrolment, *, days_ago=0):
    """Mark the enrolment completed ``days_ago`` days ago, as the completion engine would."""
    Enrolment.objects.filter(pk=enrolment.pk).update(
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now() - timedelta(days=days_ago)
    )
    enrolment.refresh_from_db()
    return enrolment


class EnrolmentFactory(factory.Factory):
    """A trainee's enrolment in ``course``, made by ``enrolment_enrol`` as the enrol button does.

    ``completed_days_ago`` marks it completed that many days ago.
    """

    class Meta:
        model = Enrolment

    trainee = factory.SubFactory(TraineeFactory)
    completed_days_ago = None

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("An enrolment is made by enrolment_enrol: use EnrolmentFactory().")

    @classmethod
    def _create(cls, model_class, *, trainee, course, completed_days_ago=None):
        enrolment = services.enrolment_enrol(trainee=trainee, course=course)[0]
        if completed_days_ago is not None:
            enrolment_complete(enrolment, days_ago=completed_days_ago)
        return enrolment
