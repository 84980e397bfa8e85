"""Fixtures that build a published course tree for the courses tests."""

import pytest

from courses.models import CoursePage, EnrolmentMode, LessonPage, ModulePage
from courses.services.catalogue import catalogue_setup
from courses.signals import course_completed


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


@pytest.fixture
def catalogue(home):
    return next(c for c in catalogue_setup() if c.locale.language_code == "en")


@pytest.fixture
def course(catalogue, trainer):
    """An open course with 2 modules × 2 lessons, owned by the ``trainer`` fixture."""
    return add_course(catalogue, trainers=[trainer], enrolment_mode=EnrolmentMode.OPEN)


@pytest.fixture
def lessons(course):
    return list(LessonPage.objects.descendant_of(course).live().order_by("path"))


@pytest.fixture
def completions():
    """Enrolment ids that ``course_completed`` was sent for, in order."""
    received = []

    def receiver(sender, enrolment_id, **kwargs):
        received.append(enrolment_id)

    course_completed.connect(receiver)
    yield received
    course_completed.disconnect(receiver)
