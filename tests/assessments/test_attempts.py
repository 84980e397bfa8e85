"""Attempts: start, answers kept as the trainee goes, one grading, limits and deadlines."""

import threading
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments import services
from assessments.models import Attempt, AttemptAnswer, Quiz
from assessments.tasks import close_expired_attempts
from courses import services as course_services
from courses.models import LessonPage
from tests.factories import TraineeFactory
from tests.factories.assessments import (
    ChoiceQuestionFactory,
    QuizFactory,
    correct_choice,
    wrong_choice,
)
from tests.factories.courses import study


def answer_all(attempt, trainee, *, right: int):
    rows = list(attempt.answers.order_by("position"))
    for index, row in enumerate(rows):
        choice = correct_choice(row) if index < right else wrong_choice(row)
        services.answer_save(
            attempt=attempt, trainee=trainee, question_id=row.question_id, answer=choice
        )


def test_a_quiz_of_a_course_one_is_not_enrolled_in_is_refused(trainee, quiz):
    with pytest.raises(PermissionDenied, match="Enrol in the course"):
        services.attempt_start(quiz=quiz, trainee=trainee)
    assert not Attempt.objects.exists()


def test_answers_are_kept_and_a_reload_resumes_the_same_attempt(trainee, enrolled, quiz):
    attempt = services.attempt_start(quiz=quiz, trainee=trainee)
    row = attempt.answers.first()
    services.answer_save(
        attempt=attempt, trainee=trainee, question_id=row.question_id, answer=correct_choice(row)
    )

    again = services.attempt_start(quiz=quiz, trainee=trainee)

    assert again.pk == attempt.pk
    assert again.answers.get(pk=row.pk).answer == correct_choice(row)
    assert Attempt.objects.count() == 1


def test_submit_grades_on_the_server_and_only_once(trainee, enrolled, quiz):
    # Each answer keeps the revision of its question that the trainee saw: the live one.
    revisions = {}
    for link in quiz.quiz_questions.all():
        revision = link.question.save_revision()
        revision.publish()
        revisions[link.question_id] = revision.pk
    attempt = services.attempt_start(quiz=quiz, trainee=trainee)
    answer_all(attempt, trainee, right=3)

    first = services.attempt_submit(attempt=attempt, trainee=trainee)
    second = services.attempt_submit(attempt=attempt, trainee=trainee)

    assert (first.score, first.max_score, first.percent, first.passed) == (
        Decimal("3.00"),
        Decimal("4.00"),
        Decimal("75.00"),
        True,
    )
    assert (second.score, second.submitted_at) == (first.score, first.submitted_at)
    graded = AttemptAnswer.objects.filter(attempt=attempt).order_by("position")
    assert [row.is_correct for row in graded] == [True, True, True, False]
    assert {row.question_id: row.question_revision_id for row in graded} == revisions


@pytest.mark.parametrize(
    ("question_id", "answer", "message"),
    [
        ("other_question", 1, "not part of your attempt"),
        ("own_question", "foreign_choice", "does not belong to the question"),
    ],
)
def test_answers_outside_the_attempt_are_refused(
    trainee, enrolled, quiz, question_id, answer, message
):
    attempt = services.attempt_start(quiz=quiz, trainee=trainee)
    outsider = ChoiceQuestionFactory(text="Not in this quiz")
    row = attempt.answers.first()
    question = outsider.pk if question_id == "other_question" else row.question_id
    if answer == "foreign_choice":
        answer = outsider.choices.first().pk

    with pytest.raises(ValidationError, match=message):
        services.answer_save(attempt=attempt, trainee=trainee, question_id=question, answer=answer)
    assert not AttemptAnswer.objects.filter(answer__isnull=False).exists()


def test_another_trainees_attempt_is_refused(trainee, enrolled, quiz):
    attempt = services.attempt_start(quiz=quiz, trainee=trainee)
    intruder = TraineeFactory()
    row = attempt.answers.first()

    with pytest.raises(PermissionDenied):
        services.answer_save(
            attempt=attempt, trainee=intruder, question_id=row.question_id, answer=1
        )
    with pytest.raises(PermissionDenied):
        services.attempt_submit(attempt=attempt, trainee=intruder)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.IN_PROGRESS


