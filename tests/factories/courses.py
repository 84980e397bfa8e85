"""Builders for published course trees."""

from courses import services
from courses.models import CoursePage, LessonPage, ModulePage


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
