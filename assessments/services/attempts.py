"""Attempts: start, save answers as the trainee goes, submit and grade on the server."""

import logging
import random
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from courses.models import Enrolment
from courses.services import enrolment_evaluate

from .. import grading
from ..models import Attempt, AttemptAnswer, Question, Quiz

logger = logging.getLogger(__name__)


def question_snapshot(question: Question, *, rng: random.Random, shuffle_choices: bool) -> dict:
    """The question as the trainee will see and be graded on it, frozen for the attempt."""
    choices = [
        {"id": c.pk, "text": c.text, "is_correct": c.is_correct, "feedback": c.feedback}
        for c in question.choices.all()
    ]
    pairs = [{"id": p.pk, "prompt": p.prompt, "answer": p.answer} for p in question.pairs.all()]
    if shuffle_choices:
        rng.shuffle(choices)
    # Matching answers are always offered in another order than their prompts.
    answer_order = [pair["id"] for pair in pairs]
    rng.shuffle(answer_order)
    return {
        "kind": question.kind,
        "text": question.text,
        "points": str(question.points),
        "explanation": question.explanation,
        "choices": choices,
        "pairs": pairs,
        "answer_order": answer_order,
        "accepted_answers": question.accepted_answer_list(),
        "ignore_case": question.ignore_case,
        "ignore_accents": question.ignore_accents,
    }


def _quiz_questions(quiz: Quiz, rng: random.Random) -> list[Question]:
    questions = Question.objects.prefetch_related("choices", "pairs")
    if quiz.draw_count:
        pool = list(questions.filter(topics__in=quiz.draw_topics.all()).distinct())
        return rng.sample(pool, min(quiz.draw_count, len(pool)))
    ordered = {item.question_id: item.sort_order for item in quiz.quiz_questions.all()}
    selected = sorted(questions.filter(pk__in=ordered), key=lambda q: ordered[q.pk] or 0)
    if quiz.shuffle_questions:
        rng.shuffle(selected)
    return selected


def _enrolment_for(*, quiz: Quiz, trainee: User) -> Enrolment | None:
    if quiz.course_id is None:
        return None
    enrolment = Enrolment.objects.filter(trainee=trainee, course_id=quiz.course_id).first()
    if enrolment is None or not enrolment.gives_access:
        raise PermissionDenied(_("Enrol in the course to take this quiz."))
    return enrolment


@transaction.atomic
def attempt_start(*, quiz: Quiz, trainee: User) -> Attempt:
    """Resume the trainee's open attempt, or start the next one if any is left."""
    enrolment = _enrolment_for(quiz=quiz, trainee=trainee)
    open_attempt = Attempt.objects.filter(
        quiz=quiz, trainee=trainee, status=Attempt.Status.IN_PROGRESS
    ).first()
    if open_attempt is not None:
        if open_attempt.deadline and timezone.now() >= open_attempt.deadline:
            attempt_submit(attempt=open_attempt, trainee=trainee)
        else:
            return open_attempt
    used = Attempt.objects.filter(quiz=quiz, trainee=trainee).count()
    if quiz.max_attempts and used >= quiz.max_attempts:
        raise ValidationError(
            ngettext(
                "You have used your only attempt at this quiz.",
                "You have used all %(count)d attempts at this quiz.",
                quiz.max_attempts,
            )
            % {"count": quiz.max_attempts},
            code="attempts_used",
        )
    rng = random.SystemRandom()
    questions = _quiz_questions(quiz, rng)
    if not questions:
        raise ValidationError(_("This quiz has no questions yet."), code="empty")
    now = timezone.now()
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz,
                trainee=trainee,
                enrolment=enrolment,
                number=used + 1,
                started_at=now,
                deadline=now + timedelta(minutes=quiz.time_limit_minutes)
                if quiz.time_limit_minutes
                else None,
            )
    except IntegrityError:
        # A parallel request (double click, second tab) started it: continue that one.
        return Attempt.objects.get(quiz=quiz, trainee=trainee, status=Attempt.Status.IN_PROGRESS)
    AttemptAnswer.objects.bulk_create(
        AttemptAnswer(
            attempt=attempt,
            question=question,
            position=position,
            question_revision_id=question.latest_revision_id,
            snapshot=question_snapshot(question, rng=rng, shuffle_choices=quiz.shuffle_choices),
        )
        for position, question in enumerate(questions, start=1)
    )
    return attempt