def test_attempts_used_up(trainee, enrolled, course):
    quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory()], max_attempts=2)
    for _ in range(2):
        services.attempt_submit(
            attempt=services.attempt_start(quiz=quiz, trainee=trainee), trainee=trainee
        )

    with pytest.raises(ValidationError, match="used all 2 attempts"):
        services.attempt_start(quiz=quiz, trainee=trainee)
    assert Attempt.objects.filter(quiz=quiz).count() == 2


def test_answers_after_the_deadline_are_refused_and_the_attempt_closed(trainee, enrolled, course):
    quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory()], time_limit_minutes=10)
    attempt = services.attempt_start(quiz=quiz, trainee=trainee)
    row = attempt.answers.get()
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    attempt.refresh_from_db()

    with pytest.raises(ValidationError, match="time limit has passed"):
        services.answer_save(
            attempt=attempt,
            trainee=trainee,
            question_id=row.question_id,
            answer=correct_choice(row),
        )
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED
    assert attempt.score == Decimal("0")
    assert attempt.answers.get().answer is None


def test_abandoned_attempts_are_closed_by_the_periodic_task(trainee, enrolled, course):

    quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory()], time_limit_minutes=5)
    attempt = services.attempt_start(quiz=quiz, trainee=trainee)
    row = attempt.answers.get()
    services.answer_save(
        attempt=attempt, trainee=trainee, question_id=row.question_id, answer=correct_choice(row)
    )
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    AttemptAnswer.objects.filter(pk=row.pk).update(
        answered_at=timezone.now() - timedelta(minutes=2)
    )

    assert close_expired_attempts.delay().get() == 1

    attempt.refresh_from_db()
    # The answer was given before the deadline, so it counts.
    assert (attempt.status, attempt.score, attempt.passed) == ("expired", Decimal("1.00"), True)


def test_passing_the_post_test_completes_the_course(trainee, enrolled, course, lessons):
    post_test = QuizFactory(
        course=course,
        purpose=Quiz.Purpose.POST_TEST,
        questions=[ChoiceQuestionFactory(), ChoiceQuestionFactory()],
        pass_mark_percent=100,
    )
    for lesson in lessons:
        study(trainee, lesson)
    enrolled.refresh_from_db()
    assert enrolled.status == "active"

    failed = services.attempt_start(quiz=post_test, trainee=trainee)
    answer_all(failed, trainee, right=1)
    services.attempt_submit(attempt=failed, trainee=trainee)
    enrolled.refresh_from_db()
    assert enrolled.status == "active"
    assert enrolled.post_test_passed_at is None  # taken, not passed

    passed = services.attempt_start(quiz=post_test, trainee=trainee)
    answer_all(passed, trainee, right=2)
    passed = services.attempt_submit(attempt=passed, trainee=trainee)
    enrolled.refresh_from_db()
    assert enrolled.status == "completed"
    assert enrolled.post_test_passed_at == passed.submitted_at
    assert [r["key"] for r in enrolled.completion_rule["requirements"]] == ["lessons", "post_test"]


def test_the_enrolment_keeps_its_first_graded_pre_test(trainee, enrolled, course):
    pre_test = QuizFactory(
        course=course,
        purpose=Quiz.Purpose.PRE_TEST,
        questions=[ChoiceQuestionFactory()],
        max_attempts=2,
    )
    first = services.attempt_start(quiz=pre_test, trainee=trainee)
    enrolled.refresh_from_db()
    assert enrolled.pre_test_at is None  # started, not yet graded

    first = services.attempt_submit(attempt=first, trainee=trainee)
    second = services.attempt_start(quiz=pre_test, trainee=trainee)
    services.attempt_submit(attempt=second, trainee=trainee)

    enrolled.refresh_from_db()
    assert enrolled.pre_test_at == first.submitted_at
    assert enrolled.post_test_passed_at is None


