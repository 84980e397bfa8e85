"""Reads about quizzes and attempts: what a trainee may see, and trainers' statistics."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from accounts.models import User
from courses.models import Enrolment
from courses.selectors import user_manages_course

from .. import grading
from ..models import (
    Attempt,
    AttemptAnswer,
    Choice,
    MatchingPair,
    PreTestSkip,
    Question,
    Quiz,
    QuizQuestion,
)

FINISHED = (Attempt.Status.SUBMITTED, Attempt.Status.EXPIRED)


# --- What the trainee sees -------------------------------------------------------------


def attempt_reveals_answers(attempt: Attempt) -> bool:
    """Correct answers are shown after submission unless the quiz never shows them."""
    return attempt.status != Attempt.Status.IN_PROGRESS and attempt.quiz.feedback in (
        Quiz.Feedback.AFTER_SUBMISSION,
        Quiz.Feedback.IMMEDIATE,
    )


def attempt_shows_pass(attempt: Attempt) -> bool:
    """Pre-tests and practice quizzes have no pass mark the trainee is told about."""
    return attempt.quiz.purpose not in (Quiz.Purpose.PRE_TEST, Quiz.Purpose.PRACTICE)


def answer_revealed(attempt: Attempt, row: AttemptAnswer) -> bool:
    """Whether the trainee may see if this answer was right: after submission as the policy
    allows, or during an attempt with immediate feedback once they checked the question."""
    immediate = attempt.quiz.feedback == Quiz.Feedback.IMMEDIATE
    return attempt_reveals_answers(attempt) or (immediate and row.checked_at is not None)


@dataclass
class QuestionView:
    """One question of an attempt as the page shows it; secrets only when ``revealed``."""

    position: int
    question_id: int
    kind: str
    text: str
    points: Decimal
    answer: Any
    revealed: bool
    checked: bool
    earned: Decimal | None = None
    is_correct: bool | None = None
    explanation: str = ""
    choices: list[dict] = field(default_factory=list)
    prompts: list[dict] = field(default_factory=list)
    options: list[dict] = field(default_factory=list)
    accepted_answers: list[str] = field(default_factory=list)

    @property
    def field_name(self) -> str:
        return f"q-{self.question_id}"


def _question_view(row: AttemptAnswer, *, revealed: bool) -> QuestionView:
    snapshot = row.snapshot
    view = QuestionView(
        position=row.position,
        question_id=row.question_id,
        kind=snapshot["kind"],
        text=snapshot["text"],
        points=Decimal(snapshot["points"]),
        answer=row.answer,
        revealed=revealed,
        checked=row.checked_at is not None,
    )
    # A choice answer is an id or a list of ids; a matching answer is a dict, which selects
    # no choice (and cannot go in a set).
    if isinstance(row.answer, list):
        selected = set(row.answer)
    else:
        selected = set() if isinstance(row.answer, dict) else {row.answer}
    for choice in snapshot["choices"]:
        item = {"id": choice["id"], "text": choice["text"], "selected": choice["id"] in selected}
        if revealed:
            item["is_correct"] = choice["is_correct"]
            item["feedback"] = choice["feedback"] if item["selected"] else ""
        view.choices.append(item)
    # Matching: answers are offered by their position in a per-attempt shuffled order, so
    # the page never shows which answer belongs to which prompt.
    answer_texts = {pair["id"]: pair["answer"] for pair in snapshot["pairs"]}
    order = snapshot.get("answer_order", [])
    view.options = [
        {"index": index, "text": answer_texts[pair_id]} for index, pair_id in enumerate(order)
    ]
    given = row.answer if isinstance(row.answer, dict) else {}
    for pair in snapshot["pairs"]:
        matched = given.get(str(pair["id"]))
        item = {
            "id": pair["id"],
            "text": pair["prompt"],
            "field_name": f"q-{row.question_id}-{pair['id']}",
            "selected_index": order.index(matched) if matched in order else None,
        }
        if revealed:
            item["correct_answer"] = pair["answer"]
            item["is_correct"] = matched == pair["id"]
        view.prompts.append(item)
    if revealed:
        view.earned, view.is_correct = row.points, row.is_correct
        view.explanation = snapshot["explanation"]
        view.accepted_answers = snapshot["accepted_answers"]
    return view


def attempt_questions(attempt: Attempt) -> list[QuestionView]:
    """The attempt's questions in order, revealing answers only as the feedback policy allows.

    During an attempt with immediate feedback, a question the trainee checked is revealed.
    """
    return [
        _question_view(row, revealed=answer_revealed(attempt, row))
        for row in attempt.answers.order_by("position")
    ]


def answers_from_form(attempt: Attempt, data) -> dict[int, Any]:
    """Turn a submitted quiz form into ``{question id: answer}`` for ``answers_save``.

    Only questions with a value in the form appear; the services clear the others.
    Values are passed on as given (ids as numbers when they are numbers) so the services
    can refuse ids that belong to another question.
    """

    def number(value: str):
        return int(value) if value.strip().lstrip("-").isdigit() else value

    rows = list(attempt.answers.all())
    answers: dict[int, Any] = {}
    for row in rows:
        name, kind = f"q-{row.question_id}", row.snapshot["kind"]
        if kind in (grading.SINGLE, grading.TRUE_FALSE) and data.get(name):
            answers[row.question_id] = number(data[name])
        elif kind == grading.MULTIPLE and data.getlist(name):
            answers[row.question_id] = [number(value) for value in data.getlist(name)]
        elif kind == grading.SHORT_ANSWER and data.get(name, "").strip():
            answers[row.question_id] = data[name]
        elif kind == grading.MATCHING:
            order = row.snapshot.get("answer_order", [])
            matched = {}
            for pair in row.snapshot["pairs"]:
                value = data.get(f"{name}-{pair['id']}", "")
                if not value:
                    continue
                index = number(value)
                # An index outside the list is passed on as an unknown id and refused.
                valid = isinstance(index, int) and 0 <= index < len(order)
                matched[str(pair["id"])] = order[index] if valid else -1
            if matched:
                answers[row.question_id] = matched
    # Anything else named like a question: an answer to a question not in the attempt.
    known = {f"q-{row.question_id}" for row in rows}
    for key in data:
        base = "-".join(key.split("-")[:2])
        if key.startswith("q-") and base not in known:
            question = key.split("-")[1]
            answers[int(question) if question.isdigit() else -1] = data.get(key)
    return answers


@dataclass
class QuizStanding:
    """A trainee's attempts at a quiz and what they may do next."""

    quiz: Quiz
    attempts: list[Attempt]
    open_attempt: Attempt | None
    attempts_left: int | None  # None: unlimited
    best_percent: Decimal | None
    passed: bool
    skipped: bool = False

    @property
    def finished_attempts(self) -> list[Attempt]:
        return [attempt for attempt in self.attempts if attempt.status in FINISHED]

    @property
    def can_start(self) -> bool:
        return self.open_attempt is None and self.attempts_left != 0


