from django.db import migrations
from django.db.models import Min, OuterRef, Subquery


def milestones_backfill(apps, schema_editor):
    """Each enrolment's first graded pre-test, first passed post-test and follow-up answer,
    from its attempts and survey responses: one UPDATE."""
    Enrolment = apps.get_model("courses", "Enrolment")
    Attempt = apps.get_model("assessments", "Attempt")
    SurveyResponse = apps.get_model("assessments", "SurveyResponse")

    def first(queryset, field):
        return Subquery(
            queryset.filter(enrolment=OuterRef("pk"))
            .order_by()
            .values("enrolment")
            .annotate(first=Min(field))
            .values("first")
        )

    graded = Attempt.objects.filter(status__in=["submitted", "expired"])
    Enrolment.objects.update(
        pre_test_at=first(graded.filter(quiz__purpose="pre_test"), "submitted_at"),
        post_test_passed_at=first(
            graded.filter(quiz__purpose="post_test", passed=True), "submitted_at"
        ),
        follow_up_at=first(
            SurveyResponse.objects.filter(survey__purpose="follow_up"), "submitted_at"
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0007_answer_scores_index"),
        ("courses", "0006_enrolment_milestones"),
    ]

    operations = [
        migrations.RunPython(milestones_backfill, migrations.RunPython.noop, elidable=True),
    ]
