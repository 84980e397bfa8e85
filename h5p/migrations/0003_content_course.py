"""H5P contents belong to a course, as quizzes do; existing ones get the course of the
lessons that use them when those lessons are all in one course, else none."""

import django.db.models.deletion
from django.db import migrations, models

STEPLEN = 4  # Wagtail's tree path: four characters a level


def _content_ids(body) -> set[int]:
    """The H5P contents chosen in a lesson body (the raw JSON of its StreamField)."""
    raw = getattr(body, "raw_data", body) or []
    ids = set()
    for block in raw:
        if isinstance(block, dict) and block.get("type") == "h5p":
            content = (block.get("value") or {}).get("content")
            if isinstance(content, int):
                ids.add(content)
    return ids


def give_courses(apps, schema_editor):
    LessonPage = apps.get_model("courses", "LessonPage")
    CoursePage = apps.get_model("courses", "CoursePage")
    H5PContent = apps.get_model("h5p", "H5PContent")
    courses_by_path = dict(CoursePage.objects.values_list("path", "pk"))
    courses_of: dict[int, set[int]] = {}
    for path, body in LessonPage.objects.values_list("path", "body").iterator():
        ancestors = (path[:end] for end in range(STEPLEN, len(path), STEPLEN))
        course = next((courses_by_path[p] for p in ancestors if p in courses_by_path), None)
        if course is None:
            continue
        for content_id in _content_ids(body):
            courses_of.setdefault(content_id, set()).add(course)
    for content_id, courses in courses_of.items():
        if len(courses) == 1:
            H5PContent.objects.filter(pk=content_id).update(course_id=courses.pop())


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_enrolment_milestones"),
        ("h5p", "0002_trainer_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="h5pcontent",
            name="course",
            field=models.ForeignKey(
                blank=True,
                help_text="Only the trainers of this course manage the exercise.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="h5p_contents",
                to="courses.coursepage",
                verbose_name="course",
            ),
        ),
        migrations.RunPython(give_courses, migrations.RunPython.noop),
    ]