def quiz_standing(*, quiz: Quiz, trainee: User) -> QuizStanding:
    """The trainee's attempts at ``quiz``, newest first (one query, two with the skip)."""
    attempts = list(Attempt.objects.filter(quiz=quiz, trainee=trainee).order_by("-number"))
    finished = [attempt for attempt in attempts if attempt.status in FINISHED]
    skipped = (
        quiz.purpose == Quiz.Purpose.PRE_TEST
        and PreTestSkip.objects.filter(
            enrolment__trainee=trainee, enrolment__course_id=quiz.course_id
        ).exists()
    )
    return QuizStanding(
        quiz=quiz,
        attempts=attempts,
        open_attempt=next((a for a in attempts if a.status == Attempt.Status.IN_PROGRESS), None),
        attempts_left=max(0, quiz.max_attempts - len(attempts)) if quiz.max_attempts else None,
        best_percent=max((a.percent for a in finished), default=None),
        passed=any(a.passed for a in finished),
        skipped=skipped,
    )


def _prefer_language(quizzes, language: str | None) -> Quiz | None:
    """Of a quiz's translations, the one in ``language``, else the first created."""
    quizzes = sorted(quizzes, key=lambda quiz: quiz.pk)
    return next((q for q in quizzes if q.locale.language_code == language), None) or next(
        iter(quizzes), None
    )


