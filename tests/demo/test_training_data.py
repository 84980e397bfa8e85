"""The synthetic training data generator (demo.training_data) and its command."""

import importlib
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, Sum
from wagtail import hooks

from accounts.models import User
from assessments.models import (
    Attempt,
    AttemptAnswer,
    QuizQuestion,
    SurveyAnswer,
    SurveyInvitation,
    SurveyResponse,
)
from courses.completion import requirements_for, rule_met
from courses.models import (
    Cohort,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    SessionRegistration,
)
from courses.services import enrolment_evaluate
from demo.training_data import TrainingDataExists, synthetic_email_domain, training_data_generate

TODAY = date(2026, 6, 30)
ANCHOR = datetime.combine(TODAY, time(17), tzinfo=UTC)


@pytest.fixture
def generated(catalogue):
    return training_data_generate(trainees=60, seed=7, today=TODAY, batch_size=25)


def _figures() -> dict:
    """Aggregates that do not depend on primary keys, to compare two runs."""
    attempts = Attempt.objects.values("quiz__purpose").annotate(
        n=Count("id"), percent=Sum("percent"), passed=Count("id", filter=Q(passed=True))
    )
    items = AttemptAnswer.objects.values("attempt__quiz__title", "position").annotate(
        right=Count("id", filter=Q(is_correct=True))
    )
    return {
        "users": sorted(User.objects.values_list("email", "full_name", "audience")),
        "organisations": sorted(
            User.objects.values_list("organisation__name").annotate(n=Count("id"))
        ),
        "enrolments": sorted(
            Enrolment.objects.values_list("course__title", "status", "source").annotate(
                n=Count("id")
            )
        ),
        "completed_at": sorted(
            Enrolment.objects.exclude(completed_at=None).values_list("completed_at", flat=True)
        ),
        "progress": LessonProgress.objects.aggregate(
            n=Count("id"), spent=Sum("time_spent_seconds"), done=Count("completed_at")
        ),
        "attempts": sorted(
            (a["quiz__purpose"], a["n"], a["percent"], a["passed"]) for a in attempts
        ),
        "items": sorted((i["attempt__quiz__title"], i["position"], i["right"]) for i in items),
        "survey_answers": sorted(
            SurveyAnswer.objects.values_list("item_text").annotate(n=Count("id"), v=Sum("value"))
        ),
        "invitations": SurveyInvitation.objects.aggregate(n=Count("id"), used=Count("used_at")),
        "registrations": SessionRegistration.objects.aggregate(
            n=Count("id"), attended=Count("id", filter=Q(attended=True))
        ),
        "cohorts": sorted(Cohort.objects.values_list("name", "starts_on")),
    }


def _run_and_undo(**kwargs) -> dict:
    """Generate, read the figures, then roll everything back."""

    class Undo(Exception):
        pass

    figures = {}
    try:
        with transaction.atomic():
            figures["counts"] = training_data_generate(today=TODAY, **kwargs)
            figures.update(_figures())
            raise Undo
    except Undo:
        pass
    cache.clear()
    return figures


def test_a_small_run_creates_a_programme_and_the_expected_rows(generated):
    assert generated == {
        "answers": 1184,
        "attempts": 176,
        "cohorts": 4,
        "courses": 3,
        "enrolments": 80,
        "invitations": 25,
        "memberships": 60,
        "module_completions": 152,
        "organisations": 46,
        "progress": 511,
        "registrations": 40,
        "responses": 37,
        "sessions": 4,
        "skips": 4,
        "survey_answers": 165,
        "trainees": 60,
        "trainers": 5,
    }
    domain = synthetic_email_domain(7)
    assert User.objects.filter(email__endswith=f"@{domain}").count() == 65
    assert CoursePage.objects.live().filter(is_training_of_trainers=True).count() == 1
    # Counted rows are really there (not only counted).
    assert Enrolment.objects.count() == generated["enrolments"]
    assert AttemptAnswer.objects.count() == generated["answers"]
    assert SurveyResponse.objects.count() == generated["responses"]


def test_the_same_seed_gives_the_same_figures_whatever_the_batch_size(catalogue):
    first = _run_and_undo(trainees=40, seed=3, batch_size=7)
    second = _run_and_undo(trainees=40, seed=3, batch_size=40)
    other_seed = _run_and_undo(trainees=40, seed=4, batch_size=40)

    assert first["counts"]["enrolments"] > 0
    assert first == second
    assert {k: v for k, v in other_seed.items() if k != "users"} != {
        k: v for k, v in first.items() if k != "users"
    }


