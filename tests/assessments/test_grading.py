"""Grading rules, one per question type, on frozen question snapshots."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from assessments import grading


def choice_question(kind, correct_ids, all_ids=(1, 2, 3, 4), points="2"):
    return {
        "kind": kind,
        "points": points,
        "choices": [{"id": i, "is_correct": i in correct_ids} for i in all_ids],
        "pairs": [],
    }


MATCHING = {
    "kind": "matching",
    "points": "3",
    "choices": [],
    "pairs": [{"id": 10}, {"id": 11}, {"id": 12}],
}
SHORT = {
    "kind": "short_answer",
    "points": "1",
    "choices": [],
    "pairs": [],
    "accepted_answers": ["non-refoulement", "Office des Étrangers"],
    "ignore_case": True,
    "ignore_accents": True,
}


@pytest.mark.parametrize(
    ("answer", "points", "correct"),
    [(2, "2", True), (3, "0.00", False), (None, "0.00", False)],
)
def test_single_choice_is_all_or_nothing(answer, points, correct):
    result = grading.grade(choice_question("single", {2}), answer)

    assert (result.points, result.is_correct, result.max_points) == (
        Decimal(points),
        correct,
        Decimal("2"),
    )


@pytest.mark.parametrize(
    ("ticked", "points", "correct"),
    [
        ([1, 2], "2.00", True),  # both correct
        ([1], "1.00", False),  # one of two correct
        ([1, 3], "0.00", False),  # one right cancelled by one wrong
        ([1, 2, 3], "1.00", False),  # two right, one wrong
        ([3, 4], "0.00", False),  # never below zero
    ],
)
def test_multiple_response_partial_credit(ticked, points, correct):
    result = grading.grade(choice_question("multiple", {1, 2}), ticked)

    assert (result.points, result.is_correct) == (Decimal(points), correct)


@pytest.mark.parametrize(
    ("answer", "points", "correct"),
    [
        ({"10": 10, "11": 11, "12": 12}, "3.00", True),
        ({"10": 10, "11": 11}, "2.00", False),  # one left unmatched
        ({"10": 10, "11": 12, "12": 11}, "0.00", False),  # one right, two wrong
    ],
)
def test_matching_partial_credit(answer, points, correct):
    result = grading.grade(MATCHING, answer)

    assert (result.points, result.is_correct) == (Decimal(points), correct)


@pytest.mark.parametrize(
    "answer",
    ["non-refoulement", "  NON-REFOULEMENT ", "office des etrangers", "Office  des Étrangers"],
)
def test_short_answer_ignores_case_spaces_and_accents(answer):
    assert grading.grade(SHORT, answer).is_correct


def test_short_answer_respects_strict_settings():
    strict = {**SHORT, "ignore_case": False, "ignore_accents": False}

    assert not grading.grade(strict, "office des etrangers").is_correct
    assert grading.grade(strict, "Office des Étrangers").is_correct


@pytest.mark.parametrize(
    ("snapshot", "answer"),
    [
        (choice_question("single", {2}), 99),  # a choice id of another question
        (choice_question("single", {2}), True),
        (choice_question("single", {2}), "2"),
        (choice_question("multiple", {1, 2}), [1, 99]),
        (choice_question("multiple", {1, 2}), 1),
        (MATCHING, {"10": 99}),
        (MATCHING, {"99": 10}),
        (MATCHING, ["10"]),
        (SHORT, 5),
        (SHORT, "x" * 501),
    ],
)
def test_answers_that_do_not_fit_the_question_are_refused(snapshot, answer):
    with pytest.raises(ValidationError):
        grading.clean_answer(snapshot, answer)


def test_clean_answer_normalises_multiple_and_matching():
    assert grading.clean_answer(choice_question("multiple", {1, 2}), [2, 1, 2]) == [1, 2]
    assert grading.clean_answer(MATCHING, {"10": "11"}) == {"10": 11}
