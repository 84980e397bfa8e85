"""Attempts: start, save answers as the trainee goes, submit and grade on the server."""

import logging
import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from courses.completion import requirements_for
from courses.models import Enrolment
from courses.services import enrolment_evaluate, enrolment_milestone_record
from courses.signals import attempt_graded

from .. import grading
from ..models import Attempt, AttemptAnswer, PreTestSkip, Question, Quiz

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
    # The rows hold the live questions (a change waiting for review is only a revision);
    # one never published is not asked.
    questions = Question.objects.filter(live=True).prefetch_related("choices", "pairs")
    if quiz.draw_count:
        pool = questions.filter(topics__in=quiz.draw_topics.all()).filter(
            Q(course__isnull=True) | Q(course_id=quiz.course_id)
        )
        if quiz.purpose in (Quiz.Purpose.PRE_TEST, Quiz.Purpose.POST_TEST):
            # Both tests draw from the course's objectives, so their results compare.
            pool = pool.filter(objective__course_id=quiz.course_id)
        pool = list(pool.distinct())
        return rng.sample(pool, min(quiz.draw_count, len(pool)))
    ordered = {item.question_id: item.sort_order for item in quiz.quiz_questions.all()}
    selected = sorted(questions.filter(pk__in=ordered), key=lambda q: ordered[q.pk] or 0)
    if quiz.shuffle_questions:
        rng.shuffle(selected)
    return selected


def _enrolment_for(*, quiz: Quiz, trainee: User) -> Enrolment:
    enrolment = Enrolment.objects.filter(trainee=trainee, course_id=quiz.course_id).first()
    if quiz.course_id is None or enrolment is None or not enrolment.gives_access:
        raise PermissionDenied(_("Enrol in the course to take this quiz."))
    return enrolment


def _check_test_order(*, quiz: Quiz, enrolment: Enrolment) -> None:
    """The pre-test comes before the post-test; the post-test after the lessons."""
    if quiz.purpose == Quiz.Purpose.PRE_TEST:
        post_test_taken = Attempt.objects.filter(
            enrolment=enrolment, quiz__purpose=Quiz.Purpose.POST_TEST
        ).exists()
        if post_test_taken:
            raise ValidationError(
                _("The pre-test is closed: you have already taken the final test."),
                code="pre_test_closed",
            )
    if quiz.purpose == Quiz.Purpose.POST_TEST and enrolment.status == Enrolment.Status.ACTIVE:
        missing = lessons_missing(enrolment)
        if missing:
            raise ValidationError(
                ngettext(
                    "The final test opens when you have completed the lessons: %(count)d "
                    "lesson is still to do.",
                    "The final test opens when you have completed the lessons: %(count)d "
                    "lessons are still to do.",
                    len(missing),
                )
                % {"count": len(missing)},
                code="post_test_locked",
            )


def lessons_missing(enrolment: Enrolment) -> tuple[str, ...]:
    """Titles of the required lessons the trainee has not completed yet."""
    return next(
        (r.missing for r in requirements_for(enrolment) if r.key == "lessons" and not r.met), ()
    )


def _close_if_expired(attempt: Attempt | None, trainee: User) -> Attempt | None:
    """An open attempt past its deadline is graded now; returns it only if still open."""
    if attempt is not None and attempt.deadline and timezone.now() >= attempt.deadline:
        attempt_submit(attempt=attempt, trainee=trainee)
        return None
    return attempt


def attempt_start(*, quiz: Quiz, trainee: User) -> Attempt:
    """Resume the trainee's open attempt, or start the next one if any is left."""
    enrolment = _enrolment_for(quiz=quiz, trainee=trainee)
    open_attempt = _close_if_expired(
        Attempt.objects.filter(
            quiz=quiz, trainee=trainee, status=Attempt.Status.IN_PROGRESS
        ).first(),
        trainee,
    )
    if open_attempt is not None:
        return open_attempt
    return _attempt_create(quiz=quiz, trainee=trainee, enrolment=enrolment)


@transaction.atomic
def _attempt_create(*, quiz: Quiz, trainee: User, enrolment: Enrolment) -> Attempt:
    _check_test_order(quiz=quiz, enrolment=enrolment)
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
        # A parallel request (double click, second tab) started it: continue that one. It may
        # already be submitted or closed, and then this attempt's number is taken.
        open_attempt = Attempt.objects.filter(
            quiz=quiz, trainee=trainee, status=Attempt.Status.IN_PROGRESS
        ).first()
        if open_attempt is None:
            raise ValidationError(
                _("Another attempt at this quiz was started at the same moment. Reload the page."),
                code="started_elsewhere",
            ) from None
        return open_attempt
    AttemptAnswer.objects.bulk_create(
        AttemptAnswer(
            attempt=attempt,
            question=question,
            position=position,
            question_revision_id=question.live_revision_id,
            snapshot=question_snapshot(question, rng=rng, shuffle_choices=quiz.shuffle_choices),
        )
        for position, question in enumerate(questions, start=1)
    )
    return attempt


def _open_attempt_locked(*, attempt: Attempt, trainee: User) -> Attempt:
    """The attempt, row-locked so that saving and submitting never interleave."""
    attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
    if attempt.trainee_id != trainee.pk:
        raise PermissionDenied(_("This attempt is not yours."))
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise ValidationError(_("This attempt has been submitted."), code="closed")
    return attempt


def _cleaned_or_none(snapshot: dict, answer):
    try:
        return grading.clean_answer(snapshot, answer)
    except ValidationError:
        return None