def test_a_pre_test_never_reveals_answers(course):
    quiz = Quiz(title="Pre", purpose=Quiz.Purpose.PRE_TEST, course=course, feedback="immediate")

    with pytest.raises(ValidationError, match="never reveals the answers"):
        quiz.full_clean()


def test_submit_issues_a_constant_number_of_queries(trainee, enrolled, course):
    counts = {}
    for size in (5, 20):
        questions = [ChoiceQuestionFactory(text=f"Q{n}") for n in range(size)]
        quiz = QuizFactory(course=course, questions=questions)
        attempt = services.attempt_start(quiz=quiz, trainee=trainee)
        answer_all(attempt, trainee, right=size)
        with CaptureQueriesContext(connection) as context:
            services.attempt_submit(attempt=attempt, trainee=trainee)
        counts[size] = len(context.captured_queries)

    assert counts[20] == counts[5]
    assert counts[5] <= 14


def _start_racing(monkeypatch, *, quiz, trainee, status):
    """Start an attempt while a parallel request slips in its own attempt number 1 first."""
    drawn = services.attempts._quiz_questions

    def draw_then_lose_the_race(quiz, rng):
        Attempt.objects.create(
            quiz=quiz,
            trainee=trainee,
            enrolment=trainee.enrolments.get(),
            number=1,
            started_at=timezone.now(),
            status=status,
        )
        return drawn(quiz, rng)

    monkeypatch.setattr(services.attempts, "_quiz_questions", draw_then_lose_the_race)
    return services.attempt_start(quiz=quiz, trainee=trainee)


def test_a_start_that_loses_the_race_continues_the_open_attempt(
    monkeypatch, trainee, enrolled, quiz
):
    attempt = _start_racing(
        monkeypatch, quiz=quiz, trainee=trainee, status=Attempt.Status.IN_PROGRESS
    )

    assert attempt == Attempt.objects.get(quiz=quiz, trainee=trainee)


def test_a_start_that_loses_to_an_attempt_already_closed_is_refused_clearly(
    monkeypatch, trainee, enrolled, quiz
):
    with pytest.raises(ValidationError) as refused:
        _start_racing(monkeypatch, quiz=quiz, trainee=trainee, status=Attempt.Status.SUBMITTED)

    assert refused.value.code == "started_elsewhere"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_parallel_starts_never_exceed_the_limit():
    from cms.services import site_setup
    from courses.services.catalogue import catalogue_setup
    from tests.factories.courses import add_course

    site_setup()
    catalogue = next(c for c in catalogue_setup() if c.locale.language_code == "en")
    course = add_course(catalogue, title="Parallel", modules=1, lessons=1)
    trainee = TraineeFactory()
    course_services.enrolment_enrol(trainee=trainee, course=course)
    quiz = QuizFactory(course=course, questions=[ChoiceQuestionFactory()], max_attempts=1)
    barrier = threading.Barrier(2)
    outcomes = []

    def start():
        try:
            barrier.wait()
            outcomes.append(services.attempt_start(quiz=quiz, trainee=trainee).pk)
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Attempt.objects.filter(quiz=quiz).count() == 1
    assert len(outcomes) == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_parallel_submits_grade_once(completions):
    from cms.services import site_setup
    from courses.services.catalogue import catalogue_setup
    from tests.factories.courses import add_course

    site_setup()
    catalogue = next(c for c in catalogue_setup() if c.locale.language_code == "en")
    course = add_course(catalogue, title="Parallel submit", modules=1, lessons=1)
    trainee = TraineeFactory()
    enrolment = course_services.enrolment_enrol(trainee=trainee, course=course)[0]
    quiz = QuizFactory(
        course=course, purpose=Quiz.Purpose.POST_TEST, questions=[ChoiceQuestionFactory()]
    )
    for lesson in LessonPage.objects.descendant_of(course).live():
        study(trainee, lesson)
    attempt = services.attempt_start(quiz=quiz, trainee=trainee)
    answer_all(attempt, trainee, right=1)
    barrier = threading.Barrier(2)
    results = []

    def submit():
        try:
            barrier.wait()
            results.append(services.attempt_submit(attempt=attempt, trainee=trainee).submitted_at)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == 2 and results[0] == results[1]
    assert completions == [enrolment.pk]


