"""Grading of one answer against the question as it was shown (its snapshot).

Pure functions: no database, so every rule is tested directly. A snapshot is the dict built
by ``question_snapshot``; an answer is what the trainee gave, in the shape its kind expects:

- single / true_false: a choice id (int);
- multiple: a list of choice ids;
- matching: a dict {prompt id: answer id};
- short_answer: a string.

Partial credit (multiple response and matching): each correct selection earns its share of
the points and each wrong selection cancels one share; the result is never below zero.
For multiple response with c correct choices, a trainee who ticks k of them and w wrong
ones gets points × max(0, k − w) / c. Matching gives points × (right pairs − wrong pairs) /
pairs, also floored at zero. Single choice, true/false and short answer are all or nothing.
"""

import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SINGLE = "single"
MULTIPLE = "multiple"
TRUE_FALSE = "true_false"
MATCHING = "matching"
SHORT_ANSWER = "short_answer"
KINDS = (SINGLE, MULTIPLE, TRUE_FALSE, MATCHING, SHORT_ANSWER)


@dataclass(frozen=True)
class Grade:
    points: Decimal
    max_points: Decimal
    is_correct: bool


def _quantize(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def normalise_text(text: str, *, ignore_case: bool, ignore_accents: bool) -> str:
    """Collapse whitespace, and fold case and accents when the question says so."""
    text = " ".join(str(text).split())
    if ignore_accents:
        text = "".join(
            char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
        )
    return text.casefold() if ignore_case else text


def clean_answer(snapshot: dict, answer):
    """Check that an answer fits its question; refuse ids that belong to another question."""
    kind = snapshot["kind"]
    choice_ids = {choice["id"] for choice in snapshot.get("choices", [])}
    if kind in (SINGLE, TRUE_FALSE):
        if not isinstance(answer, int) or isinstance(answer, bool) or answer not in choice_ids:
            raise ValidationError(_("This choice does not belong to the question."))
        return answer
    if kind == MULTIPLE:
        if not isinstance(answer, list) or not all(
            isinstance(item, int) and not isinstance(item, bool) for item in answer
        ):
            raise ValidationError(_("Tick the answers from the list."))
        if not set(answer) <= choice_ids:
            raise ValidationError(_("This choice does not belong to the question."))
        return sorted(set(answer))
    if kind == MATCHING:
        prompts = {pair["id"] for pair in snapshot["pairs"]}
        if not isinstance(answer, dict):
            raise ValidationError(_("Match each item from the list."))
        cleaned = {}
        for prompt, matched in answer.items():
            try:
                prompt_id, matched_id = int(prompt), int(matched)
            except (TypeError, ValueError):
                raise ValidationError(_("Match each item from the list.")) from None
            if prompt_id not in prompts or matched_id not in prompts:
                raise ValidationError(_("This item does not belong to the question."))
            cleaned[str(prompt_id)] = matched_id
        return cleaned
    if kind == SHORT_ANSWER:
        if not isinstance(answer, str):
            raise ValidationError(_("Type your answer."))
        if len(answer) > 500:
            raise ValidationError(_("Keep the answer under 500 characters."))
        return answer.strip()
    raise ValidationError(_("Unknown question type."))


def grade(snapshot: dict, answer) -> Grade:
    """Points for a cleaned answer (``None``: not answered, zero points)."""
    points = Decimal(str(snapshot["points"]))
    kind = snapshot["kind"]
    if answer is None or answer == [] or answer == {} or answer == "":
        return Grade(Decimal("0.00"), points, False)
    if kind in (SINGLE, TRUE_FALSE):
        correct = {c["id"] for c in snapshot["choices"] if c["is_correct"]}
        right = answer in correct
        return Grade(points if right else Decimal("0.00"), points, right)
    if kind == MULTIPLE:
        correct = {c["id"] for c in snapshot["choices"] if c["is_correct"]}
        chosen = set(answer)
        share = Decimal(max(0, len(chosen & correct) - len(chosen - correct))) / len(correct)
        return Grade(_quantize(points * share), points, chosen == correct)
    if kind == MATCHING:
        pairs = snapshot["pairs"]
        right = sum(1 for pair in pairs if answer.get(str(pair["id"])) == pair["id"])
        wrong = sum(
            1
            for pair in pairs
            if str(pair["id"]) in answer and answer[str(pair["id"])] != pair["id"]
        )
        share = Decimal(max(0, right - wrong)) / len(pairs)
        return Grade(_quantize(points * share), points, right == len(pairs))
    if kind == SHORT_ANSWER:
        options = {
            "ignore_case": snapshot["ignore_case"],
            "ignore_accents": snapshot["ignore_accents"],
        }
        given = normalise_text(answer, **options)
        accepted = {normalise_text(text, **options) for text in snapshot["accepted_answers"]}
        right = given in accepted
        return Grade(points if right else Decimal("0.00"), points, right)
    raise ValidationError(_("Unknown question type."))
