"""Build the evaluation report: seven sections, each tables and charts, already suppressed.

``report_build`` reads aggregated data through ``reports.data``, computes the statistics with
``reports.statistics`` and suppresses small cells with ``reports.privacy`` before anything
leaves this module: the stored ``ReportRun.result`` (``reports.result.Report``) never holds a
figure built from fewer than ``min_cell`` distinct trainees, so pages and exports only render.
"""

from __future__ import annotations

import datetime
import decimal
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Audience
from assessments.models import SurveyItem

from . import data, defaults, privacy, statistics
from .data import ReportFilters
from .result import Chart, Column, Report, Section, Table

# How far a cascade is followed; deeper levels are rare and would be tiny groups anyway.
MAX_CASCADE_LEVELS = 5
# Free-text answers listed per survey item, at most (the rest are left out, and said so).
MAX_COMMENTS_PER_ITEM = 50
TOTAL = "__total__"

Progress = Callable[[int], None]


@dataclass
class _Context:
    """What every section builder needs."""

    filters: ReportFilters
    min_cell: int
    course_titles: dict[int, str] = field(default_factory=dict)

    def course_title(self, course_id: Any) -> str:
        if course_id is None or pd.isna(course_id):
            return _("No course")
        return self.course_titles.get(int(course_id)) or _("Course %(id)s") % {"id": course_id}