def test_a_seed_is_generated_once_per_database(generated):
    before = User.objects.count()

    with pytest.raises(TrainingDataExists, match="Seed 7 was already generated"):
        training_data_generate(trainees=10, seed=7, today=TODAY)
    with pytest.raises(CommandError, match="Seed 7 was already generated"):
        call_command("generate_training_data", "--trainees", "10", "--seed", "7", stdout=StringIO())

    assert User.objects.count() == before
    counts = training_data_generate(trainees=10, seed=8, today=TODAY)
    assert counts["trainees"] == 10
    # The second seed reuses the organisations and the programme instead of copying them.
    assert counts["organisations"] == 0 and "courses" not in counts


def test_each_enrolment_keeps_its_first_lesson_view(generated):
    first_views = dict(
        LessonProgress.objects.order_by()
        .values("enrolment")
        .annotate(first=Min("first_viewed_at"))
        .values_list("enrolment", "first")
    )
    assert first_views
    kept = dict(Enrolment.objects.values_list("pk", "first_viewed_at"))
    assert kept == {pk: first_views.get(pk) for pk in kept}


def test_module_completions_are_those_the_lesson_progress_gives(generated):
    # The migration's backfill derives them from lesson progress on its own.
    backfill = importlib.import_module(
        "courses.migrations.0005_modulecompletion"
    ).module_completions_backfill
    fields = ("enrolment_id", "module_id", "completed_at")
    kept = set(ModuleCompletion.objects.values_list(*fields))
    ModuleCompletion.objects.all().delete()

    backfill(django_apps, None)

    assert kept and set(ModuleCompletion.objects.values_list(*fields)) == kept


def test_enrolment_milestones_are_those_the_attempts_and_responses_give(generated):
    # The migration's backfill derives them from attempts and survey responses on its own.
    backfill = importlib.import_module(
        "assessments.migrations.0008_enrolment_milestones_backfill"
    ).milestones_backfill
    fields = ("pk", "pre_test_at", "post_test_passed_at", "follow_up_at")
    kept = set(Enrolment.objects.values_list(*fields))
    Enrolment.objects.update(pre_test_at=None, post_test_passed_at=None, follow_up_at=None)

    backfill(django_apps, None)

    assert all(any(row[n] for row in kept) for n in (1, 2, 3))  # each milestone occurs
    assert set(Enrolment.objects.values_list(*fields)) == kept


def test_the_funnel_narrows_and_completions_come_with_their_last_required_step(generated):
    started = Exists(LessonProgress.objects.filter(enrolment=OuterRef("pk")))
    for course in CoursePage.objects.live():
        enrolments = Enrolment.objects.filter(course=course).annotate(started=started)
        enrolled = enrolments.count()
        begun = enrolments.filter(started=True).count()
        completed = enrolments.filter(status=Enrolment.Status.COMPLETED)
        assert enrolled >= begun >= completed.count() > 0, course.title
        assert not completed.filter(started=False).exists()
        required = LessonPage.objects.live().descendant_of(course).filter(is_required=True)
        for enrolment in completed:
            lessons = LessonProgress.objects.filter(
                enrolment=enrolment, lesson__in=required, completed_at__isnull=False
            )
            assert lessons.count() == required.count()
            passed = Attempt.objects.filter(
                enrolment=enrolment, quiz__purpose="post_test", passed=True
            ).aggregate(at=Min("submitted_at"))["at"]
            assert passed is not None
            attended = sorted(
                SessionRegistration.objects.filter(
                    trainee=enrolment.trainee, session__course=course, attended=True
                ).values_list("attendance_marked_at", flat=True)
            )
            assert len(attended) >= course.required_sessions
            # Completed when the last step the rule asks for was taken, as the engine does.
            steps = [lessons.aggregate(at=Max("completed_at"))["at"], passed]
            steps += attended[course.required_sessions - 1 : course.required_sessions]
            assert enrolment.completed_at == max(steps)
            assert enrolment.created_at <= enrolment.completed_at <= ANCHOR
            assert enrolment.created_at >= ANCHOR - timedelta(days=366)


def _assert_the_completion_engine_agrees():
    """The real rule and engine (courses.completion, enrolment_evaluate) on the rows written:
    the same enrolments complete, keeping the same rule."""
    enrolments = Enrolment.objects.select_related("course", "trainee").order_by("pk")
    generated = {e.pk: (e.status, e.completion_rule) for e in enrolments}
    assert Enrolment.Status.COMPLETED in {status for status, _rule in generated.values()}
    for enrolment in enrolments.filter(status__in=["active", "completed"]):
        requirements = requirements_for(enrolment)
        assert rule_met(requirements) == (enrolment.status == "completed"), enrolment.pk
    completed = enrolments.filter(status="completed")
    completed.update(status="active", completed_at=None, completion_rule=None)

    for enrolment in enrolments.filter(status="active"):
        enrolment_evaluate(enrolment_id=enrolment.pk)

    assert {e.pk: (e.status, e.completion_rule) for e in enrolments.all()} == generated


