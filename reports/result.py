"""The shape of a built report, as stored in ``ReportRun.result`` (JSON).

The builder (``reports.builder``) produces it, already suppressed for small groups; the pages,
the dashboard and every export (``reports.exports``, ``reports.charts``) only render it. A
suppressed cell is ``None`` in ``rows`` and listed in the table's ``suppressed`` as
``[row index, column key]``; renderers show it as ``SUPPRESSED_MARK``.
"""

from typing import Any, TypedDict

SUPPRESSED_MARK = "·"


class Column(TypedDict):
    key: str
    label: str
    # "int", "percent" (0–100), "decimal", "text", "date"
    kind: str


class Table(TypedDict):
    key: str  # unique in the report: also the CSV file name and the XLSX sheet's table
    title: str
    columns: list[Column]
    rows: list[list[Any]]
    suppressed: list[list[Any]]
    notes: list[str]


class Series(TypedDict):
    name: str
    values: list[float | None]


class Chart(TypedDict):
    key: str
    title: str
    kind: str  # "bar", "hbar", "line", "stacked_bar", "funnel"
    labels: list[str]
    series: list[Series]
    unit: str  # shown on the value axis, e.g. "%" or "trainees"


class Section(TypedDict):
    key: str  # reach, cascade, reaction, learning, behaviour, results, items
    title: str
    summary: list[str]  # a few sentences with the headline figures
    tables: list[Table]
    charts: list[Chart]


class Report(TypedDict):
    title: str
    generated_at: str  # ISO 8601
    filters: dict[str, Any]  # as asked
    filter_labels: list[str]  # human-readable, e.g. "Period: 2026-01-01 – 2026-06-30"
    min_cell: int
    sections: list[Section]