def _own_open_attempt(*, attempt: Attempt, trainee: User) -> Attempt:
    if attempt.trainee_id != trainee.pk:
        raise PermissionDenied(_("This attempt is not yours."))
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise ValidationError(_("This attempt has been submitted."), code="closed")
    return attempt


def answer_save(*, attempt: Attempt, trainee: User, question_id: int, answer) -> AttemptAnswer:
    """Keep one answer as the trainee goes; a reload shows it again. Nothing is graded yet."""
    _own_open_attempt(attempt=attempt, trainee=trainee)
    if attempt.deadline and timezone.now() >= attempt.deadline:
        attempt_submit(attempt=attempt, trainee=trainee)
        raise ValidationError(
            _(
                "The time limit has passed: your attempt was submitted with the answers given "
                "in time."
            ),
            code="deadline",
        )
    row = AttemptAnswer.objects.filter(attempt=attempt, question_id=question_id).first()
    if row is None:
        raise ValidationError(_("This question is not part of your attempt."), code="question")
    row.answer = grading.clean_answer(row.snapshot, answer)
    row.answered_at = timezone.now()
    row.save(update_fields=["answer", "answered_at"])
    return row


@transaction.atomic
def attempt_submit(*, attempt: Attempt, trainee: User | None) -> Attempt:
    """Grade the attempt once; a second submission returns the first result unchanged.

    ``trainee`` None is the system closing an abandoned attempt at its deadline.
    """
    attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
    if trainee is not None and attempt.trainee_id != trainee.pk:
        raise PermissionDenied(_("This attempt is not yours."))
    if attempt.status != Attempt.Status.IN_PROGRESS:
        return attempt
    now = timezone.now()
    late = attempt.deadline is not None and now >= attempt.deadline
    rows = list(attempt.answers.all())
    for row in rows:
        in_time = not late or (row.answered_at and row.answered_at <= attempt.deadline)
        result = grading.grade(row.snapshot, row.answer if in_time else None)
        row.points, row.is_correct = result.points, result.is_correct
    AttemptAnswer.objects.bulk_update(rows, ["points", "is_correct"])
    score = sum((row.points for row in rows), Decimal("0"))
    max_score = sum((Decimal(row.snapshot["points"]) for row in rows), Decimal("0"))
    attempt.score, attempt.max_score = score, max_score
    attempt.percent = (score * 100 / max_score).quantize(Decimal("0.01")) if max_score else 0
    attempt.passed = attempt.percent >= attempt.quiz.pass_mark_percent
    attempt.status = Attempt.Status.EXPIRED if late else Attempt.Status.SUBMITTED
    attempt.submitted_at = min(now, attempt.deadline) if late else now
    attempt.save(
        update_fields=["score", "max_score", "percent", "passed", "status", "submitted_at"]
    )
    logger.info("Attempt %s graded: %s%%", attempt.pk, attempt.percent)
    if attempt.passed and attempt.enrolment_id:
        enrolment_evaluate(enrolment_id=attempt.enrolment_id)
    return attempt


def attempts_close_expired() -> int:
    """Grade every abandoned attempt whose deadline has passed (run by Celery beat)."""
    expired = Attempt.objects.filter(
        status=Attempt.Status.IN_PROGRESS, deadline__lte=timezone.now()
    ).values_list("pk", flat=True)
    closed = 0
    for attempt_id in list(expired):
        attempt_submit(attempt=Attempt(pk=attempt_id), trainee=None)
        closed += 1
    return closed