def course_tests(course_id: int, language: str | None = None) -> dict[str, Quiz]:
    """The course's pre-test and post-test by purpose, in ``language`` where translated."""
    quizzes = Quiz.objects.filter(
        live=True,
        course_id=course_id,
        purpose__in=[Quiz.Purpose.PRE_TEST, Quiz.Purpose.POST_TEST],
    ).select_related("locale")
    tests = {}
    for purpose in (Quiz.Purpose.PRE_TEST, Quiz.Purpose.POST_TEST):
        quiz = _prefer_language([q for q in quizzes if q.purpose == purpose], language)
        if quiz is not None:
            tests[purpose] = quiz
    return tests


def pre_test_pending(enrolment: Enrolment, language: str | None = None) -> Quiz | None:
    """The pre-test the trainee still has to take or skip before the lessons, if any."""
    if enrolment.status != Enrolment.Status.ACTIVE:
        return None
    quiz = course_tests(enrolment.course_id, language).get(Quiz.Purpose.PRE_TEST)
    if quiz is None:
        return None
    # Any translation of the pre-test counts as taken.
    done = Attempt.objects.filter(
        quiz__course_id=enrolment.course_id,
        quiz__purpose=Quiz.Purpose.PRE_TEST,
        trainee_id=enrolment.trainee_id,
        status__in=FINISHED,
    )
    if done.exists() or PreTestSkip.objects.filter(enrolment=enrolment).exists():
        return None
    return quiz


# --- What trainers see -----------------------------------------------------------------


def tests_objective_gap(tests: dict[str, Quiz]) -> list[str]:
    """Learning objectives covered by only one of a course's pre-test and post-test."""
    if len(tests) < 2:
        return []
    covered = {
        purpose: set(
            QuizQuestion.objects.filter(quiz=quiz, question__objective__isnull=False).values_list(
                "question__objective__text", flat=True
            )
        )
        for purpose, quiz in tests.items()
    }
    return sorted(covered["pre_test"] ^ covered["post_test"])


def quizzes_for_trainer(user: User) -> QuerySet[Quiz]:
    """Quizzes of the courses the user owns or leads a cohort in (admins: all)."""
    quizzes = Quiz.objects.select_related("course").order_by("course__title", "title")
    if user.is_superuser:
        return quizzes
    return quizzes.filter(Q(course__trainers=user) | Q(course__cohorts__trainers=user)).distinct()


def attempts_visible_to(*, user: User, quiz: Quiz) -> QuerySet[Attempt] | None:
    """Owning trainers and admins see every attempt; cohort trainers their cohorts' ones.

    ``None``: the user may not see this quiz's attempts at all.
    """
    attempts = Attempt.objects.filter(quiz=quiz)
    if quiz.course_id and user_manages_course(user=user, course=quiz.course):
        return attempts
    led = attempts.filter(enrolment__cohort__trainers=user)
    if quiz.course_id and quiz.course.cohorts.filter(trainers=user).exists():
        return led
    return None


def quiz_attempt_rows(attempts: QuerySet[Attempt]) -> QuerySet[Attempt]:
    """Attempts for the trainer's table, with the trainee and cohort in the same query."""
    return attempts.select_related("trainee", "enrolment__cohort").order_by(
        "trainee__full_name", "number"
    )


@dataclass
class QuestionStatistics:
    """How one question fared across finished attempts."""

    question_id: int
    text: str
    kind: str
    answered: int
    attempts: int
    correct: int
    most_chosen_wrong: str
    most_chosen_wrong_count: int

    @property
    def share_correct(self) -> float | None:
        return self.correct / self.attempts if self.attempts else None


