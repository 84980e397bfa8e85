from django.db import migrations
from django.db.models import Exists, Min, OuterRef, Subquery


def milestones_backfill(apps, schema_editor):
    """Each enrolment's first graded pre-test, first passed post-test and follow-up answer,
    from its attempts and survey responses: one UPDATE per milestone, of the enrolments
    that reached it (the others stay NULL without being rewritten)."""
    Enrolment = apps.get_model("courses", "Enrolment")
    Attempt = apps.get_model("assessments", "Attempt")
    SurveyResponse = apps.get_model("assessments", "SurveyResponse")
    graded = Attempt.objects.filter(status__in=["submitted", "expired"])
    sources = {
        "pre_test_at": graded.filter(quiz__purpose="pre_test"),
        "post_test_passed_at": graded.filter(quiz__purpose="post_test", passed=True),
        "follow_up_at": SurveyResponse.objects.filter(survey__purpose="follow_up"),
    }
    for milestone, rows in sources.items():
        rows = rows.filter(enrolment=OuterRef("pk")).order_by()
        first = rows.values("enrolment").annotate(first=Min("submitted_at")).values("first")
        Enrolment.objects.filter(Exists(rows)).update(**{milestone: Subquery(first)})


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0007_answer_scores_index"),
        ("courses", "0006_enrolment_milestones"),
    ]

    operations = [
        migrations.RunPython(milestones_backfill, migrations.RunPython.noop, elidable=True),
    ]
