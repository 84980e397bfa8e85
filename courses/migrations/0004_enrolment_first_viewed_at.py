from django.db import migrations, models
from django.db.models import Exists, Min, OuterRef, Subquery


def first_views_backfill(apps, schema_editor):
    """Each started enrolment's first lesson view, from its lesson progress: one UPDATE."""
    Enrolment = apps.get_model("courses", "Enrolment")
    LessonProgress = apps.get_model("courses", "LessonProgress")
    progress = LessonProgress.objects.filter(enrolment=OuterRef("pk")).order_by()
    first = progress.values("enrolment").annotate(first=Min("first_viewed_at")).values("first")
    # Only the enrolments with progress: the others stay NULL without being rewritten.
    Enrolment.objects.filter(Exists(progress)).update(first_viewed_at=Subquery(first))


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_lesson_h5p_block"),
    ]

    operations = [
        migrations.AddField(
            model_name="enrolment",
            name="first_viewed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="first lesson opened"),
        ),
        migrations.RunPython(first_views_backfill, migrations.RunPython.noop, elidable=True),
    ]