def _wrong_labels(kind: str, answer: Any, choices: dict, pairs: dict) -> list[str]:
    """What a wrong answer chose that was wrong, as labels a trainer can read."""
    if kind in (grading.SINGLE, grading.TRUE_FALSE):
        return [choices[answer][0]] if answer in choices else []
    if kind == grading.MULTIPLE:
        return [choices[i][0] for i in answer if i in choices and not choices[i][1]]
    if kind == grading.MATCHING:
        return [
            f"{pairs[int(prompt)][0]} → {pairs[matched][1]}"
            for prompt, matched in answer.items()
            if int(prompt) != matched and int(prompt) in pairs and matched in pairs
        ]
    return [" ".join(str(answer).split()).casefold()]


def quiz_question_statistics(attempts: QuerySet[Attempt]) -> list[QuestionStatistics]:
    """Per question: share correct and most chosen wrong answer (a fixed number of queries)."""
    answers = AttemptAnswer.objects.filter(attempt__in=attempts.filter(status__in=FINISHED))
    totals = (
        answers.values("question_id")
        .annotate(
            attempts=Count("pk"),
            answered=Count("pk", filter=Q(answer__isnull=False)),
            correct=Count("pk", filter=Q(is_correct=True)),
            position=Max("position"),
        )
        .order_by("position", "question_id")
    )
    totals = list(totals)
    ids = [row["question_id"] for row in totals]
    questions = {q.pk: q for q in Question.objects.filter(pk__in=ids).only("text", "kind")}
    choices = {c.pk: (c.text, c.is_correct) for c in Choice.objects.filter(question_id__in=ids)}
    pairs = {p.pk: (p.prompt, p.answer) for p in MatchingPair.objects.filter(question_id__in=ids)}
    wrong: dict[int, Counter] = {question_id: Counter() for question_id in ids}
    grouped = (
        answers.filter(is_correct=False, answer__isnull=False)
        .values("question_id", "answer")
        .annotate(n=Count("pk"))
    )
    for row in grouped:
        kind = questions[row["question_id"]].kind
        for label in _wrong_labels(kind, row["answer"], choices, pairs):
            wrong[row["question_id"]][label] += row["n"]
    statistics = []
    for row in totals:
        question = questions[row["question_id"]]
        label, count = next(iter(wrong[question.pk].most_common(1)), ("", 0))
        statistics.append(
            QuestionStatistics(
                question_id=question.pk,
                text=question.text,
                kind=question.get_kind_display(),
                answered=row["answered"],
                attempts=row["attempts"],
                correct=row["correct"],
                most_chosen_wrong=label,
                most_chosen_wrong_count=count,
            )
        )
    return statistics


# --- Personal data ---------------------------------------------------------------------


def trainee_assessment_data(user: User) -> dict[str, Any]:
    """The trainee's attempts and answers, for the personal-data export.

    It shows what the result page shows: whether an answer was right and its points only
    where the quiz's feedback policy reveals them, a pass only where the page tells it.
    """
    attempts = Attempt.objects.filter(trainee=user).select_related("quiz").order_by("pk")
    by_pk = {attempt.pk: attempt for attempt in attempts}
    answers: dict[int, list] = {}
    for row in AttemptAnswer.objects.filter(attempt__trainee=user).order_by("attempt", "position"):
        item = {
            "question": row.snapshot["text"],
            "answer": row.answer,
            "answered_at": row.answered_at,
        }
        if answer_revealed(by_pk[row.attempt_id], row):
            item.update(points=row.points, correct=row.is_correct)
        answers.setdefault(row.attempt_id, []).append(item)
    return {
        "attempts": [
            {
                "quiz": attempt.quiz.title,
                "number": attempt.number,
                "status": attempt.status,
                "started_at": attempt.started_at,
                "submitted_at": attempt.submitted_at,
                "percent": attempt.percent,
                "passed": attempt.passed if attempt_shows_pass(attempt) else None,
                "answers": answers.get(attempt.pk, []),
            }
            for attempt in attempts
        ]
    }