def _topic(name="Drawn topic"):
    from courses.models import Topic

    return Topic.objects.create(name=name, slug=name.lower().replace(" ", "-"))


def test_a_random_draw_takes_n_questions_from_the_tags(trainee, enrolled, course):
    topic, other = _topic(), _topic("Other drawn topic")
    tagged = [ChoiceQuestionFactory(text=f"Tagged {n}") for n in range(5)]
    for question in tagged:
        question.topics.add(topic)
        question.save()  # parental many-to-many relations are written on save
    elsewhere = ChoiceQuestionFactory(text="Elsewhere")
    elsewhere.topics.add(other)
    elsewhere.save()
    quiz = QuizFactory(course=course, draw_count=3)
    quiz.draw_topics.add(topic)
    quiz.save()

    attempt = services.attempt_start(quiz=quiz, trainee=trainee)

    drawn = set(attempt.answers.values_list("question_id", flat=True))
    assert len(drawn) == 3 and drawn <= {q.pk for q in tagged}


def test_pre_and_post_tests_draw_only_questions_on_the_courses_objectives(
    trainee, enrolled, course
):
    topic = _topic()
    on_objective = ChoiceQuestionFactory(text="On objective")
    on_objective.objective = course.objectives.get()
    on_objective.save()
    off_objective = ChoiceQuestionFactory(text="Off objective")
    for question in (on_objective, off_objective):
        question.topics.add(topic)
        question.save()
    pre_test = QuizFactory(course=course, purpose=Quiz.Purpose.PRE_TEST, draw_count=2)
    pre_test.draw_topics.add(topic)
    pre_test.save()

    attempt = services.attempt_start(quiz=pre_test, trainee=trainee)

    assert list(attempt.answers.values_list("question_id", flat=True)) == [on_objective.pk]


def test_questions_and_choices_are_shuffled_per_attempt(course):
    questions = [ChoiceQuestionFactory(text=f"Q{n}", n=4) for n in range(6)]
    quiz = QuizFactory(course=course, questions=questions, shuffle_questions=True)
    Quiz.objects.filter(pk=quiz.pk).update(shuffle_choices=True)
    quiz.refresh_from_db()
    fixed_questions = [q.pk for q in questions]
    question_orders, choice_orders = set(), set()
    for _ in range(6):
        trainee = TraineeFactory()
        course_services.enrolment_enrol(trainee=trainee, course=course)
        attempt = services.attempt_start(quiz=quiz, trainee=trainee)
        rows = list(attempt.answers.order_by("position"))
        question_orders.add(tuple(row.question_id for row in rows))
        choice_orders.add(tuple(c["id"] for c in rows[0].snapshot["choices"]))
        assert sorted(r.question_id for r in rows) == sorted(fixed_questions)

    # Six attempts all in the authored order would happen about once in 10^17 runs.
    assert len(question_orders) > 1
    assert len(choice_orders) > 1


def test_without_shuffling_the_authored_order_is_kept(trainee, enrolled, course):
    questions = [ChoiceQuestionFactory(text=f"Q{n}") for n in range(5)]
    quiz = QuizFactory(course=course, questions=questions)

    attempt = services.attempt_start(quiz=quiz, trainee=trainee)

    assert list(attempt.answers.order_by("position").values_list("question_id", flat=True)) == [
        q.pk for q in questions
    ]
    first = attempt.answers.get(position=1)
    assert [c["id"] for c in first.snapshot["choices"]] == list(
        questions[0].choices.order_by("sort_order", "pk").values_list("pk", flat=True)
    )