def _deadline_passed() -> ValidationError:
    return ValidationError(
        _("The time limit has passed: your attempt was submitted with the answers given in time."),
        code="deadline",
    )


@transaction.atomic
def _answers_write(
    *, attempt: Attempt, trainee: User, answers: dict[int, Any], complete: bool
) -> list[AttemptAnswer] | None:
    attempt = _open_attempt_locked(attempt=attempt, trainee=trainee)
    now = timezone.now()
    if attempt.deadline and now >= attempt.deadline:
        return None
    rows = {row.question_id: row for row in attempt.answers.all()}
    unknown = set(answers) - set(rows)
    if unknown:
        raise ValidationError(_("This question is not part of your attempt."), code="question")
    changed = []
    for question_id, row in rows.items():
        if question_id not in answers and not complete:
            continue
        given = answers.get(question_id)
        if row.checked_at is not None:
            if given is not None and _cleaned_or_none(row.snapshot, given) != row.answer:
                raise ValidationError(
                    _("Question %(number)d was checked: its answer can no longer change.")
                    % {"number": row.position},
                    code="checked",
                )
            continue
        try:
            cleaned = None if given is None else grading.clean_answer(row.snapshot, given)
        except ValidationError as error:
            raise ValidationError(
                _("Question %(number)d: %(error)s")
                % {"number": row.position, "error": " ".join(error.messages)},
                code="answer",
            ) from None
        if cleaned != row.answer:
            row.answer, row.answered_at = cleaned, now
            changed.append(row)
    AttemptAnswer.objects.bulk_update(changed, ["answer", "answered_at"])
    return list(rows.values())


def answers_save(
    *, attempt: Attempt, trainee: User, answers: dict[int, Any], complete: bool = False
) -> list[AttemptAnswer]:
    """Keep the trainee's answers as they go; a reload shows them again. Nothing is graded.

    ``answers`` maps question ids to answers (``None``: no answer). With ``complete`` the
    dict is the whole form, so questions missing from it are cleared. Every answer is checked
    before any is written; after the deadline nothing is kept and the attempt is closed.
    """
    rows = _answers_write(attempt=attempt, trainee=trainee, answers=answers, complete=complete)
    if rows is None:
        attempt_submit(attempt=attempt, trainee=trainee)
        raise _deadline_passed()
    return rows


def answer_save(*, attempt: Attempt, trainee: User, question_id: int, answer) -> AttemptAnswer:
    """Keep one answer; see ``answers_save``."""
    rows = answers_save(attempt=attempt, trainee=trainee, answers={question_id: answer})
    return next(row for row in rows if row.question_id == question_id)


def answer_check(*, attempt: Attempt, trainee: User, question_id: int) -> AttemptAnswer:
    """Immediate feedback: grade one saved answer now and lock it."""
    with transaction.atomic():
        attempt = _open_attempt_locked(attempt=attempt, trainee=trainee)
        late = attempt.deadline is not None and timezone.now() >= attempt.deadline
        if not late:
            if attempt.quiz.feedback != Quiz.Feedback.IMMEDIATE:
                raise ValidationError(
                    _("This quiz shows the answers only after you submit."), code="policy"
                )
            row = AttemptAnswer.objects.filter(attempt=attempt, question_id=question_id).first()
            if row is None:
                raise ValidationError(
                    _("This question is not part of your attempt."), code="question"
                )
            if row.answer is None:
                raise ValidationError(
                    _("Answer question %(number)d before checking it.") % {"number": row.position},
                    code="unanswered",
                )
            if row.checked_at is None:
                result = grading.grade(row.snapshot, row.answer)
                row.points, row.is_correct = result.points, result.is_correct
                row.checked_at = timezone.now()
                row.save(update_fields=["points", "is_correct", "checked_at"])
            return row
    attempt_submit(attempt=attempt, trainee=trainee)
    raise _deadline_passed()


@transaction.atomic
def pre_test_skip(*, quiz: Quiz, trainee: User) -> PreTestSkip:
    """The trainee goes straight to the lessons; only where the pre-test allows it."""
    enrolment = _enrolment_for(quiz=quiz, trainee=trainee)
    if quiz.purpose != Quiz.Purpose.PRE_TEST or not quiz.pre_test_skippable:
        raise ValidationError(_("This test cannot be skipped."), code="not_skippable")
    if Attempt.objects.filter(quiz=quiz, trainee=trainee).exists():
        raise ValidationError(_("You have already started this test."), code="started")
    skip, _created = PreTestSkip.objects.get_or_create(enrolment=enrolment)
    return skip


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
    attempt_milestone_record(attempt)
    attempt_graded.send(
        sender=Attempt,
        attempt_id=attempt.pk,
        trainee_id=attempt.trainee_id,
        quiz_id=attempt.quiz_id,
        quiz_title=attempt.quiz.title,
        scaled=float(attempt.percent) / 100,
        passed=bool(attempt.passed),
    )
    if attempt.passed and attempt.enrolment_id:
        enrolment_evaluate(enrolment_id=attempt.enrolment_id)
    return attempt


def attempt_milestone_record(attempt: Attempt) -> None:
    """What a graded attempt tells about its enrolment: the pre-test taken, the post-test
    passed (kept on the enrolment for the evaluation report; the first time wins)."""
    milestone = {
        Quiz.Purpose.PRE_TEST: "pre_test_at",
        Quiz.Purpose.POST_TEST: "post_test_passed_at" if attempt.passed else None,
    }.get(attempt.quiz.purpose)
    if milestone and attempt.enrolment_id:
        enrolment_milestone_record(
            enrolment_id=attempt.enrolment_id, milestone=milestone, at=attempt.submitted_at
        )


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
