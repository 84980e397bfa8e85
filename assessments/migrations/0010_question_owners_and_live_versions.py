"""Existing questions get their course or owners; existing quizzes, questions and surveys
are live, their latest revision the live one."""

from django.db import migrations


def _live(apps, model_name: str) -> None:
    Model = apps.get_model("assessments", model_name)
    for obj in Model.objects.filter(live_revision__isnull=True, latest_revision__isnull=False):
        Model.objects.filter(pk=obj.pk).update(live_revision_id=obj.latest_revision_id)


def _courses_using(apps) -> dict[int, set[int]]:
    """Question id → the courses whose quizzes ask it (fixed lists and random draws)."""
    Quiz = apps.get_model("assessments", "Quiz")
    Question = apps.get_model("assessments", "Question")
    QuizQuestion = apps.get_model("assessments", "QuizQuestion")
    using: dict[int, set[int]] = {}
    for question_id, course_id in QuizQuestion.objects.filter(
        quiz__course__isnull=False
    ).values_list("question_id", "quiz__course_id"):
        using.setdefault(question_id, set()).add(course_id)
    for quiz in Quiz.objects.filter(draw_count__isnull=False, course__isnull=False):
        pool = Question.objects.filter(topics__in=quiz.draw_topics.all())
        if quiz.purpose in ("pre_test", "post_test"):
            pool = pool.filter(objective__course_id=quiz.course_id)
        for question_id in pool.values_list("pk", flat=True).distinct():
            using.setdefault(question_id, set()).add(quiz.course_id)
    return using


def owners_assign(apps, schema_editor):
    Question = apps.get_model("assessments", "Question")
    CoursePage = apps.get_model("courses", "CoursePage")
    Owner = Question.owners.through
    for model_name in ("Question", "Quiz", "Survey"):
        _live(apps, model_name)
    for question_id, course_ids in _courses_using(apps).items():
        question = Question.objects.get(pk=question_id)
        if question.course_id is not None or Owner.objects.filter(question=question).exists():
            continue
        if len(course_ids) == 1:
            Question.objects.filter(pk=question_id).update(course_id=next(iter(course_ids)))
            continue
        # Shared between courses: their owning trainers own it (none: administrators only).
        trainers = set(
            CoursePage.trainers.through.objects.filter(coursepage_id__in=course_ids).values_list(
                "user_id", flat=True
            )
        )
        Owner.objects.bulk_create(
            [Owner(question_id=question_id, user_id=user_id) for user_id in trainers]
        )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0009_question_course_owners_and_review")]

    operations = [migrations.RunPython(owners_assign, migrations.RunPython.noop)]