def test_the_completion_engine_completes_the_enrolments_the_generator_completed(generated):
    _assert_the_completion_engine_agrees()


def test_a_requirement_the_generator_cannot_evaluate_stops_it(catalogue):
    def certified_first_aid(enrolment):
        return []

    with (
        hooks.register_temporarily("liaison_completion_requirement", certified_first_aid),
        pytest.raises(NotImplementedError, match="certified_first_aid"),
    ):
        training_data_generate(trainees=5, seed=9, today=TODAY)


def test_each_attempt_has_one_answer_per_question_adding_up_to_its_score(generated):
    attempts = Attempt.objects.annotate(
        answers_n=Count("answers"), points=Sum("answers__points")
    ).select_related("quiz")
    assert attempts.count() == generated["attempts"]
    for attempt in attempts:
        questions = QuizQuestion.objects.filter(quiz=attempt.quiz).count()
        assert attempt.answers_n == questions
        assert attempt.points == attempt.score
        assert attempt.percent == (attempt.score * 100 / attempt.max_score).quantize(
            Decimal("0.01")
        )
        assert attempt.passed == (attempt.percent >= attempt.quiz.pass_mark_percent)
    assert not AttemptAnswer.objects.filter(is_correct=True, points=0).exists()
    assert not AttemptAnswer.objects.filter(is_correct=False, points__gt=0).exists()


def test_the_figures_look_like_a_real_programme(catalogue):
    training_data_generate(trainees=600, seed=11, today=TODAY, batch_size=250)
    trainees = User.objects.filter(groups__name="Trainees", email__startswith="trainee-")
    police = trainees.filter(audience="police").count() / trainees.count()
    assert 0.40 <= police <= 0.50
    pre = Attempt.objects.filter(quiz__purpose="pre_test", number=1)
    post = Attempt.objects.filter(quiz__purpose="post_test", number=1)
    pre_mean = sum(a.percent for a in pre) / pre.count()
    post_mean = sum(a.percent for a in post) / post.count()
    assert 39 <= pre_mean <= 51
    assert post_mean >= pre_mean + 15
    # A couple of items nearly everyone gets right or wrong, even before the course.
    facility = [
        row["right"] / row["n"]
        for row in AttemptAnswer.objects.filter(attempt__in=pre)
        .values("question")
        .annotate(n=Count("id"), right=Count("id", filter=Q(is_correct=True)))
    ]
    assert max(facility) > 0.9 and min(facility) < 0.12
    registered = SessionRegistration.objects.filter(status="registered").exclude(
        attendance_marked_at=None
    )
    assert 0.78 <= registered.filter(attended=True).count() / registered.count() <= 0.92
    completed = Enrolment.objects.filter(status="completed")
    reaction = SurveyResponse.objects.filter(survey__purpose="reaction").count()
    assert 0.6 <= reaction / completed.count() <= 0.8
    invited = SurveyInvitation.objects.all()
    assert all(
        i.sent_at >= i.enrolment.completed_at + timedelta(days=90)
        for i in invited.select_related("enrolment")
    )
    assert 0.33 <= invited.exclude(used_at=None).count() / invited.count() <= 0.57
    # The cascade: cohorts led by trainers who completed the ToT course before they started.
    cascade = Cohort.objects.filter(
        trainers__enrolments__course__is_training_of_trainers=True,
        trainers__enrolments__status="completed",
    ).distinct()
    assert cascade.exists()
    for cohort in cascade:
        leader = cohort.trainers.get()
        tot = leader.enrolments.get(course__is_training_of_trainers=True)
        assert tot.completed_at.date() < cohort.starts_on
    assert mail.outbox == []
    assert not any(user.has_usable_password() for user in trainees[:20])


def test_the_command_uses_the_courses_given(course, catalogue):
    out = StringIO()
    call_command(
        "generate_training_data",
        *[
            "--trainees",
            "20",
            "--seed",
            "3",
            "--today",
            "2026-06-30",
            "--batch-size",
            "8",
            "--courses",
        ],
        course.slug,
        stdout=out,
    )

    assert "20/20 trainees" in out.getvalue()
    assert set(Enrolment.objects.values_list("course", flat=True)) == {course.pk}
    assert Enrolment.objects.filter(status="completed").exists()
    _assert_the_completion_engine_agrees()
    # The course has no tests or surveys: none are invented.
    assert not Attempt.objects.exists() and not SurveyResponse.objects.exists()
    assert CoursePage.objects.count() == 1
    with pytest.raises(CommandError, match="no-such-course"):
        call_command("generate_training_data", "--courses", "no-such-course", "--seed", "4")
