"""Small-cell suppression, so that no report exposes an individual trainee.

Pure functions over pandas objects; the builder passes ``min_cell`` (``REPORT_MIN_CELL`` from
``reports.defaults`` unless the report asks otherwise) and stores what comes back in the
report's tables (``reports.result``: a suppressed cell is None and listed in ``suppressed``).

Rules (DOMAIN.md, "Small numbers"):

- Primary: a cell built from 1 to ``min_cell`` − 1 distinct trainees is suppressed. A count of
  0 is shown: it describes no one, and hiding every empty cell would blank most small tables.
- Secondary: when a line has a total and exactly one of its parts is suppressed, the part
  could be recomputed by subtraction, so the smallest other part (by count, preferring a
  non-zero one, which actually hides something) is suppressed too; repeated until no line
  has exactly one suppressed part. A total is only suppressed when it is itself small.
- Shares near 0 % or 100 % whose rare side is a small group are shown as "<5 %" / ">95 %".
- Free-text answers are only shown for groups of more than ``min_cell`` respondents.
"""

from collections.abc import Hashable, Iterable

import pandas as pd

EXTREME_SHARE = 0.05
BELOW_EXTREME_LABEL = "<5 %"
ABOVE_EXTREME_LABEL = ">95 %"


def is_small(count: float | None, min_cell: int) -> bool:
    """True when a count of distinct trainees must be suppressed: 1 ≤ count < min_cell."""
    return count is not None and not pd.isna(count) and 0 < count < min_cell


def _part_to_reveal_with(
    parts: Iterable[Hashable], counts: pd.Series, hidden: set[Hashable]
) -> Hashable | None:
    """Return the part to suppress next to a lone suppressed part, or None if none is needed.

    ``parts`` are the members of one line (excluding its total); ``hidden`` the suppressed
    ones. The smallest visible non-zero part is chosen; a zero part only when no other is left.
    """
    parts = list(parts)
    if sum(part in hidden for part in parts) != 1:
        return None
    visible = [part for part in parts if part not in hidden]
    if not visible:
        return None
    non_zero = [part for part in visible if counts[part] > 0]
    candidates = non_zero or visible
    return min(candidates, key=lambda part: counts[part])


def suppress_table(
    table: pd.DataFrame,
    *,
    count_column: str,
    min_cell: int,
    value_columns: list[str] | None = None,
    total_row: int | str | None = None,
) -> tuple[pd.DataFrame, list[tuple]]:
    """Blank the rows of a one-way table whose trainee count is small; return (table, cells).

    ``count_column`` holds each row's distinct-trainee count. In a suppressed row every value
    column (default: all numeric columns) becomes None, and the count column always does, since
    the count is itself a small cell. ``total_row`` names the row holding the total of all the
    other rows: it triggers secondary suppression (see the module docstring) and is itself only
    suppressed when small. ``cells`` lists the (row label, column) pairs now None, in the
    table's row order; with a default RangeIndex the row label is the row's position.
    """
    if value_columns is None:
        value_columns = list(table.select_dtypes(include="number").columns)
    columns = list(dict.fromkeys([*value_columns, count_column]))
    counts = table[count_column]
    hidden = {label for label, count in counts.items() if is_small(count, min_cell)}
    if total_row is not None:
        parts = [label for label in table.index if label != total_row]
        while (extra := _part_to_reveal_with(parts, counts, hidden)) is not None:
            hidden.add(extra)

    result = table.copy()
    result[columns] = result[columns].astype(object)
    rows = [label for label in table.index if label in hidden]
    if rows:
        result.loc[rows, columns] = None
    return result, [(label, column) for label in rows for column in columns]


def suppress_crosstab(
    table: pd.DataFrame,
    *,
    min_cell: int,
    row_total: Hashable | None = None,
    column_total: Hashable | None = None,
) -> tuple[pd.DataFrame, list[tuple]]:
    """Suppress a two-way table of distinct-trainee counts; return (table, cells).

    Every cell is a count. ``row_total`` is the label of the row holding column totals,
    ``column_total`` that of the column holding row totals. Each row and each column is a line
    for secondary suppression, repeated until no line has exactly one suppressed part; totals
    are only suppressed when small. ``cells`` lists the (row label, column) pairs now None.
    """
    hidden = {
        (row, column)
        for row in table.index
        for column in table.columns
        if is_small(table.at[row, column], min_cell)
    }
    part_rows = [row for row in table.index if row != row_total]
    part_columns = [column for column in table.columns if column != column_total]
    lines = [[(row, column) for column in part_columns] for row in table.index] + [
        [(row, column) for row in part_rows] for column in table.columns
    ]
    counts = pd.Series(
        {(row, column): table.at[row, column] for row in table.index for column in table.columns}
    )
    changed = True
    while changed:
        changed = False
        for line in lines:
            extra = _part_to_reveal_with(line, counts, hidden)
            if extra is not None:
                hidden.add(extra)
                changed = True

    result = table.astype(object)
    cells = [
        (row, column) for row in table.index for column in table.columns if (row, column) in hidden
    ]
    for row, column in cells:
        result.at[row, column] = None
    return result, cells


def extreme_share_label(share: float, n: int, min_cell: int) -> str | None:
    """Return "<5 %" or ">95 %" when a share's rare side is a small group, else None.

    A share below 5 % (or above 95 %) of a group of ``n`` trainees stands for a handful of
    trainees who have (or lack) the attribute; when that handful is under ``min_cell`` (0
    included: then the share states something about every member), the label replaces the
    figure. None means the share may be shown as is. Groups under ``min_cell`` are not this
    function's concern: ``suppress_table`` removes them altogether.
    """
    having = round(share * n)  # back to a count of trainees, free of float noise
    if share < EXTREME_SHARE and having < min_cell:
        return BELOW_EXTREME_LABEL
    if share > 1 - EXTREME_SHARE and n - having < min_cell:
        return ABOVE_EXTREME_LABEL
    return None


def free_text_allowed(n_respondents: int, min_cell: int) -> bool:
    """True when a group's free-text answers may be shown: strictly more than ``min_cell``.

    Stricter than the count rule (a cell of exactly ``min_cell`` is shown) because a sentence
    identifies its writer far more readily than a number: "over the threshold" (issue 7).
    """
    return n_respondents > min_cell