def report_build(
    *,
    filters: dict[str, Any],
    min_cell: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """Build the whole report for these filters; ``progress`` hears 0–100 as sections finish.

    Raises ValidationError on bad filters (see ``ReportFilters.from_dict``).
    """
    parsed = ReportFilters.from_dict(filters)
    context = _Context(filters=parsed, min_cell=min_cell or defaults.REPORT_MIN_CELL)
    context.course_titles = data.course_titles(data.scope_course_ids(parsed))
    builders = (
        _reach_section,
        _cascade_section,
        _reaction_section,
        _learning_section,
        _behaviour_section,
        _results_section,
        _items_section,
    )
    sections: list[Section] = []
    with data.reading_session():
        if progress:
            progress(0)
        for done, build in enumerate(builders, start=1):
            sections.append(build(context))
            if progress:
                progress(round(100 * done / len(builders)))
    return {
        "title": _("Evaluation report"),
        "generated_at": timezone.now().isoformat(),
        "filters": parsed.as_dict(),
        "filter_labels": parsed.labels(),
        "min_cell": context.min_cell,
        "sections": sections,
    }


# --- Cells, tables, charts -----------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A JSON-ready cell: None for missing, Python numbers, ISO dates, text."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating | decimal.Decimal):
        number = float(value)
        return None if math.isnan(number) or math.isinf(number) else number
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if pd.isna(value):
        return None
    return str(value)


def _column(key: str, label: str, kind: str) -> Column:
    return {"key": key, "label": label, "kind": kind}


@dataclass
class _Suppression:
    """One pass of ``privacy.suppress_table``: the rows whose ``count`` is small lose
    ``values``; with a total row, a second row goes too."""

    count: str
    values: list[str]


def _suppress(
    frame: pd.DataFrame,
    rules: Sequence[_Suppression],
    *,
    min_cell: int,
    total_row: int | None = None,
) -> tuple[pd.DataFrame, set[tuple[int, str]]]:
    """Apply every rule to the original counts and blank the union of their cells."""
    frame = frame.reset_index(drop=True)
    hidden: set[tuple[int, str]] = set()
    for rule in rules:
        _table, cells = privacy.suppress_table(
            frame,
            count_column=rule.count,
            min_cell=min_cell,
            value_columns=rule.values,
            total_row=total_row,
        )
        hidden.update((int(row), str(column)) for row, column in cells)
    result = frame.astype(object)
    for row, column in hidden:
        result.at[row, column] = None
    return result, hidden


def _label_extreme_shares(
    frame: pd.DataFrame,
    hidden: set[tuple[int, str]],
    shares: dict[str, str],
    min_cell: int,
) -> None:
    """Replace shares (0–1) whose rare side is a small group by "<5 %" / ">95 %", in place."""
    for share_column, n_column in shares.items():
        for row in range(len(frame)):
            if (row, share_column) in hidden:
                continue
            share, n = frame.at[row, share_column], frame.at[row, n_column]
            if share is None or n is None or pd.isna(share) or pd.isna(n):
                continue
            label = privacy.extreme_share_label(float(share), int(n), min_cell)
            if label:
                frame.at[row, share_column] = label


def _table(
    key: str,
    title: str,
    columns: list[Column],
    frame: pd.DataFrame,
    *,
    hidden: Iterable[tuple[int, str]] = (),
    notes: Iterable[str] = (),
) -> Table:
    """A result table from a frame holding the columns' keys (extra columns are left out).

    Percent columns hold shares in 0–1 in the frame and 0–100 in the table.
    """
    frame = frame.reset_index(drop=True)
    keys = {column["key"] for column in columns}
    rows = []
    for index in range(len(frame)):
        row = []
        for column in columns:
            value = _plain(frame.at[index, column["key"]]) if column["key"] in frame else None
            if isinstance(value, float):
                if column["kind"] == "percent":
                    value = round(100 * value, 1)
                elif column["kind"] == "int":
                    value = int(round(value))
                else:
                    # Small figures (gains, p-values, correlations) keep a third decimal.
                    value = round(value, 2 if abs(value) >= 1 else 3)
            row.append(value)
        rows.append(row)
    return {
        "key": key,
        "title": title,
        "columns": columns,
        "rows": rows,
        "suppressed": sorted([int(row), str(column)] for row, column in hidden if column in keys),
        "notes": [str(note) for note in notes],
    }


def _suppressed_table(
    key: str,
    title: str,
    columns: list[Column],
    frame: pd.DataFrame,
    rules: Sequence[_Suppression],
    *,
    min_cell: int,
    shares: dict[str, str] | None = None,
    total_row: int | None = None,
    notes: Iterable[str] = (),
) -> tuple[Table, pd.DataFrame]:
    """Suppress ``frame`` by ``rules``, label its extreme ``shares`` (share column: its n)
    and make the table: returns the table and the frame as shown."""
    shown, hidden = _suppress(frame, rules, min_cell=min_cell, total_row=total_row)
    _label_extreme_shares(shown, hidden, shares or {}, min_cell)
    return _table(key, title, columns, shown, hidden=hidden, notes=notes), shown


def _chart(
    key: str,
    title: str,
    kind: str,
    labels: Iterable[Any],
    series: Iterable[tuple[str, Iterable[Any]]],
    unit: str,
    *,
    percent: bool = False,
) -> Chart:
    """A chart; text cells (extreme-share labels) and missing values become gaps."""

    def number(value: Any) -> float | None:
        value = _plain(value)
        if not isinstance(value, int | float) or isinstance(value, bool):
            return None
        return round(100 * value, 1) if percent else value

    return {
        "key": key,
        "title": title,
        "kind": kind,
        "labels": [str(label) for label in labels],
        "series": [
            {"name": str(name), "values": [number(value) for value in values]}
            for name, values in series
        ],
        "unit": unit,
    }


def _section(
    key: str, title: str, summary: list[str], tables: list[Table], charts: list[Chart]
) -> Section:
    """A section; charts without any category are left out (nothing to draw)."""
    charts = [chart for chart in charts if chart["labels"]]
    return {"key": key, "title": title, "summary": summary, "tables": tables, "charts": charts}


def _number(value: float | str | None, decimals: int = 0) -> str:
    """A figure for a sentence: rounded (number_format alone would truncate), or a label."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return number_format(
        round(value, decimals), decimal_pos=decimals, use_l10n=True, force_grouping=True
    )


def _share_value(share: float | None, n: int, min_cell: int) -> float | str | None:
    """A share (0–1) as percent (0–100) for a "decimal" cell, or its "<5 %"-style label."""
    if share is None:
        return None
    return privacy.extreme_share_label(share, n, min_cell) or 100 * share


def _percent(share: float | None) -> str:
    """A share (0–1) for a sentence: "12.5 %"."""
    return "–" if share is None else f"{_number(100 * share, 1)} %"


def _percent_points(value: float | str | None) -> str:
    """A percent (0–100) or its "<5 %"-style label, for a sentence."""
    if value is None or isinstance(value, str):
        return _number(value)
    return f"{_number(value, 1)} %"


def _small_note(min_cell: int) -> str:
    return _(
        "Figures about fewer than %(n)d trainees are suppressed (%(mark)s), and a second "
        "figure where the first could be worked out from a total."
    ) % {"n": min_cell, "mark": "·"}


def _no_data(what: str) -> str:
    return _("No data: %(what)s") % {"what": what}


# --- 1. Reach ------------------------------------------------------------------------------

_REACH_COLUMNS = (
    "trainees",
    "completed_trainees",
    "trainee_completion_rate",
    "enrolments",
    "started",
    "completed",
    "completion_rate",
    "median_days",
    "lesson_hours",
    "session_hours",
)


def _dimension_labels(context: _Context, dimension: str, keys: pd.Series) -> list[str]:
    if dimension == "audience":
        names = dict(Audience.choices)
        return [str(names.get(key, key)) for key in keys]
    if dimension == "organisation":
        names = data.organisation_names(int(key) for key in keys.dropna())
        return [
            names.get(int(key), "?") if not pd.isna(key) else _("No organisation") for key in keys
        ]
    if dimension == "city":
        return [
            key if data.group_key(key) not in (data.NO_GROUP, "") else _("No city") for key in keys
        ]
    if dimension == "course":
        return [context.course_title(key) for key in keys]
    return [str(key) for key in keys]


def _reach_frame(
    context: _Context, dimension: str, groups: dict[str, pd.DataFrame]
) -> pd.DataFrame:
    """Reach by one dimension with a total row last, unsuppressed; shares in 0–1."""
    parts = groups[dimension].copy()
    total = groups["total"].copy()
    parts["group"] = _dimension_labels(context, dimension, parts["key"])
    total["group"] = _("Total")
    total["key"] = TOTAL
    frame = pd.concat([parts, total], ignore_index=True)
    frame["completion_rate"] = [
        statistics.share(completed, enrolments)
        for completed, enrolments in zip(frame["completed"], frame["enrolments"], strict=True)
    ]
    frame["trainee_completion_rate"] = [
        statistics.share(completed, trainees)
        for completed, trainees in zip(frame["completed_trainees"], frame["trainees"], strict=True)
    ]
    return frame


def _reach_table(
    context: _Context,
    dimension: str,
    title: str,
    groups: dict[str, pd.DataFrame],
) -> tuple[Table, pd.DataFrame]:
    frame = _reach_frame(context, dimension, groups)
    group_label = {
        "audience": _("Audience"),
        "organisation": _("Organisation"),
        "city": _("City"),
        "course": _("Course"),
        "month": _("Month of enrolment"),
    }[dimension]
    columns = [
        _column("group", group_label, "text"),
        _column("trainees", _("Trainees enrolled"), "int"),
        _column("completed_trainees", _("Trainees who completed a course"), "int"),
        _column(
            "trainee_completion_rate",
            _("Trainees who completed a course (share of trainees, %)"),
            "percent",
        ),
        _column("enrolments", _("Enrolments"), "int"),
        _column("started", _("Enrolments started"), "int"),
        _column("completed", _("Enrolments completed"), "int"),
        _column("completion_rate", _("Completion rate (share of enrolments, %)"), "percent"),
        _column("median_days", _("Median days to complete (enrolments)"), "decimal"),
        _column("lesson_hours", _("Recorded lesson time (hours)"), "decimal"),
        _column("session_hours", _("Classroom sessions attended (hours)"), "decimal"),
    ]
    notes = [
        _(
            "Trainees are people, each counted once; enrolments are a trainee’s places in "
            "courses. Lesson time is the time trainees spent on lesson pages as the platform "
            "recorded it; classroom hours are the length of the course’s sessions each "
            "trainee attended."
        ),
        _small_note(context.min_cell),
    ]
    if dimension in ("course", "month", "city", "organisation"):
        notes.append(
            _("A trainee enrolled in several courses counts once in each group they are in.")
        )
    return _suppressed_table(
        f"reach-by-{dimension}",
        title,
        columns,
        frame,
        [
            _Suppression("trainees", list(_REACH_COLUMNS)),
            _Suppression("started_trainees", ["started", "lesson_hours"]),
            _Suppression(
                "completed_trainees",
                [
                    "completed_trainees",
                    "trainee_completion_rate",
                    "completed",
                    "completion_rate",
                    "median_days",
                ],
            ),
            _Suppression("session_trainees", ["session_hours"]),
        ],
        min_cell=context.min_cell,
        shares={"completion_rate": "enrolments", "trainee_completion_rate": "trainees"},
        total_row=len(frame) - 1,
        notes=notes,
    )


def _funnel_frame(context: _Context) -> pd.DataFrame:
    """The funnel's steps (``data.funnel``) with their labels and shares of the enrolled."""
    steps = data.funnel(context.filters)
    labels = {
        "enrolled": _("Enrolled"),
        "started": _("Started a course"),
        "pre_test": _("… and took its pre-test"),
        "modules": _("… and did every module of the course"),
        "completed": _("… and completed the course"),
        "post_test_passed": _("… and passed its post-test"),
        "follow_up": _("… and answered its follow-up survey"),
    }
    steps["label"] = [
        _("… and did the module “%(title)s”") % {"title": title}
        if step == "module"
        else labels[step]
        for step, title in zip(steps["step"], steps["title"], strict=True)
    ]
    enrolled = int(steps["trainees"].iloc[0]) if not steps.empty else 0
    steps["share"] = [statistics.share(n, enrolled) for n in steps["trainees"]]
    steps["enrolled"] = enrolled
    return steps


def _reach_section(context: _Context) -> Section:
    groups = data.reach_groups(context.filters)
    tables, frames = [], {}
    titles = {
        "audience": _("Reach by audience"),
        "organisation": _("Reach by organisation"),
        "city": _("Reach by city"),
        "course": _("Reach by course"),
        "month": _("Reach by month of enrolment"),
    }
    for dimension, title in titles.items():
        table, frame = _reach_table(context, dimension, title, groups)
        tables.append(table)
        frames[dimension] = frame

    funnel = _funnel_frame(context)
    funnel_table, funnel_shown = _suppressed_table(
        "reach-funnel",
        _("From enrolment to follow-up"),
        [
            _column("label", _("Step"), "text"),
            _column("trainees", _("Trainees (distinct)"), "int"),
            _column("share", _("Share of enrolled trainees (%)"), "percent"),
        ],
        funnel,
        [_Suppression("trainees", ["trainees", "share"])],
        min_cell=context.min_cell,
        shares={"share": "enrolled"},
        notes=[
            _(
                "Each step counts distinct trainees with an enrolment that reached this step "
                "and every step above it, so no step counts more than the one before: a "
                "trainee who skipped the pre-test leaves the funnel there. Drop-out shows "
                "between the steps."
            ),
            _small_note(context.min_cell),
        ],
    )
    tables.append(funnel_table)

    sessions = data.session_attendance(context.filters)
    sessions["course_title"] = [context.course_title(c) for c in sessions["course"]]
    sessions["attendance_rate"] = [
        statistics.share(a, r)
        for a, r in zip(sessions["attended"], sessions["registered"], strict=True)
    ]
    sessions_table, _sessions_shown = _suppressed_table(
        "reach-sessions",
        _("Classroom session attendance"),
        [
            _column("course_title", _("Course"), "text"),
            _column("sessions", _("Sessions"), "int"),
            _column("registered", _("Trainees registered"), "int"),
            _column("attended", _("Trainees who attended"), "int"),
            _column("attendance_rate", _("Attendance rate"), "percent"),
        ],
        sessions,
        [
            _Suppression("registered", ["registered", "attended", "attendance_rate"]),
            _Suppression("attended", ["attended", "attendance_rate"]),
        ],
        min_cell=context.min_cell,
        shares={"attendance_rate": "registered"},
        notes=[] if len(sessions) else [_no_data(_("no classroom session in the period."))],
    )
    tables.append(sessions_table)

    audience = frames["audience"].iloc[:-1]
    month = frames["month"].iloc[:-1]
    charts = [
        _chart(
            "reach-by-audience",
            _("Trainees enrolled and trainees who completed a course, by audience"),
            "bar",
            audience["group"],
            [
                (_("Trainees enrolled"), audience["trainees"]),
                (_("Trainees who completed a course"), audience["completed_trainees"]),
            ],
            _("trainees"),
        ),
        _chart(
            "reach-funnel",
            _("From enrolment to follow-up"),
            "funnel",
            funnel_shown["label"],
            [(_("Trainees"), funnel_shown["trainees"])],
            _("trainees"),
        ),
        _chart(
            "reach-by-month",
            _("Enrolments made and completed, by month of enrolment"),
            "line",
            month["group"],
            [
                (_("Enrolments"), month["enrolments"]),
                (_("Enrolments completed"), month["completed"]),
            ],
            _("enrolments"),
        ),
    ]
    return _section(
        "reach", _("Reach"), _reach_summary(context, frames["audience"]), tables, charts
    )


def _reach_summary(context: _Context, frame: pd.DataFrame) -> list[str]:
    total = frame.iloc[-1]
    if total["trainees"] is None:
        return [
            _("Fewer than %(n)d trainees are in this report: its figures are suppressed.")
            % {"n": context.min_cell}
        ]
    if not total["trainees"]:
        return [_no_data(_("no trainee enrolled with these filters."))]
    lines = [
        ngettext(
            "%(n)s trainee enrolled (%(e)s enrolments).",
            "%(n)s trainees enrolled (%(e)s enrolments).",
            int(total["trainees"]),
        )
        % {"n": _number(total["trainees"]), "e": _number(total["enrolments"])}
    ]
    if total["completed"] is not None:
        trainee_rate, rate = total["trainee_completion_rate"], total["completion_rate"]
        lines.append(
            _("%(n)s trainees completed a course (%(rate)s of the trainees enrolled).")
            % {
                "n": _number(total["completed_trainees"]),
                "rate": trainee_rate if isinstance(trainee_rate, str) else _percent(trainee_rate),
            }
        )
        lines.append(
            _("%(n)s enrolments completed (completion rate %(rate)s of enrolments).")
            % {
                "n": _number(total["completed"]),
                "rate": rate if isinstance(rate, str) else _percent(rate),
            }
        )
        if total["median_days"] is not None:
            lines.append(
                _("Median time to complete an enrolment: %(days)s days.")
                % {"days": _number(total["median_days"], 1)}
            )
    if total["lesson_hours"] is not None:
        lines.append(
            _("Lesson time recorded by the trainees: %(hours)s hours.")
            % {"hours": _number(total["lesson_hours"], 1)}
        )
    if total["session_hours"] is not None:
        lines.append(
            _("Classroom sessions attended: %(hours)s hours (session length × attendees).")
            % {"hours": _number(total["session_hours"], 1)}
        )
    return lines


# --- 2. Training-of-trainers cascade -------------------------------------------------------


def cascade_levels(
    graduates: pd.DataFrame, links: pd.DataFrame, *, max_levels: int = MAX_CASCADE_LEVELS
) -> tuple[set[int], list[set[int]], set[int]]:
    """Follow the cascade: (first-generation trainers, people per level, graduates who trained).

    A link counts when its trainer had completed a training-of-trainers course before it
    (cohort enrolment or session start). Level 0 are the graduates nobody in the cascade
    trained; level n are the people trained by a level n−1 person who is a graduate, each
    person counted once, at their lowest level.
    """
    if graduates.empty or links.empty:
        return set(), [], set()
    graduated_at = dict(
        zip(
            graduates["trainee_id"],
            pd.to_datetime(graduates["completed_at"], utc=True),
            strict=True,
        )
    )
    links = links[links["trainer_id"].isin(graduated_at.keys())].copy()
    links["graduated_at"] = links["trainer_id"].map(graduated_at)
    links = links[pd.to_datetime(links["at"], utc=True) >= links["graduated_at"]]
    trained_by = links.groupby("trainer_id")["trainee_id"].apply(set).to_dict()
    graduates_set = set(graduated_at)
    trainers = set(trained_by)
    trained_in_cascade = set().union(*trained_by.values()) if trained_by else set()
    roots = (trainers - trained_in_cascade) or trainers
    seen = set(roots)
    levels: list[set[int]] = []
    frontier = roots
    for _level in range(max_levels):
        people = set().union(*(trained_by.get(t, set()) for t in frontier)) - seen
        if not people:
            break
        levels.append(people)
        seen |= people
        frontier = people & graduates_set
    return roots, levels, trainers


def _cascade_section(context: _Context) -> Section:
    graduates = data.tot_graduates()
    links = data.training_links(context.filters)
    roots, levels, trainers = cascade_levels(graduates, links)
    min_cell = context.min_cell

    first = pd.DataFrame(
        [
            (_("Completed a training-of-trainers course"), len(graduates)),
            (_("… and then trained others (level 0)"), len(roots)),
        ],
        columns=["group", "people"],
    )
    level_rows = [
        (
            _("Level %(n)d") % {"n": n},
            len(people),
            len(people & trainers),
        )
        for n, people in enumerate(levels, start=1)
    ]
    level_rows.append(
        (
            _("Total trained through the cascade"),
            sum(r[1] for r in level_rows),
            sum(r[2] for r in level_rows),
        )
    )
    by_level = pd.DataFrame(level_rows, columns=["group", "people", "trainers"])
    notes = [
        _(
            "Level 1: people trained (cohort members, or attendees of a session) by a "
            "training-of-trainers graduate after their graduation; level 2: people trained "
            "by a level-1 person who also completed training of trainers; and so on, up to "
            "level %(max)d. Each person counts once, at their lowest level."
        )
        % {"max": MAX_CASCADE_LEVELS},
        _(
            "The period and the audience, organisation and city filters apply to the people "
            "trained; course and cohort filters do not, since a cascade crosses courses."
        ),
        _small_note(min_cell),
    ]
    first_table, _first_shown = _suppressed_table(
        "cascade-trainers",
        _("Trainers trained"),
        [_column("group", _("Group"), "text"), _column("people", _("People"), "int")],
        first,
        [_Suppression("people", ["people"])],
        min_cell=min_cell,
    )
    by_level_table, by_level_shown = _suppressed_table(
        "cascade-levels",
        _("People reached through the cascade, by level"),
        [
            _column("group", _("Level"), "text"),
            _column("people", _("People trained"), "int"),
            _column("trainers", _("Of whom trained others in turn"), "int"),
        ],
        by_level,
        [
            _Suppression("people", ["people", "trainers"]),
            _Suppression("trainers", ["trainers"]),
        ],
        min_cell=min_cell,
        total_row=len(by_level) - 1,
        notes=notes,
    )
    tables = [first_table, by_level_table]
    chart_rows = by_level_shown.iloc[:-1]
    charts = [
        _chart(
            "cascade-levels",
            _("People reached through the cascade, by level"),
            "bar",
            chart_rows["group"],
            [(_("People trained"), chart_rows["people"])],
            _("people"),
        )
    ]
    if graduates.empty:
        summary = [_no_data(_("no trainee has completed a training-of-trainers course yet."))]
    elif not levels:
        summary = [_no_data(_("no graduate of training of trainers has trained others yet."))]
    else:
        total = by_level_shown.iloc[-1]["people"]
        summary = [
            _("%(n)s people were reached through the cascade, over %(levels)d levels.")
            % {"n": _number(total) if total is not None else "·", "levels": len(levels)}
        ]
    return _section("cascade", _("Training-of-trainers cascade"), summary, tables, charts)


# --- 3. Reaction, 5. Behaviour: survey helpers ----------------------------------------------

LIKERT_POINTS = statistics.LIKERT_POINTS


def _likert_point_label(point: int) -> str:
    return {
        1: _("Strongly disagree"),
        2: _("Disagree"),
        3: _("Neither agree nor disagree"),
        4: _("Agree"),
        5: _("Strongly agree"),
    }[point]


def _expand(counts: pd.DataFrame) -> pd.Series:
    """Answer values repeated by their counts (the statistics take one value per answer)."""
    return pd.Series(np.repeat(counts["value"].to_numpy(float), counts["count"].to_numpy(int)))


def _likert_frame(counts: pd.DataFrame) -> pd.DataFrame:
    """One row per Likert item: item, respondents, mean, agree (0–1), share per point (0–1)."""
    columns = ["item", "respondents", "mean", "agree", *(f"p{p}" for p in LIKERT_POINTS)]
    likert = counts[counts["kind"] == "likert"] if not counts.empty else counts
    rows = []
    if not likert.empty:
        groups = likert.groupby(["survey_id", "item_id", "item_text"], dropna=False, sort=False)
        for _key, answers in groups:
            first = answers.iloc[0]
            summary = statistics.likert_summary(_expand(answers))
            n = summary["n"]
            rows.append(
                {
                    "item": f"{first['survey']}: {first['item_text']}",
                    "order": (first["survey_id"], first["sort_order"]),
                    "respondents": n,
                    "mean": summary["mean"],
                    "agree": summary["share_agree"],
                    **{f"p{p}": statistics.share(c, n) for p, c in summary["distribution"].items()},
                }
            )
    frame = pd.DataFrame(rows, columns=[*columns, "order"])
    if not frame.empty:
        frame = frame.sort_values("order", key=lambda s: s.map(lambda o: (o[0], _sortable(o[1]))))
    return frame.drop(columns=["order"]).reset_index(drop=True)


def _sortable(value: Any) -> float:
    return math.inf if value is None or pd.isna(value) else float(value)


def _likert_table(
    context: _Context, key: str, title: str, counts: pd.DataFrame
) -> tuple[Table, pd.DataFrame]:
    frame = _likert_frame(counts)
    points = [f"p{p}" for p in LIKERT_POINTS]
    columns = [
        _column("item", _("Statement"), "text"),
        _column("respondents", _("Respondents"), "int"),
        _column("mean", _("Mean (1–5)"), "decimal"),
        _column("agree", _("Agree or strongly agree"), "percent"),
        *(_column(f"p{p}", _likert_point_label(p), "percent") for p in LIKERT_POINTS),
    ]
    notes = [_small_note(context.min_cell)]
    if frame.empty:
        notes.insert(0, _no_data(_("no answer to these statements.")))
    return _suppressed_table(
        key,
        title,
        columns,
        frame,
        [_Suppression("respondents", ["respondents", "mean", "agree", *points])],
        min_cell=context.min_cell,
        shares={"agree": "respondents", **dict.fromkeys(points, "respondents")},
        notes=notes,
    )


def _likert_chart(key: str, title: str, frame: pd.DataFrame) -> Chart:
    return _chart(
        key,
        title,
        "stacked_bar",
        frame["item"],
        [(_likert_point_label(p), frame[f"p{p}"]) for p in LIKERT_POINTS],
        "%",
        percent=True,
    )


def _comments_table(context: _Context, key: str, title: str, purpose: str) -> Table:
    """Free-text answers of items answered by more than ``min_cell`` trainees, in text order."""
    texts = data.survey_free_texts(context.filters, purpose)
    rows, withheld = [], 0
    if not texts.empty:
        for _item, answers in texts.groupby(["survey_id", "item_id", "item_text"], dropna=False):
            if not privacy.free_text_allowed(answers["trainee_id"].nunique(), context.min_cell):
                withheld += 1
                continue
            item_text = answers["item_text"].iloc[0]
            for text in sorted(answers["text"])[:MAX_COMMENTS_PER_ITEM]:
                rows.append((item_text, text))
    frame = pd.DataFrame(rows, columns=["item", "comment"])
    notes = [
        _(
            "Comments are shown only for questions answered by more than %(n)d trainees, "
            "in alphabetical order, at most %(max)d per question."
        )
        % {"n": context.min_cell, "max": MAX_COMMENTS_PER_ITEM}
    ]
    if withheld:
        notes.append(
            ngettext(
                "The comments on %(n)d question are withheld: too few respondents.",
                "The comments on %(n)d questions are withheld: too few respondents.",
                withheld,
            )
            % {"n": withheld}
        )
    return _table(
        key,
        title,
        [_column("item", _("Question"), "text"), _column("comment", _("Comment"), "text")],
        frame,
        notes=notes,
    )


# --- 3. Reaction ---------------------------------------------------------------------------


def _reaction_section(context: _Context) -> Section:
    counts = data.survey_value_counts(context.filters, "reaction")
    answered = data.survey_reach(context.filters, "reaction")
    respondents = answered["trainees"]
    min_cell = context.min_cell

    nps_answers = counts[counts["kind"] == "nps"] if not counts.empty else counts
    nps = statistics.net_promoter_score(_expand(nps_answers)) if not nps_answers.empty else None
    nps_n = int(nps_answers["count"].sum()) if not nps_answers.empty else 0
    nps_reach = data.survey_reach(context.filters, "reaction", kind=SurveyItem.Kind.NPS)
    # The EU indicator "find the training useful for their work" reads the statements their
    # authors marked as such (SurveyItem.role), whatever their place in the survey.
    useful = (
        counts[(counts["kind"] == "likert") & (counts["role"] == SurveyItem.Role.USEFULNESS)]
        if not counts.empty
        else counts
    )
    useful_summary = statistics.likert_summary(_expand(useful)) if not useful.empty else None
    useful_n = useful_summary["n"] if useful_summary else 0
    useful_reach = data.survey_reach(
        context.filters, "reaction", kind=SurveyItem.Kind.LIKERT, role=SurveyItem.Role.USEFULNESS
    )
    headline = pd.DataFrame(
        [
            (
                _("Reaction surveys answered"),
                respondents,
                answered["responses"],
                None,
                "",
            ),
            (_("Net promoter score (−100 to 100)"), nps_reach["trainees"], nps_n, nps, ""),
            (
                _("Find the training useful for their work (agree or strongly agree)"),
                useful_reach["trainees"],
                useful_n,
                _share_value(useful_summary["share_agree"], useful_n, min_cell)
                if useful_summary
                else None,
                _("percent of answers"),
            ),
        ],
        columns=["measure", "trainees", "responses", "value", "unit"],
    )
    headline_table, headline_shown = _suppressed_table(
        "reaction-headline",
        _("Reaction at a glance"),
        [
            _column("measure", _("Measure"), "text"),
            _column("trainees", _("Trainees who answered (distinct)"), "int"),
            _column("responses", _("Answers (one per trainee and course)"), "int"),
            _column("value", _("Value"), "decimal"),
            _column("unit", _("Unit"), "text"),
        ],
        headline,
        [_Suppression("trainees", ["trainees", "responses", "value"])],
        min_cell=min_cell,
        notes=[
            _(
                "A trainee who took several courses answers each course’s survey: answers "
                "outnumber the trainees who gave them, and the figures are computed over "
                "the answers."
            ),
            _(
                "“Useful for their work” reads the statements of the reaction surveys that "
                "their authors marked as being about usefulness for the trainee’s work; a "
                "survey without such a statement does not count."
            ),
            _(
                "Net promoter score: the share answering 9–10 minus the share answering "
                "0–6 on the 0–10 question."
            ),
            _small_note(min_cell),
        ],
    )
    likert_table, likert = _likert_table(
        context, "reaction-items", _("Reaction survey statements"), counts
    )
    tables = [
        headline_table,
        likert_table,
        _comments_table(context, "reaction-comments", _("Reaction survey comments"), "reaction"),
    ]
    charts = [_likert_chart("reaction-items", _("Answers to the reaction statements"), likert)]

    if respondents == 0:
        summary = [_no_data(_("no trainee answered a reaction survey."))]
    elif headline_shown.at[0, "trainees"] is None:
        summary = [
            _("Fewer than %(n)d trainees answered the reaction survey: figures suppressed.")
            % {"n": min_cell}
        ]
    else:
        summary = [
            _("%(n)s trainees answered the reaction survey (%(r)s answers, one per course).")
            % {"n": _number(respondents), "r": _number(answered["responses"])}
        ]
        if headline_shown.at[2, "value"] is not None:
            summary.append(
                _("%(share)s of the answers find the training useful for their work.")
                % {"share": _percent_points(headline_shown.at[2, "value"])}
            )
        if headline_shown.at[1, "value"] is not None:
            summary.append(
                _("Net promoter score: %(nps)s.") % {"nps": _number(headline_shown.at[1, "value"])}
            )
    return _section("reaction", _("Reaction (Kirkpatrick level 1)"), summary, tables, charts)


# --- 4. Learning ---------------------------------------------------------------------------


def _hake_label(label: str | None) -> str:
    return {"low": _("low"), "medium": _("medium"), "high": _("high")}.get(label or "", "")


def _effect_label(label: str | None) -> str:
    return {
        "negligible": _("negligible"),
        "small": _("small"),
        "medium": _("medium"),
        "large": _("large"),
    }.get(label or "", "")


def _p_value(p: float | None) -> str:
    """A p-value for a reader: "p < 0.001", else "p = " with three decimals."""
    if p is None:
        return ""
    if p < 0.001:
        return _("p < %(limit)s") % {"limit": _number(0.001, 3)}
    return _("p = %(p)s") % {"p": _number(p, 3)}


def _t_test_reading(gain: statistics.LearningGain | None) -> str:
    """The paired t-test's degrees of freedom and two-sided p, as text."""
    if gain is None or gain.df is None or gain.p_value is None:
        return ""
    return _("df = %(df)s; %(p)s (two-sided)") % {
        "df": _number(gain.df),
        "p": _p_value(gain.p_value),
    }


def _learning_section(context: _Context) -> Section:
    scores = data.test_scores(context.filters)
    min_cell = context.min_cell
    pre = scores.dropna(subset=["pre"])
    post = scores.dropna(subset=["post"])
    pairs = scores.dropna(subset=["pre", "post"])
    gain = statistics.learning_gain(pairs[["pre", "post"]]) if not pairs.empty else None
    first_pairs = scores.dropna(subset=["pre", "post_first"])
    first = (
        statistics.learning_gain(
            first_pairs[["pre", "post_first"]].rename(columns={"post_first": "post"})
        )
        if not first_pairs.empty
        else None
    )
    pass_share = statistics.pass_rate(post["passed"]) if not post.empty else None

    def g(result: statistics.LearningGain | None, attribute: str) -> Any:
        return getattr(result, attribute) if result else None

    # Each row: key (read below), measure, the enrolments and distinct trainees it is
    # computed over, value, unit, reading.
    groups = {"pre": pre, "post": post, "pairs": pairs, "first": first_pairs}
    percent, points = _("percent score"), _("percentage points")
    rows = [
        ("pre", _("Pre-test mean, first attempt (all who took it)"), "pre",
         pre["pre"].mean() if len(pre) else None, percent, ""),
        ("post", _("Post-test mean, last attempt (all who took it)"), "post",
         post["post"].mean() if len(post) else None, percent, ""),
        ("pass_rate", _("Post-test pass rate (passed in any attempt)"), "post",
         _share_value(pass_share, len(post), min_cell), _("percent of enrolments"), ""),
        ("pre_pairs", _("Pre-test mean, first attempt (matched pairs)"), "pairs",
         g(gain, "pre_mean"), percent, ""),
        ("post_pairs", _("Post-test mean, last attempt (matched pairs)"), "pairs",
         g(gain, "post_mean"), percent, ""),
        ("gain", _("Mean gain, last post-test attempt − pre-test"), "pairs",
         g(gain, "mean_difference"), points, ""),
        ("hake", _("Normalised gain on group means ⟨g⟩ (Hake), last attempt"), "pairs",
         g(gain, "hake_group"), "", _hake_label(g(gain, "label_hake"))),
        ("hake_individual",
         _("Mean of individual normalised gains g_i (Hake), last attempt; %(k)d at 100 %% "
           "left out") % {"k": g(gain, "excluded_at_ceiling") or 0},
         "pairs", g(gain, "hake_individual"), "", ""),
        ("dz", _("Cohen’s d_z (paired: mean difference / SD of differences), last attempt"),
         "pairs", g(gain, "cohen_dz"), "", _effect_label(g(gain, "label_effect"))),
        ("t", _("Paired t-test: t, last attempt"), "pairs", g(gain, "t"), "",
         _t_test_reading(gain)),
        ("post_first_pairs", _("Post-test mean, first attempt (matched pairs)"), "first",
         g(first, "post_mean"), percent, ""),
        ("gain_first", _("Mean gain, first post-test attempt − pre-test"), "first",
         g(first, "mean_difference"), points, ""),
        ("hake_first", _("Normalised gain on group means ⟨g⟩ (Hake), first attempt"), "first",
         g(first, "hake_group"), "", _hake_label(g(first, "label_hake"))),
        ("dz_first", _("Cohen’s d_z (paired), first attempt"), "first",
         g(first, "cohen_dz"), "", _effect_label(g(first, "label_effect"))),
        ("t_first", _("Paired t-test: t, first attempt"), "first", g(first, "t"), "",
         _t_test_reading(first)),
    ]  # fmt: skip
    frame = pd.DataFrame(
        [
            (key, measure, len(groups[group]), groups[group]["trainee_id"].nunique(), value,
             unit, reading)
            for key, measure, group, value, unit, reading in rows
        ],
        columns=["key", "measure", "enrolments", "trainees", "value", "unit", "reading"],
    )  # fmt: skip
    notes = [
        _(
            "The figures are computed over enrolments (a trainee’s place in a course): a "
            "trainee who took the tests of two courses counts twice in “Enrolments” and once "
            "in “Trainees”. Matched pairs: enrolments with both a pre-test and a post-test."
        ),
        _(
            "Pre-test: each enrolment’s first attempt. The post-test may be retried on the "
            "same questions: “last attempt” figures use the final score, “first attempt” "
            "figures the score before any retry. Read the gains next to the funnel in Reach."
        ),
        _(
            "Normalised gain: low below 0.3, medium from 0.3 to 0.7, high above 0.7. Cohen’s "
            "d_z: small 0.2, medium 0.5, large 0.8."
        ),
        _small_note(min_cell),
    ]
    summary_table, shown = _suppressed_table(
        "learning-summary",
        _("Pre-test and post-test"),
        [
            _column("measure", _("Measure"), "text"),
            _column("enrolments", _("Enrolments (n of the figure)"), "int"),
            _column("trainees", _("Trainees (distinct)"), "int"),
            _column("value", _("Value"), "decimal"),
            _column("unit", _("Unit"), "text"),
            _column("reading", _("Reading"), "text"),
        ],
        frame,
        [_Suppression("trainees", ["enrolments", "trainees", "value", "reading"])],
        min_cell=min_cell,
        notes=notes,
    )
    tables = [summary_table]
    row = {key: index for index, key in enumerate(shown["key"])}

    def value(key: str, column: str = "value") -> Any:
        return shown.at[row[key], column]

    by_course_rows = []
    for course_id, group in scores.groupby("course"):
        course_pairs = group.dropna(subset=["pre", "post"])
        course_post = group.dropna(subset=["post"])
        course_gain = (
            statistics.learning_gain(course_pairs[["pre", "post"]])
            if not course_pairs.empty
            else None
        )
        by_course_rows.append(
            {
                "course": context.course_title(course_id),
                "pairs": course_pairs["trainee_id"].nunique(),
                "pre": course_gain.pre_mean if course_gain else None,
                "post": course_gain.post_mean if course_gain else None,
                "post_first": course_pairs["post_first"].mean() if len(course_pairs) else None,
                "hake": course_gain.hake_group if course_gain else None,
                "took_post": course_post["trainee_id"].nunique(),
                "pass_rate": statistics.pass_rate(course_post["passed"])
                if not course_post.empty
                else None,
            }
        )
    by_course = pd.DataFrame(
        by_course_rows,
        columns=["course", "pairs", "pre", "post", "post_first", "hake", "took_post", "pass_rate"],
    )
    by_course_table, by_course_shown = _suppressed_table(
        "learning-by-course",
        _("Learning by course"),
        [
            _column("course", _("Course"), "text"),
            _column("pairs", _("Trainees with both tests"), "int"),
            _column("pre", _("Pre-test mean, first attempt (%)"), "decimal"),
            _column("post", _("Post-test mean, last attempt (%)"), "decimal"),
            _column("post_first", _("Post-test mean, first attempt (%)"), "decimal"),
            _column("hake", _("Normalised gain ⟨g⟩, last attempt"), "decimal"),
            _column("took_post", _("Trainees who took the post-test"), "int"),
            _column("pass_rate", _("Pass rate, any attempt (%)"), "percent"),
        ],
        by_course,
        [
            _Suppression("pairs", ["pairs", "pre", "post", "post_first", "hake"]),
            _Suppression("took_post", ["took_post", "pass_rate"]),
        ],
        min_cell=min_cell,
        shares={"pass_rate": "took_post"},
        notes=[
            _("Within a course a trainee has one enrolment: trainees and enrolments coincide."),
            _small_note(min_cell),
        ],
    )
    tables.append(by_course_table)
    charts = [
        _chart(
            "learning-by-course",
            _("Mean score before and after, trainees with both tests (score, %)"),
            "bar",
            by_course_shown["course"],
            [
                (_("Pre-test, first attempt"), by_course_shown["pre"]),
                (_("Post-test, first attempt"), by_course_shown["post_first"]),
                (_("Post-test, last attempt"), by_course_shown["post"]),
            ],
            "%",
        )
    ]

    summary: list[str] = []
    if scores.empty:
        summary.append(_no_data(_("no pre-test or post-test was taken.")))
    if pre.empty and len(post):
        summary.append(_("No pre-test results: the learning gain cannot be computed."))
    if value("pre_pairs") is not None and value("post_pairs") is not None:
        summary.append(
            _(
                "%(n)s enrolments with both tests (%(t)s trainees) went from %(pre)s %% "
                "(pre-test) to %(post)s %% (post-test, last attempt; ⟨g⟩ = %(g)s, %(label)s)."
            )
            % {
                "n": _number(value("pre_pairs", "enrolments")),
                "t": _number(value("pre_pairs", "trainees")),
                "pre": _number(value("pre_pairs"), 1),
                "post": _number(value("post_pairs"), 1),
                "g": _number(value("hake"), 2) if value("hake") is not None else "–",
                "label": value("hake", "reading") or "–",
            }
        )
        if value("post_first_pairs") is not None:
            summary.append(
                _("At their first post-test attempt they scored %(post)s %% (⟨g⟩ = %(g)s).")
                % {
                    "post": _number(value("post_first_pairs"), 1),
                    "g": _number(value("hake_first"), 2)
                    if value("hake_first") is not None
                    else "–",
                }
            )
    elif len(pairs):
        summary.append(
            _("Fewer than %(n)d trainees took both tests: the gain is suppressed.")
            % {"n": min_cell}
        )
    if value("pass_rate") is not None:
        summary.append(
            _("Post-test pass rate (any attempt): %(rate)s of enrolments.")
            % {"rate": _percent_points(value("pass_rate"))}
        )
    return _section("learning", _("Learning (Kirkpatrick level 2)"), summary, tables, charts)


# --- 5. Behaviour --------------------------------------------------------------------------


def _choice_frame(counts: pd.DataFrame) -> pd.DataFrame:
    """Single-choice answers: item, choice, respondents (of the item), share (0–1)."""
    columns = ["item", "choice", "respondents", "share"]
    choices = counts[counts["kind"] == "single_choice"] if not counts.empty else counts
    rows = []
    if not choices.empty:
        for _key, answers in choices.groupby(["survey_id", "item_id", "item_text"], dropna=False):
            n = int(answers["count"].sum())
            first = answers.iloc[0]
            for choice, count in answers.groupby("text")["count"].sum().items():
                rows.append(
                    (
                        f"{first['survey']}: {first['item_text']}",
                        choice,
                        n,
                        statistics.share(count, n),
                    )
                )
    return pd.DataFrame(rows, columns=columns)


def _behaviour_section(context: _Context) -> Section:
    min_cell = context.min_cell
    invitations = data.follow_up_invitations(context.filters)
    respondents = data.survey_respondents(context.filters, "follow_up")
    counts = data.survey_value_counts(context.filters, "follow_up")
    response = pd.DataFrame(
        [
            {
                "invited": invitations["invited"],
                "answered": invitations["answered"],
                "rate": statistics.share(invitations["answered"], invitations["invited"]),
                "respondents": respondents,
            }
        ]
    )
    response_table, response_shown = _suppressed_table(
        "behaviour-response",
        _("Follow-up survey response"),
        [
            _column("invited", _("Trainees invited"), "int"),
            _column("answered", _("Of whom answered"), "int"),
            _column("rate", _("Response rate"), "percent"),
            _column("respondents", _("All trainees who answered"), "int"),
        ],
        response,
        [
            _Suppression("invited", ["invited", "answered", "rate"]),
            _Suppression("answered", ["answered", "rate"]),
            _Suppression("respondents", ["respondents"]),
        ],
        min_cell=min_cell,
        shares={"rate": "invited"},
        notes=[
            _(
                "Trainees are invited some time after completing (90 days unless the survey "
                "says otherwise); “all who answered” includes answers given from the course "
                "page without an invitation."
            ),
            _small_note(min_cell),
        ],
    )
    likert_table, likert = _likert_table(
        context, "behaviour-items", _("Follow-up survey statements"), counts
    )
    choices_table, _choices_shown = _suppressed_table(
        "behaviour-choices",
        _("Follow-up survey choices"),
        [
            _column("item", _("Question"), "text"),
            _column("choice", _("Answer"), "text"),
            _column("respondents", _("Respondents"), "int"),
            _column("share", _("Share"), "percent"),
        ],
        _choice_frame(counts),
        [_Suppression("respondents", ["respondents", "share"])],
        min_cell=min_cell,
        shares={"share": "respondents"},
        notes=[_small_note(min_cell)],
    )
    tables = [
        response_table,
        likert_table,
        choices_table,
        _comments_table(context, "behaviour-comments", _("Follow-up survey comments"), "follow_up"),
    ]
    charts = [
        _chart(
            "behaviour-items",
            _("Follow-up: trainees who agree or strongly agree"),
            "hbar",
            likert["item"],
            [(_("Agree or strongly agree"), likert["agree"])],
            "%",
            percent=True,
        )
    ]
    summary: list[str] = []
    if not invitations["invited"] and not respondents:
        summary.append(_no_data(_("no follow-up survey was sent or answered.")))
    else:
        rate = response_shown.at[0, "rate"]
        if rate is None:
            summary.append(
                _("Fewer than %(n)d trainees were invited or answered: figures suppressed.")
                % {"n": min_cell}
            )
        else:
            summary.append(
                _("Follow-up response rate: %(rate)s (%(a)s of %(i)s invited trainees).")
                % {
                    "rate": rate if isinstance(rate, str) else _percent(rate),
                    "a": _number(response_shown.at[0, "answered"]),
                    "i": _number(response_shown.at[0, "invited"]),
                }
            )
    return _section("behaviour", _("Behaviour (Kirkpatrick level 3)"), summary, tables, charts)


# --- 6. Results ----------------------------------------------------------------------------


def _results_section(context: _Context) -> Section:
    values = data.indicator_values(context.filters)
    values["of_target"] = [
        statistics.share(value, target) if target else None
        for value, target in zip(values["value"], values["target"], strict=True)
    ]
    table = _table(
        "results-indicators",
        _("Programme indicators"),
        [
            _column("name", _("Indicator"), "text"),
            _column("unit", _("Unit"), "text"),
            _column("period_start", _("From"), "date"),
            _column("period_end", _("To"), "date"),
            _column("value", _("Value"), "decimal"),
            _column("target", _("Target"), "decimal"),
            _column("of_target", _("Share of target"), "percent"),
        ],
        values,
        notes=[
            _(
                "Recorded by programme managers; not about individual trainees, so nothing is "
                "suppressed. Values whose period overlaps the report’s are listed."
            )
        ],
    )
    latest = values.sort_values("period_end").groupby("indicator_id", sort=False).tail(1)
    latest = latest.sort_values(["sort_order", "name"])
    chart = _chart(
        "results-indicators",
        _("Latest value of each indicator, as a share of its target"),
        "hbar",
        latest["name"],
        [(_("Share of target"), latest["of_target"])],
        "%",
        percent=True,
    )
    if values.empty:
        summary = [_no_data(_("no indicator value recorded for this period."))]
    else:
        reached = int((latest["of_target"].fillna(0) >= 1).sum())
        with_target = int(latest["target"].notna().sum())
        summary = [
            _(
                "%(n)d indicators recorded; %(reached)d of the %(targets)d with a target "
                "have reached it."
            )
            % {"n": latest["indicator_id"].nunique(), "reached": reached, "targets": with_target}
        ]
    return _section("results", _("Results (Kirkpatrick level 4)"), summary, [table], [chart])


# --- 7. Item analysis ----------------------------------------------------------------------


def _flag_label(flag: str) -> str:
    names = {
        statistics.FLAG_TOO_HARD: _("too hard"),
        statistics.FLAG_TOO_EASY: _("too easy"),
        statistics.FLAG_LOW_DISCRIMINATION: _("low discrimination"),
        statistics.FLAG_NEGATIVE_DISCRIMINATION: _("negative discrimination: check the key"),
    }
    return "; ".join(
        names.get(part, part) for part in flag.split(statistics.FLAG_SEPARATOR) if part
    )


def _items_section(context: _Context) -> Section:
    min_cell = context.min_cell
    quizzes = data.item_quizzes(context.filters)
    purposes = {"graded": _("Graded"), "post_test": _("Post-test")}
    overview_rows = []
    tables: list[Table] = []
    charts: list[Chart] = []
    counts = data.item_counts(context.filters, [int(pk) for pk in quizzes["quiz_id"]])
    for quiz in quizzes.itertuples():
        quiz_counts = counts.get(int(quiz.quiz_id))
        analysis = statistics.item_analysis_of_counts(quiz_counts) if quiz_counts else None
        overview_rows.append(
            {
                "quiz": quiz.title,
                "course": context.course_title(quiz.course),
                "purpose": str(purposes.get(quiz.purpose, quiz.purpose)),
                "attempts": analysis.n_attempts if analysis else 0,
                "k": analysis.k if analysis else None,
                "kr20": analysis.kr20 if analysis else None,
            }
        )
        if analysis is None or privacy.is_small(analysis.n_attempts, min_cell):
            continue
        items = analysis.items.copy()
        texts = data.question_texts(items["question_id"])
        items["label"] = [f"Q{n}" for n in range(1, len(items) + 1)]
        items["question"] = [texts.get(int(q), "")[:120] for q in items["question_id"]]
        items["flag"] = [_flag_label(flag) for flag in items["flag"]]
        key = f"items-quiz-{quiz.quiz_id}"
        items_table, shown = _suppressed_table(
            key,
            _("Items of “%(quiz)s”") % {"quiz": quiz.title},
            [
                _column("label", _("Item"), "text"),
                _column("question", _("Question"), "text"),
                _column("n", _("Attempts"), "int"),
                _column("difficulty", _("Difficulty (share correct)"), "percent"),
                _column("discrimination", _("Discrimination"), "decimal"),
                _column("flag", _("Flag"), "text"),
            ],
            items,
            [_Suppression("n", ["n", "difficulty", "discrimination", "flag"])],
            min_cell=min_cell,
            shares={"difficulty": "n"},
            notes=[
                _(
                    "Each trainee’s first attempt. Discrimination: corrected point-biserial "
                    "(the item against the score on the other items); flagged below 0.2 "
                    "and when negative (often a wrong answer key)."
                )
            ],
        )
        tables.append(items_table)
        charts.append(
            _chart(
                key,
                _("Share of correct answers per item of “%(quiz)s”") % {"quiz": quiz.title},
                "hbar",
                shown["label"],
                [(_("Correct answers"), shown["difficulty"])],
                "%",
                percent=True,
            )
        )
    overview = pd.DataFrame(
        overview_rows, columns=["quiz", "course", "purpose", "attempts", "k", "kr20"]
    )
    overview_table, overview_shown = _suppressed_table(
        "items-quizzes",
        _("Quizzes analysed"),
        [
            _column("quiz", _("Quiz"), "text"),
            _column("course", _("Course"), "text"),
            _column("purpose", _("Purpose"), "text"),
            _column("attempts", _("Trainees (first attempts)"), "int"),
            _column("k", _("Questions"), "int"),
            _column("kr20", _("Reliability (KR-20)"), "decimal"),
        ],
        overview,
        [_Suppression("attempts", ["attempts", "kr20"])],
        min_cell=min_cell,
        notes=[_("KR-20 of 0.70 or more is acceptable."), _small_note(min_cell)],
    )
    tables.insert(0, overview_table)
    if not charts:
        charts.append(
            _chart(
                "items-quizzes",
                _("Reliability (KR-20) per quiz"),
                "hbar",
                overview_shown["quiz"],
                [(_("KR-20"), overview_shown["kr20"])],
                "",
            )
        )
    if quizzes.empty or not overview["attempts"].any():
        summary = [_no_data(_("no graded quiz or post-test was taken."))]
    else:
        analysed = len(tables) - 1
        summary = [
            ngettext(
                "%(n)d quiz analysed item by item.",
                "%(n)d quizzes analysed item by item.",
                analysed,
            )
            % {"n": analysed}
        ]
        if analysed < len(quizzes):
            summary.append(
                _("Quizzes taken by fewer than %(n)d trainees are not analysed.") % {"n": min_cell}
            )
    return _section("items", _("Item analysis"), summary, tables, charts)


# --- Headlines (the dashboard) -------------------------------------------------------------


def _headline_cell(report: Report, table_key: str, row: int, column: str) -> tuple[Any, bool]:
    """(value, suppressed) of one cell of a built report; (None, False) when it is absent."""
    for section in report["sections"]:
        for table in section["tables"]:
            if table["key"] != table_key:
                continue
            keys = [c["key"] for c in table["columns"]]
            if column not in keys or not table["rows"] or row >= len(table["rows"]):
                return None, False
            index = row if row >= 0 else len(table["rows"]) + row
            return table["rows"][index][keys.index(column)], [index, column] in table["suppressed"]
    return None, False


def report_headlines(report: Report) -> list[dict[str, Any]]:
    """The figures a programme manager looks at first, read from a built report.

    Each is a dict: label, value (as stored: number, "<5 %"-style text or None), kind (a
    column kind) and suppressed. The positions are those this module writes.
    """
    # Reach figures come from the total row (the last) of the reach by audience: trainees
    # beside trainees, each label naming its unit.
    figures = (
        (_("Trainees enrolled"), "reach-by-audience", -1, "trainees", "int"),
        (
            _("Trainees who completed a course"),
            "reach-by-audience",
            -1,
            "completed_trainees",
            "int",
        ),
        (
            _("Trainees who completed a course (share of trainees enrolled, %)"),
            "reach-by-audience",
            -1,
            "trainee_completion_rate",
            "percent",
        ),
        (_("Recorded lesson time (hours)"), "reach-by-audience", -1, "lesson_hours", "decimal"),
        (
            _("Classroom sessions attended (hours)"),
            "reach-by-audience",
            -1,
            "session_hours",
            "decimal",
        ),
        (
            _("Post-test pass rate (share of enrolments that took it, %)"),
            "learning-summary",
            2,
            "value",
            "percent",
        ),
        (
            _("Find the training useful for their work (share of answers agreeing, %)"),
            "reaction-headline",
            2,
            "value",
            "decimal",
        ),
        (_("Net promoter score (−100 to 100)"), "reaction-headline", 1, "value", "decimal"),
        (
            _("Follow-up response rate (share of trainees invited, %)"),
            "behaviour-response",
            0,
            "rate",
            "percent",
        ),
    )
    headlines = []
    for label, table_key, row, column, kind in figures:
        value, suppressed = _headline_cell(report, table_key, row, column)
        headlines.append({"label": label, "value": value, "kind": kind, "suppressed": suppressed})
    return headlines


def report_chart(report: Report, chart_key: str) -> Chart | None:
    """The chart with this key in a built report, or None."""
    return next((c for s in report["sections"] for c in s["charts"] if c["key"] == chart_key), None)
