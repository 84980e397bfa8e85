"""Small-cell suppression: primary, secondary, totals, zero counts, shares and free text."""

import pandas as pd
import pytest

from reports.privacy import (
    extreme_share_label,
    free_text_allowed,
    is_small,
    suppress_crosstab,
    suppress_table,
)


def by_organisation(trainees: dict[str, int]) -> pd.DataFrame:
    """A one-way table of trainees and passes per organisation, with its total row."""
    table = pd.DataFrame(
        {"trainees": trainees, "passed": {org: n // 2 for org, n in trainees.items()}}
    )
    table.loc["Total"] = table.sum()
    table["city"] = "Brussels"
    return table


def suppressed_rows(cells: list[tuple]) -> list:
    return list(dict.fromkeys(row for row, _column in cells))


def test_is_small():
    assert [is_small(n, 5) for n in (0, 1, 4, 5, None)] == [False, True, True, False, False]


def test_one_small_row_gets_a_second_row_suppressed():
    table = by_organisation({"A": 12, "B": 3, "C": 8, "D": 20})

    result, cells = suppress_table(table, count_column="trainees", min_cell=5, total_row="Total")

    # B (3) is small; Total − A − C − D would give it back, so C, the smallest other, goes too
    assert suppressed_rows(cells) == ["B", "C"]
    assert set(cells) == {(row, col) for row in ("B", "C") for col in ("trainees", "passed")}
    assert result.loc["B", "trainees"] is None
    assert result.loc["C", "passed"] is None
    assert result.loc["Total", "trainees"] == 43
    assert result.loc["A"].tolist() == [12, 6, "Brussels"]
    assert result.loc["B", "city"] == "Brussels"
    assert table.loc["B", "trainees"] == 3  # the input is left alone


def test_two_small_rows_need_no_extra_suppression():
    table = by_organisation({"A": 12, "B": 3, "C": 2, "D": 20})

    _result, cells = suppress_table(table, count_column="trainees", min_cell=5, total_row="Total")

    assert suppressed_rows(cells) == ["B", "C"]


def test_without_a_total_only_the_small_row_is_suppressed():
    table = by_organisation({"A": 12, "B": 3, "C": 8}).drop(index="Total")

    _result, cells = suppress_table(table, count_column="trainees", min_cell=5)

    assert suppressed_rows(cells) == ["B"]


def test_a_zero_count_is_shown_and_not_used_as_the_second_cell():
    table = by_organisation({"A": 12, "B": 0, "C": 8})
    result, cells = suppress_table(table, count_column="trainees", min_cell=5, total_row="Total")
    assert cells == []
    assert result.loc["B", "trainees"] == 0

    table = by_organisation({"A": 12, "B": 0, "C": 3, "D": 8})
    result, cells = suppress_table(table, count_column="trainees", min_cell=5, total_row="Total")
    # hiding the 0 would still give C back as Total − A − D; D is hidden instead
    assert suppressed_rows(cells) == ["C", "D"]
    assert result.loc["B", "trainees"] == 0


def test_a_small_total_is_suppressed_too():
    table = by_organisation({"A": 2, "B": 1})

    _result, cells = suppress_table(table, count_column="trainees", min_cell=5, total_row="Total")

    assert suppressed_rows(cells) == ["A", "B", "Total"]


def test_min_cell_comes_from_the_argument():
    table = by_organisation({"A": 12, "B": 3, "C": 8, "D": 20})

    _result, cells = suppress_table(table, count_column="trainees", min_cell=10, total_row="Total")

    assert suppressed_rows(cells) == ["B", "C"]
    _result, cells = suppress_table(table, count_column="trainees", min_cell=3)
    assert cells == []


def test_chosen_value_columns_always_include_the_count():
    table = pd.DataFrame({"trainees": [12, 3], "share_passed": [50.0, 66.7], "passed": [6, 2]})

    result, cells = suppress_table(
        table, count_column="trainees", min_cell=5, value_columns=["share_passed"]
    )

    assert cells == [(1, "share_passed"), (1, "trainees")]
    assert result.loc[1].tolist() == [None, None, 2]


def test_total_row_given_by_position():
    table = pd.DataFrame({"trainees": [12, 3, 8, 23]})

    _result, cells = suppress_table(table, count_column="trainees", min_cell=5, total_row=3)

    assert cells == [(1, "trainees"), (2, "trainees")]


def test_crosstab_protects_rows_and_columns():
    table = pd.DataFrame(
        {"passed": [10, 8, 18], "failed": [3, 9, 12], "Total": [13, 17, 30]},
        index=["A", "B", "Total"],
    )

    result, cells = suppress_crosstab(table, min_cell=5, row_total="Total", column_total="Total")

    # A/failed (3) is small; row A then needs A/passed, column failed needs B/failed,
    # which leaves column passed with one hidden cell, so B/passed goes too
    assert cells == [("A", "passed"), ("A", "failed"), ("B", "passed"), ("B", "failed")]
    assert result["Total"].tolist() == [13, 17, 30]
    assert result.loc["Total"].tolist() == [18, 12, 30]
    assert result.loc["A", "failed"] is None


def test_crosstab_without_small_cells_is_unchanged():
    table = pd.DataFrame({"passed": [10, 0], "failed": [6, 9]}, index=["A", "B"])

    result, cells = suppress_crosstab(table, min_cell=5)

    assert cells == []
    assert result.to_numpy().tolist() == [[10, 6], [0, 9]]


@pytest.mark.parametrize(
    ("share", "n", "label"),
    [
        (0.0, 40, "<5 %"),
        (0.04, 100, "<5 %"),  # 4 trainees
        (0.03, 200, None),  # 6 trainees: not a small group
        (1.0, 12, ">95 %"),
        (0.96, 100, ">95 %"),  # 4 trainees without
        (0.97, 200, None),
        (0.5, 10, None),
    ],
)
def test_extreme_share_label(share, n, label):
    assert extreme_share_label(share, n, min_cell=5) == label


@pytest.mark.parametrize(
    ("n", "min_cell", "allowed"),
    [(4, 5, False), (5, 5, False), (6, 5, True), (10, 10, False), (11, 10, True)],
)
def test_free_text_only_for_groups_over_the_threshold(n, min_cell, allowed):
    assert free_text_allowed(n, min_cell) is allowed
