"""Selectors of the evaluation report: aggregated reads into compact pandas frames.

Every function takes a ``ReportFilters`` and returns a small frame built from grouped SQL
(``values()`` + ``annotate()``; the reach tables in one GROUPING SETS statement around the
ORM's SQL, see ``reach_groups``). Rows per trainee are read only where a statistic needs them
(completion times on SQLite, pre/post pairs, cascade links), in chunks through
``iterator()``. Nothing here suppresses: ``reports.builder`` does, after the statistics.

What an enrolment reached (first lesson opened, pre-test taken, post-test passed, follow-up
answered, modules completed) is read from what the courses and assessments apps keep on
the enrolment when it happens, not recomputed from progress, attempts and responses.

The population: enrolments that gave access to a course (in progress, completed or
withdrawn; not pending or rejected), made within the period, in the chosen courses, topics
and cohorts, of trainees of the chosen audiences, organisations and cities. Every section
follows the same enrolments, so the funnel, the tests and the surveys add up.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from typing import Any

import numpy as np
import pandas as pd
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import (
    Coalesce,
    ExtractMonth,
    ExtractYear,
    Greatest,
    RowNumber,
    TruncMonth,
)
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from accounts.models import Audience, Organisation
from assessments.models import (
    Attempt,
    AttemptAnswer,
    Question,
    Quiz,
    SurveyAnswer,
    SurveyInvitation,
    SurveyItem,
    SurveyResponse,
)
from courses.models import (
    ClassroomSession,
    Cohort,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
    SessionRegistration,
    Topic,
)

from . import statistics
from .models import IndicatorValue

CHUNK_SIZE = 2000
# The key of a group whose key is NULL (no organisation, no city), see ``group_key``.
NO_GROUP = "__none__"
ENROLLED_STATUSES = (
    Enrolment.Status.ACTIVE,
    Enrolment.Status.COMPLETED,
    Enrolment.Status.WITHDRAWN,
)
GRADED_STATUSES = (Attempt.Status.SUBMITTED, Attempt.Status.EXPIRED)


@dataclass(frozen=True)
class ReportFilters:
    """What a report covers; every part is optional (empty means "all")."""

    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    courses: tuple[int, ...] = ()
    topics: tuple[int, ...] = ()
    audiences: tuple[str, ...] = ()
    organisations: tuple[int, ...] = ()
    cities: tuple[str, ...] = ()
    cohorts: tuple[int, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ReportFilters:
        """Parse and check filters as stored in ``ReportRun.filters``; ValidationError if bad.

        Dates are ISO strings (or dates), ids integers (or digit strings); every id and
        audience code must exist. Error messages name the field they are about.
        """
        data = dict(data or {})
        errors: dict[str, list[str]] = {}
        known = {field.name for field in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            errors.setdefault("__all__", []).append(
                _("Unknown filter: %(names)s.") % {"names": ", ".join(unknown)}
            )

        def date_of(key: str) -> datetime.date | None:
            value = data.get(key)
            if value in (None, ""):
                return None
            if isinstance(value, datetime.date):
                return value
            parsed = parse_date(str(value)) if isinstance(value, str) else None
            if parsed is None:
                errors.setdefault(key, []).append(
                    _("Enter a valid date (YYYY-MM-DD), not “%(value)s”.") % {"value": value}
                )
            return parsed

        def ids_of(key: str) -> tuple[int, ...]:
            values = _as_list(data.get(key))
            ids = []
            for value in values:
                if isinstance(value, bool) or not str(value).strip().isdigit():
                    errors.setdefault(key, []).append(
                        _("“%(value)s” is not an identifier.") % {"value": value}
                    )
                    continue
                ids.append(int(str(value).strip()))
            return tuple(sorted(set(ids)))

        def texts_of(key: str) -> tuple[str, ...]:
            return tuple(sorted({str(value).strip() for value in _as_list(data.get(key))} - {""}))

        parsed = cls(
            period_start=date_of("period_start"),
            period_end=date_of("period_end"),
            courses=ids_of("courses"),
            topics=ids_of("topics"),
            audiences=texts_of("audiences"),
            organisations=ids_of("organisations"),
            cities=texts_of("cities"),
            cohorts=ids_of("cohorts"),
        )
        if parsed.period_start and parsed.period_end and parsed.period_end < parsed.period_start:
            errors.setdefault("period_end", []).append(
                _("The end of the period comes before its start.")
            )
        bad_audiences = sorted(set(parsed.audiences) - set(Audience.values))
        if bad_audiences:
            errors.setdefault("audiences", []).append(
                _("Unknown audience: %(codes)s.") % {"codes": ", ".join(bad_audiences)}
            )
        for key, queryset, message in (
            ("courses", CoursePage.objects.all(), _("No such course: %(ids)s.")),
            ("topics", Topic.objects.all(), _("No such topic: %(ids)s.")),
            ("organisations", Organisation.objects.all(), _("No such organisation: %(ids)s.")),
            ("cohorts", Cohort.objects.all(), _("No such cohort: %(ids)s.")),
        ):
            wanted = set(getattr(parsed, key))
            if wanted:
                found = set(queryset.filter(pk__in=wanted).values_list("pk", flat=True))
                if wanted - found:
                    errors.setdefault(key, []).append(
                        message % {"ids": ", ".join(map(str, sorted(wanted - found)))}
                    )
        if errors:
            raise ValidationError(errors)
        return parsed

    def as_dict(self) -> dict[str, Any]:
        """The filters as JSON-ready data (dates as ISO strings, lists), empty parts left out."""
        data: dict[str, Any] = {}
        for key, value in asdict(self).items():
            if isinstance(value, datetime.date):
                data[key] = value.isoformat()
            elif value:
                data[key] = list(value)
        return data

    def labels(self) -> list[str]:
        """Readable lines describing the filters, for the report's ``filter_labels``."""
        lines = []
        if self.period_start or self.period_end:
            lines.append(
                _("Period: %(start)s – %(end)s")
                % {
                    "start": self.period_start.isoformat() if self.period_start else "…",
                    "end": self.period_end.isoformat() if self.period_end else "…",
                }
            )
        else:
            lines.append(_("Period: all dates"))
        audience_names = dict(Audience.choices)

        def names_of(queryset: QuerySet, field: str, ids: tuple[int, ...]) -> Any:
            return lambda: queryset.filter(pk__in=ids).order_by(field).values_list(field, flat=True)

        parts = (
            (_("Courses"), names_of(CoursePage.objects.all(), "title", self.courses), self.courses),
            (_("Topics"), names_of(Topic.objects.all(), "name", self.topics), self.topics),
            (
                _("Audiences"),
                lambda: [str(audience_names[c]) for c in self.audiences],
                self.audiences,
            ),
            (
                _("Organisations"),
                lambda: [
                    str(o)
                    for o in Organisation.objects.filter(pk__in=self.organisations).order_by("name")
                ],
                self.organisations,
            ),
            (_("Cities"), lambda: self.cities, self.cities),
            (_("Cohorts"), names_of(Cohort.objects.all(), "name", self.cohorts), self.cohorts),
        )
        for label, names, chosen in parts:
            if chosen:
                lines.append(f"{label}: {', '.join(names())}")
        if len(lines) == 1:
            lines.append(_("All courses and all trainees"))
        return lines


def _as_list(value: Any) -> list[Any]:
    if value in (None, ""):
        return []
    if isinstance(value, str | int):
        return [value]
    return list(value)


# --- Reading ---------------------------------------------------------------------------------


@contextmanager
def reading_session() -> Iterator[None]:
    """Around a report's reads: on PostgreSQL, without JIT compilation for its statements.

    The report's grouped statements each run well under a second, and PostgreSQL's JIT
    compiled some of them for longer than they ran (benchmarks/README.md). ``RESET`` gives
    the connection back its own setting.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET jit")


# --- The population ------------------------------------------------------------------------


def enrolment_scope(filters: ReportFilters) -> QuerySet[Enrolment]:
    """Enrolments the report is about (see the module docstring)."""
    queryset = Enrolment.objects.filter(
        _period_filter(filters, "created_at"),
        _trainee_filters(filters, "trainee"),
        status__in=ENROLLED_STATUSES,
    )
    if filters.courses:
        queryset = queryset.filter(course_id__in=filters.courses)
    if filters.topics:
        queryset = queryset.filter(
            course_id__in=CoursePage.topics.through.objects.filter(
                topic_id__in=filters.topics
            ).values("coursepage_id")
        )
    if filters.cohorts:
        queryset = queryset.filter(cohort_id__in=filters.cohorts)
    return queryset


def _period_filter(filters: ReportFilters, field: str) -> Q:
    """The period on a datetime field: its date (in the site's time zone) within the
    period's first and last day.

    Written as a range of instants, not on the field's date: the database then estimates
    the rows from the column's statistics. On the date, PostgreSQL guessed 57 enrolments
    where 6,767 matched and joined the survey answers to them row by row (8 s instead of
    0.1 s at 100,000 trainees, benchmarks/README.md).
    """
    zone = timezone.get_current_timezone()
    q = Q()
    if filters.period_start:
        start = datetime.datetime.combine(filters.period_start, datetime.time.min, tzinfo=zone)
        q &= Q(**{f"{field}__gte": start})
    if filters.period_end:
        after = filters.period_end + datetime.timedelta(days=1)
        q &= Q(**{f"{field}__lt": datetime.datetime.combine(after, datetime.time.min, tzinfo=zone)})
    return q


def _trainee_filters(filters: ReportFilters, prefix: str) -> Q:
    """The audience, organisation and city filters on a related trainee."""
    q = Q()
    if filters.audiences:
        q &= Q(**{f"{prefix}__audience__in": filters.audiences})
    if filters.organisations:
        q &= Q(**{f"{prefix}__organisation_id__in": filters.organisations})
    if filters.cities:
        q &= Q(**{f"{prefix}__organisation__city__in": filters.cities})
    return q


def _frame(queryset: QuerySet, columns: list[str]) -> pd.DataFrame:
    """Read ``values_list(*columns)`` in chunks into a frame with those columns."""
    records = queryset.values_list(*columns).iterator(chunk_size=CHUNK_SIZE)
    return pd.DataFrame.from_records(records, columns=columns)


def _enrolled_in(scope: QuerySet[Enrolment]) -> Exists:
    """For attempts: the trainee's enrolment in the quiz's course is one of ``scope``."""
    return Exists(scope.filter(trainee=OuterRef("trainee"), course=OuterRef("quiz__course")))


def scope_course_ids(filters: ReportFilters) -> list[int]:
    """Ids of the courses with at least one enrolment in the report."""
    return sorted(
        enrolment_scope(filters).order_by().values_list("course_id", flat=True).distinct()
    )


# --- Reach ---------------------------------------------------------------------------------

# How a reach table can be cut; reach_groups adds "total", the whole population in one row.
REACH_DIMENSIONS = ("audience", "organisation", "city", "course", "month")
REACH_COLUMNS = (
    "trainees",
    "enrolments",
    "started",
    "started_trainees",
    "completed",
    "completed_trainees",
    "lesson_hours",
    "session_hours",
    "session_trainees",
)
# Over the population's enrolments (the ``scope`` below); one expression per column above.
_REACH_AGGREGATES = (
    "COUNT(DISTINCT trainee_id)",
    "COUNT(*)",
    "COUNT(*) FILTER (WHERE started)",
    "COUNT(DISTINCT trainee_id) FILTER (WHERE started)",
    "COUNT(*) FILTER (WHERE completed)",
    "COUNT(DISTINCT trainee_id) FILTER (WHERE completed)",
    "COALESCE(SUM(lesson_seconds), 0) / 3600.0",
    "COALESCE(SUM(session_seconds), 0) / 3600.0",
    "COUNT(DISTINCT trainee_id) FILTER (WHERE session_seconds > 0)",
)
_MEDIAN_AGGREGATE = "percentile_cont(0.5) WITHIN GROUP (ORDER BY duration) FILTER (WHERE completed)"


def _dimension_keys() -> dict[str, Any]:
    """An enrolment's group in each of ``REACH_DIMENSIONS``, named as the grouping
    statements name them (``<dimension>_key``)."""
    return {
        "audience_key": F("trainee__audience"),
        "organisation_key": F("trainee__organisation_id"),
        "city_key": F("trainee__organisation__city"),
        "course_key": F("course_id"),
        "month_key": TruncMonth("created_at"),
    }


class _SecondsBetween(Func):
    """The seconds from the second datetime to the first, in SQL (PostgreSQL, SQLite)."""

    arg_joiner = " - "
    template = "EXTRACT(EPOCH FROM %(expressions)s)"
    output_field = FloatField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            template="((julianday(%(expressions)s)) * 86400.0)",
            arg_joiner=") - julianday(",
            **extra,
        )


def _lesson_seconds() -> Subquery:
    """For an enrolment: the lesson time its trainee recorded (``LessonProgress``)."""
    rows = (
        LessonProgress.objects.filter(enrolment=OuterRef("pk"))
        .order_by()
        .values("enrolment")
        .annotate(seconds=Sum("time_spent_seconds"))
        .values("seconds")
    )
    return Subquery(rows, output_field=FloatField())


def _session_seconds() -> Subquery:
    """For an enrolment: the length of the course's classroom sessions its trainee attended."""
    rows = (
        SessionRegistration.objects.filter(
            trainee=OuterRef("trainee_id"),
            session__course=OuterRef("course_id"),
            status=SessionRegistration.Status.REGISTERED,
            attended=True,
        )
        .order_by()
        .values("trainee")
        .annotate(seconds=Sum(_SecondsBetween(F("session__ends_at"), F("session__starts_at"))))
        .values("seconds")
    )
    return Subquery(rows, output_field=FloatField())


def _reach_scope(filters: ReportFilters) -> QuerySet:
    """One row per enrolment of the population: its trainee, its group in each dimension,
    whether it was started and completed, the lesson time recorded and the classroom
    sessions of its course attended (seconds)."""
    return (
        enrolment_scope(filters)
        .order_by()
        .values(
            "trainee_id",
            **_dimension_keys(),
            started=ExpressionWrapper(
                Q(first_viewed_at__isnull=False), output_field=BooleanField()
            ),
            completed=ExpressionWrapper(
                Q(status=Enrolment.Status.COMPLETED), output_field=BooleanField()
            ),
            lesson_seconds=_lesson_seconds(),
            session_seconds=_session_seconds(),
        )
    )


def _grouping_sql(inner: str, keys: Sequence[str], aggregates: str) -> str:
    """One statement grouping the rows of ``inner`` by each key alone and then not at all.

    Columns: the grouping's number (position in ``keys``, then ``len(keys)`` for the
    whole), every key (NULL outside its own grouping), the aggregates. Only this module's
    constants are written into the SQL (hence the noqa: S608); ``inner`` is compiled by
    Django, its values go as parameters.
    """
    if connection.vendor == "postgresql":
        # One pass over the rows for every grouping, where a GROUP BY each costs a pass each.
        grouping = " ".join(f"WHEN GROUPING({key}) = 0 THEN {n}" for n, key in enumerate(keys))
        sets = ", ".join(f"({key})" for key in keys)
        select = f"CASE {grouping} ELSE {len(keys)} END, {', '.join(keys)}, {aggregates}"
        body = f"SELECT {select} FROM scope GROUP BY GROUPING SETS ({sets}, ())"  # noqa: S608
    else:
        # SQLite has no GROUPING SETS: the same groupings, one SELECT each.
        body = " UNION ALL ".join(
            f"SELECT {n}, {', '.join(k if k == key else 'NULL' for k in keys)}, "  # noqa: S608
            f"{aggregates} FROM scope {f'GROUP BY {key}' if key else ''}"
            for n, key in enumerate([*keys, None])
        )
    order = ", ".join(str(position) for position in range(2, len(keys) + 2))
    return f"WITH scope AS ({inner}) {body} ORDER BY {order}"


def reach_groups(filters: ReportFilters) -> dict[str, pd.DataFrame]:
    """Reach by every dimension and in total, read in one statement over the enrolments.

    Returns a frame per dimension of ``REACH_DIMENSIONS`` and one for "total" (one row).
    Columns: key, trainees (distinct), enrolments, started, started_trainees, completed,
    completed_trainees, lesson_hours (lesson time the trainees recorded, every enrolment),
    session_hours (length of the course's classroom sessions each trainee attended),
    session_trainees (distinct trainees with attended session time), median_days (to
    complete, from first access: the first lesson opened, else the start of the enrolment;
    None without a completed enrolment). ``month`` groups by the month
    the enrolment was made (key "YYYY-MM"). Groups come in the order of their keys (the
    database's order: where NULL goes differs).
    """
    scope = _reach_scope(filters)
    aggregates = list(zip(_REACH_AGGREGATES, REACH_COLUMNS, strict=True))
    in_database = connection.vendor == "postgresql"
    if in_database:
        # The medians in the same pass (percentile_cont: the mean of the two middle
        # durations, as pandas takes it), over durations none below zero (a lesson first
        # opened after completion).
        clipped = Greatest(_duration(), Value(datetime.timedelta(0)))
        # GREATEST skips a NULL: without a completion time there is no duration, not zero.
        scope = scope.annotate(
            duration=Case(When(completed_at__isnull=False, then=clipped), default=None)
        )
        aggregates.append((_MEDIAN_AGGREGATE, "median_days"))
    inner, params = scope.query.sql_with_params()
    keys = list(_dimension_keys())
    columns = [column for _expression, column in aggregates]
    select = ", ".join(f"{expression} AS {column}" for expression, column in aggregates)
    with connection.cursor() as cursor:
        cursor.execute(_grouping_sql(inner, keys, select), params)
        frame = pd.DataFrame.from_records(cursor.fetchall(), columns=["grouping", *keys, *columns])
    for column in ("lesson_hours", "session_hours"):
        frame[column] = frame[column].astype(float)
    if in_database:
        days = _days(frame["median_days"])
        frame["median_days"] = [None if pd.isna(value) else value for value in days]
        return _split_groupings(frame, columns)
    groups = _split_groupings(frame, columns)
    _medians_add(groups, completion_days(filters))
    return groups


def _split_groupings(frame: pd.DataFrame, columns: Sequence[str]) -> dict[str, pd.DataFrame]:
    """The rows of a ``_grouping_sql`` statement over the reach dimensions, one frame per
    dimension and one for "total", with columns key and ``columns``."""
    # A raw cursor skips Django's converters: PostgreSQL gives a datetime, SQLite a string.
    frame["month_key"] = [str(value)[:7] if value else "" for value in frame["month_key"]]
    groups = {}
    for n, dimension in enumerate([*REACH_DIMENSIONS, "total"]):
        rows = frame[frame["grouping"] == n]
        key = f"{dimension}_key" if dimension != "total" else None
        groups[dimension] = pd.DataFrame(
            {"key": rows[key] if key else "total", **{c: rows[c] for c in columns}}
        ).reset_index(drop=True)
    return groups


def _duration() -> ExpressionWrapper:
    """An enrolment's time from first access (the first lesson opened, else the start of
    the enrolment) to completion."""
    return ExpressionWrapper(
        F("completed_at") - Coalesce("first_viewed_at", "activated_at", "created_at"),
        output_field=DurationField(),
    )


def completion_days(filters: ReportFilters) -> pd.DataFrame:
    """One row per completed enrolment: its groups and the days from first access to completion.

    First access is the first lesson opened, else the start of the enrolment. Columns:
    audience, organisation, city, course, month, days.
    """
    # The duration and the month come as numbers: turning two datetimes per row into
    # aware Python datetimes cost more than the query itself.
    queryset = (
        enrolment_scope(filters)
        .filter(status=Enrolment.Status.COMPLETED, completed_at__isnull=False)
        .annotate(
            duration=_duration(),
            audience=F("trainee__audience"),
            organisation=F("trainee__organisation_id"),
            city=F("trainee__organisation__city"),
            year=ExtractYear("created_at"),
            month_number=ExtractMonth("created_at"),
        )
        .order_by()
    )
    columns = ["audience", "organisation", "city", "course", "month", "days"]
    frame = _frame(
        queryset,
        ["audience", "organisation", "city", "course_id", "year", "month_number", "duration"],
    )
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame = frame.rename(columns={"course_id": "course"})
    frame["days"] = _days(frame["duration"])
    frame["month"] = (
        frame["year"].astype(str) + "-" + frame["month_number"].astype(str).str.zfill(2)
    )
    return frame[columns]


def _days(durations: pd.Series) -> pd.Series:
    """Durations in days, none below zero (a lesson viewed after completion)."""
    return (pd.to_timedelta(durations).dt.total_seconds() / 86400).clip(lower=0)


def _medians_add(groups: dict[str, pd.DataFrame], durations: pd.DataFrame) -> None:
    """Put each group's median days to complete into ``groups`` (``reach_groups``' frames),
    from one row per completed enrolment (``completion_days``): SQLite has no ordered-set
    aggregates, so its medians are taken in pandas."""
    for dimension, frame in groups.items():
        if dimension == "total":
            medians = {"total": statistics.median_days(durations["days"])}
        else:
            by_group = durations.groupby(dimension, dropna=False)["days"]
            medians = {
                group_key(key): value for key, value in by_group.agg(statistics.median_days).items()
            }
        frame["median_days"] = [medians.get(group_key(key)) for key in frame["key"]]


def group_key(key: Any) -> Any:
    """One spelling for a group key from SQL or pandas (None, NaN; 3 or 3.0)."""
    if key is None or (not isinstance(key, str) and pd.isna(key)):
        return NO_GROUP
    if isinstance(key, float | np.floating) and float(key).is_integer():
        return int(key)
    return key


# The funnel's steps in order (DOMAIN.md, "Funnel"), each an enrolment's milestone; the
# modules come between the pre-test and the completion (see ``funnel``).
FUNNEL_STEPS = (
    ("enrolled", Q()),
    ("started", Q(first_viewed_at__isnull=False)),
    ("pre_test", Q(pre_test_at__isnull=False)),
    ("completed", Q(status=Enrolment.Status.COMPLETED)),
    ("post_test_passed", Q(post_test_passed_at__isnull=False)),
    ("follow_up", Q(follow_up_at__isnull=False)),
)


def funnel(filters: ReportFilters) -> pd.DataFrame:
    """The drop-out funnel: per step, distinct trainees with an enrolment that reached this
    step and every step before it (from the milestones each enrolment keeps).

    So no step counts more trainees than the one before, and a trainee counts once per step
    whatever their number of courses. With one course, each module with required lessons is
    a step (in the course's order); with several, one step stands for all of an enrolment's
    modules. Columns: step (a key of ``FUNNEL_STEPS``, "module" or "modules"), title (the
    module's, for "module"), trainees.
    """
    modules = _required_modules(filters)
    scope = enrolment_scope(filters).order_by()
    reached = Q()
    steps: list[tuple[str, str, Q]] = []
    for step, milestone in FUNNEL_STEPS:
        if step == "completed" and not modules.empty:
            if modules["course"].nunique() == 1:
                for module in modules.itertuples():
                    name = f"module_{module.module}"
                    scope = scope.annotate(
                        **{
                            name: Exists(
                                ModuleCompletion.objects.filter(
                                    enrolment=OuterRef("pk"), module_id=module.module
                                )
                            )
                        }
                    )
                    reached &= Q(**{name: True})
                    steps.append(("module", module.title, reached))
            else:
                required = modules.groupby("course").size()
                done = (
                    ModuleCompletion.objects.filter(
                        enrolment=OuterRef("pk"), module_id__in=modules["module"].tolist()
                    )
                    .order_by()
                    .values("enrolment")
                    .annotate(n=Count("pk"))
                    .values("n")
                )
                scope = scope.annotate(
                    modules_done=Coalesce(Subquery(done), 0),
                    modules_required=Case(
                        *(When(course_id=int(c), then=Value(int(n))) for c, n in required.items()),
                        default=Value(0),
                    ),
                )
                reached &= Q(modules_done__gte=F("modules_required"))
                steps.append(("modules", "", reached))
        reached &= milestone
        steps.append((step, "", reached))
    counts = scope.aggregate(
        **{
            f"step_{n}": Count("trainee", distinct=True, filter=condition)
            for n, (_step, _title, condition) in enumerate(steps)
        }
    )
    return pd.DataFrame(
        [(step, title, counts[f"step_{n}"]) for n, (step, title, _q) in enumerate(steps)],
        columns=["step", "title", "trainees"],
    )


def _required_modules(filters: ReportFilters) -> pd.DataFrame:
    """The modules with required lessons of the courses in scope, in each course's order.

    Columns: course, module, title.
    """
    columns = ["course", "module", "title"]
    course_ids = scope_course_ids(filters)
    courses = list(CoursePage.objects.filter(pk__in=course_ids).values_list("pk", "path"))
    if not courses:
        return pd.DataFrame(columns=columns)
    course_q = Q()
    for _pk, path in courses:
        course_q |= Q(path__startswith=path)
    modules = _frame(
        ModulePage.objects.filter(
            course_q, depth__in={len(p) // 4 + 1 for _, p in courses}
        ).order_by("path"),
        ["pk", "path", "title"],
    )
    lessons = _frame(
        LessonPage.objects.live().filter(course_q, is_required=True).order_by("path"),
        ["pk", "path"],
    )
    if modules.empty or lessons.empty:
        return pd.DataFrame(columns=columns)
    course_of = {path: pk for pk, path in courses}
    steplen = ModulePage.steplen
    modules["course"] = modules["path"].str[:-steplen].map(course_of)
    modules = modules.dropna(subset=["course"])
    module_of_path = dict(zip(modules["path"], modules["pk"], strict=True))
    lessons["module"] = lessons["path"].str[:-steplen].map(module_of_path)
    lessons = lessons.dropna(subset=["module"]).astype({"module": int})
    modules = modules[modules["pk"].isin(set(lessons["module"]))]
    modules = modules.rename(columns={"pk": "module"})
    modules["course"] = modules["course"].astype(int)
    return modules[columns].reset_index(drop=True)


def session_attendance(filters: ReportFilters) -> pd.DataFrame:
    """Classroom sessions per course: sessions held, trainees registered and who attended.

    Sessions of the courses in scope starting within the period; registrations of trainees
    in the chosen audiences, organisations and cities. Columns: course, sessions,
    registered, attended (both distinct trainees).
    """
    sessions = ClassroomSession.objects.filter(_period_filter(filters, "starts_at"))
    if filters.courses:
        sessions = sessions.filter(course_id__in=filters.courses)
    if filters.topics:
        sessions = sessions.filter(course__topics__in=filters.topics)
    if filters.cohorts:
        sessions = sessions.filter(cohort_id__in=filters.cohorts)
    registrations = SessionRegistration.objects.filter(
        _trainee_filters(filters, "trainee"),
        session__in=sessions,
        status=SessionRegistration.Status.REGISTERED,
    )
    rows = (
        registrations.order_by()
        .values("session__course_id")
        .annotate(
            sessions=Count("session", distinct=True),
            registered=Count("trainee", distinct=True),
            attended=Count("trainee", distinct=True, filter=Q(attended=True)),
        )
        .order_by("session__course_id")
    )
    frame = pd.DataFrame.from_records(
        list(rows), columns=["session__course_id", "sessions", "registered", "attended"]
    )
    return frame.rename(columns={"session__course_id": "course"})


# --- Training of trainers ------------------------------------------------------------------


def tot_graduates() -> pd.DataFrame:
    """Trainees who completed a training-of-trainers course: trainee_id, completed_at (first)."""
    rows = (
        Enrolment.objects.filter(
            status=Enrolment.Status.COMPLETED,
            completed_at__isnull=False,
            course__is_training_of_trainers=True,
        )
        .order_by()
        .values("trainee_id")
        .annotate(completed_at=Min("completed_at"))
    )
    return pd.DataFrame.from_records(list(rows), columns=["trainee_id", "completed_at"])


def training_links(filters: ReportFilters) -> pd.DataFrame:
    """Who trained whom, and when: trainer_id, trainee_id, at.

    A trainer trained a trainee when the trainee was enrolled in a cohort the trainer leads
    (at: the enrolment) or attended a session the trainer led (at: the session's start). Only
    the period and the trainee filters (audience, organisation, city) apply: a cascade
    crosses courses and cohorts by nature.
    """
    enrolments = Enrolment.objects.filter(
        _period_filter(filters, "created_at"),
        _trainee_filters(filters, "trainee"),
        status__in=ENROLLED_STATUSES,
        cohort__isnull=False,
        cohort__trainers__isnull=False,
    )
    sessions = SessionRegistration.objects.filter(
        _period_filter(filters, "session__starts_at"),
        _trainee_filters(filters, "trainee"),
        attended=True,
    )
    columns = ["trainer_id", "trainee_id", "at"]
    cohort_links = _frame(
        enrolments.order_by().annotate(trainer_id=F("cohort__trainers"), at=F("created_at")),
        columns,
    )
    session_links = _frame(
        sessions.order_by().annotate(
            trainer_id=F("session__trainer_id"), at=F("session__starts_at")
        ),
        columns,
    )
    frames = [frame for frame in (cohort_links, session_links) if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=columns)
    links = pd.concat(frames)
    links = links[links["trainer_id"] != links["trainee_id"]]
    return links.reset_index(drop=True)


# --- Surveys -------------------------------------------------------------------------------


def _survey_answers(filters: ReportFilters, purpose: str) -> QuerySet[SurveyAnswer]:
    return SurveyAnswer.objects.filter(
        response__enrolment__in=enrolment_scope(filters), response__survey__purpose=purpose
    )


def survey_value_counts(filters: ReportFilters, purpose: str) -> pd.DataFrame:
    """How many answered each value of each Likert, 0–10 and single-choice item.

    Columns: survey_id, survey, item_id, item_text, kind, role (``SurveyItem.Role``, what
    the author marked the item as), sort_order, value, text (the choice, for single choice),
    count. Answers of items since removed from their survey keep their copied text, with no
    sort order and no role.
    """
    columns = [
        "survey_id",
        "survey",
        "item_id",
        "item_text",
        "kind",
        "role",
        "sort_order",
        "value",
        "text",
        "count",
    ]
    rows = (
        _survey_answers(filters, purpose)
        .exclude(kind=SurveyItem.Kind.FREE_TEXT)
        .filter(value__isnull=False)
        .order_by()
        .values(
            "response__survey_id",
            "response__survey__title",
            "item_id",
            "item_text",
            "kind",
            "item__role",
            "item__sort_order",
            "value",
            "text",
        )
        .annotate(count=Count("pk"))
    )
    return pd.DataFrame.from_records(
        (tuple(row.values()) for row in rows.iterator(chunk_size=CHUNK_SIZE)), columns=columns
    )


def survey_respondents(filters: ReportFilters, purpose: str) -> int:
    """Distinct trainees who answered a survey of this purpose."""
    return survey_reach(filters, purpose)["trainees"]


def survey_reach(
    filters: ReportFilters, purpose: str, *, kind: str | None = None, role: str | None = None
) -> dict[str, int]:
    """Responses to surveys of this purpose and the distinct trainees who gave them:
    {"trainees", "responses"}; with ``kind`` or ``role``, only responses that answered an
    item of that kind or role."""
    responses = SurveyResponse.objects.filter(
        enrolment__in=enrolment_scope(filters), survey__purpose=purpose
    )
    if kind or role:
        answers = SurveyAnswer.objects.filter(response=OuterRef("pk"), value__isnull=False)
        if kind:
            answers = answers.filter(kind=kind)
        if role:
            answers = answers.filter(item__role=role)
        responses = responses.filter(Exists(answers))
    return responses.aggregate(
        trainees=Count("trainee", distinct=True), responses=Count("pk", distinct=True)
    )


def survey_free_texts(filters: ReportFilters, purpose: str) -> pd.DataFrame:
    """Free-text answers with their item: survey_id, item_id, item_text, text, trainee_id.

    The trainee id is only there to count distinct respondents per item; the builder drops it.
    """
    queryset = (
        _survey_answers(filters, purpose)
        .filter(kind=SurveyItem.Kind.FREE_TEXT)
        .exclude(text="")
        .order_by("item_id", "text")
    )
    return _frame(
        queryset.annotate(survey_id=F("response__survey_id"), trainee_id=F("response__trainee_id")),
        ["survey_id", "item_id", "item_text", "text", "trainee_id"],
    )


def follow_up_invitations(filters: ReportFilters) -> dict[str, int]:
    """Follow-up invitations sent for enrolments in scope, and how many were answered.

    A response counts when the invited enrolment answered its follow-up survey (through the
    link or from the course page).
    """
    invitations = SurveyInvitation.objects.filter(
        enrolment__in=enrolment_scope(filters), survey__purpose="follow_up"
    )
    answered = Q(enrolment__survey_responses__survey__purpose="follow_up")
    return invitations.aggregate(
        invited=Count("enrolment__trainee", distinct=True),
        answered=Count("enrolment__trainee", distinct=True, filter=answered),
    )


# --- Tests ---------------------------------------------------------------------------------

# Which attempt gives an enrolment its score: the first graded pre-test attempt and the last
# graded post-test attempt with a percent, by submission time then number.
_SCORE_ORDER = (F("submitted_at").asc(), F("number").asc())


def _test_attempts(filters: ReportFilters) -> QuerySet:
    """Graded pre- and post-test attempts of the population's trainees, each ranked from
    the first and from the last among its trainee's attempts at the course's test."""
    # Attempts without a percent rank apart, so they never hide one that has a percent.
    partition = [
        F("trainee_id"),
        F("quiz__course_id"),
        F("quiz__purpose"),
        ExpressionWrapper(Q(percent__isnull=True), output_field=BooleanField()),
    ]
    return (
        Attempt.objects.filter(
            quiz__purpose__in=[Quiz.Purpose.PRE_TEST, Quiz.Purpose.POST_TEST],
            status__in=GRADED_STATUSES,
            trainee__in=enrolment_scope(filters).values("trainee"),
        )
        .order_by()
        .values(
            "trainee_id",
            "percent",
            "passed",
            course_key=F("quiz__course_id"),
            purpose=F("quiz__purpose"),
            first_rank=Window(RowNumber(), partition_by=partition, order_by=_SCORE_ORDER),
            last_rank=Window(
                RowNumber(),
                partition_by=partition,
                order_by=[expression.copy().reverse_ordering() for expression in _SCORE_ORDER],
            ),
        )
    )


def test_scores(filters: ReportFilters) -> pd.DataFrame:
    """Per enrolment that took the pre-test or the post-test: its scores (percent).

    ``pre`` is the first graded pre-test attempt (what the trainee knew before), ``post`` the
    last graded post-test attempt (what they knew at the end), ``post_first`` the first
    graded post-test attempt (before any retry on the same questions), ``passed`` whether any
    post-test attempt passed (None when the post-test was not taken). Columns: trainee_id,
    course, pre, post, post_first, passed.
    """
    # One pass over the attempts ranked by window functions, grouped per trainee and course,
    # then joined to the enrolments: a subquery per enrolment and score read the attempts
    # three times per enrolment (1.9 s at 100,000 trainees, benchmarks/README.md).
    attempts, attempt_params = _test_attempts(filters).query.sql_with_params()
    scope, scope_params = (
        enrolment_scope(filters).order_by().values("pk", "trainee_id", "course_id")
    ).query.sql_with_params()
    pre, post = Quiz.Purpose.PRE_TEST.value, Quiz.Purpose.POST_TEST.value
    # Only constants are written into the SQL (hence the noqa: S608); values go as parameters.
    sql = f"""
        WITH ranked AS ({attempts}),
        scores AS (
            SELECT trainee_id, course_key,
                   MAX(CASE WHEN purpose = %s AND first_rank = 1 THEN percent END) AS pre,
                   MAX(CASE WHEN purpose = %s AND last_rank = 1 THEN percent END) AS post,
                   MAX(CASE WHEN purpose = %s AND first_rank = 1 THEN percent END)
                       AS post_first,
                   MAX(CASE WHEN purpose = %s AND passed THEN 1 ELSE 0 END) AS passed
            FROM ranked GROUP BY trainee_id, course_key
        )
        SELECT scope.trainee_id, scope.course_id, scores.pre, scores.post, scores.post_first,
               scores.passed
        FROM ({scope}) scope
        JOIN scores ON scores.trainee_id = scope.trainee_id
                   AND scores.course_key = scope.course_id
        WHERE scores.pre IS NOT NULL OR scores.post IS NOT NULL
        ORDER BY scope.pk
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, (*attempt_params, pre, post, post, post, *scope_params))
        frame = pd.DataFrame.from_records(
            cursor.fetchall(),
            columns=["trainee_id", "course", "pre", "post", "post_first", "passed"],
        )
    for column in ("pre", "post", "post_first"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    frame["passed"] = frame["passed"].astype(bool).astype(object).where(frame["post"].notna(), None)
    return frame


def item_quizzes(filters: ReportFilters) -> pd.DataFrame:
    """Graded and post-test quizzes of the courses in scope: quiz_id, title, course, purpose."""
    queryset = Quiz.objects.filter(
        course_id__in=scope_course_ids(filters),
        purpose__in=[Quiz.Purpose.GRADED, Quiz.Purpose.POST_TEST],
    ).order_by("course_id", "purpose", "title")
    frame = _frame(queryset, ["pk", "title", "course_id", "purpose"])
    return frame.rename(columns={"pk": "quiz_id", "course_id": "course"})


def item_counts(
    filters: ReportFilters, quiz_ids: Sequence[int]
) -> dict[int, statistics.ItemCounts]:
    """Per quiz, the sums of item analysis over each trainee's first graded attempt
    (``statistics.ItemCounts``; questions by id). Quizzes without an answer are left out.

    One statement for every quiz, one pass over the answers of the first attempts: window
    sums give each answer its attempt's total and number of questions shown, then the
    answers are grouped by quiz, question and questions shown. Rows per attempt (the
    attempt count and the totals KR-20 needs) are summed on one answer of each attempt, its
    first. No answer leaves the database: reading 1.1 million of them into a wide frame was
    most of the report's time at 100,000 trainees (benchmarks/README.md).
    """
    if not quiz_ids:
        return {}
    scope = enrolment_scope(filters)
    first_attempts, params = (
        Attempt.objects.filter(
            _enrolled_in(scope),
            quiz_id__in=list(quiz_ids),
            status__in=GRADED_STATUSES,
        )
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("quiz_id"), F("trainee_id")],
                order_by=F("number").asc(),
            )
        )
        # "<= 1", not "= 1": for "= 1" PostgreSQL expected 539 first attempts of 107,855 (the
        # real count is 186,183) and fetched their answers one attempt at a time.
        .filter(rank__lte=1)
        .order_by()
        .values("pk", "quiz_id")
        .query.sql_with_params()
    )
    # Only a table name and constants are written into the SQL (hence the noqa: S608).
    sql = f"""
        SELECT quiz_id, question_id, shown, COUNT(*), SUM(x), SUM(total - x),
               SUM(x * (total - x)), SUM((total - x) * (total - x)),
               SUM(head), SUM(head * total), SUM(head * total * total)
        FROM (
            SELECT first_attempts.quiz_id, answer.question_id, answer.x,
                   SUM(answer.x) OVER per_attempt AS total,
                   COUNT(*) OVER per_attempt AS shown,
                   CASE WHEN answer.question_id = MIN(answer.question_id) OVER per_attempt
                        THEN 1 ELSE 0 END AS head
            FROM (
                SELECT attempt_id, question_id, CASE WHEN is_correct THEN 1 ELSE 0 END AS x
                FROM {AttemptAnswer._meta.db_table}
            ) answer
            JOIN ({first_attempts}) first_attempts ON first_attempts.pk = answer.attempt_id
            WINDOW per_attempt AS (PARTITION BY answer.attempt_id)
        ) answers
        GROUP BY quiz_id, question_id, shown
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # Sums come as Decimal from PostgreSQL's numeric: integers all.
    frame = pd.DataFrame.from_records(
        rows,
        columns=[
            "quiz_id",
            "question_id",
            "shown",
            "n",
            "correct",
            "rest",
            "item_rest",
            "rest_squares",
            "heads",
            "head_total",
            "head_squares",
        ],
    ).map(int)
    counts = {}
    for quiz_id, groups in frame.groupby("quiz_id"):
        # Complete attempts showed every question the quiz's first attempts answered.
        complete = groups[groups["shown"] == groups["question_id"].nunique()]
        items = groups.groupby("question_id")[["n", "correct", "rest", "item_rest", "rest_squares"]]
        items = items.sum().join(
            complete.groupby("question_id")["correct"].sum().rename("complete_correct")
        )
        items["complete_correct"] = items["complete_correct"].fillna(0).astype(int)
        counts[int(quiz_id)] = statistics.ItemCounts(
            items=items.reset_index()[statistics.ITEM_COUNT_COLUMNS],
            attempts=int(groups["heads"].sum()),
            complete=int(complete["heads"].sum()),
            complete_total=int(complete["head_total"].sum()),
            complete_squares=int(complete["head_squares"].sum()),
        )
    return counts


def question_texts(question_ids: Iterable[int]) -> dict[int, str]:
    """The text of each question, for item analysis labels."""
    return dict(Question.objects.filter(pk__in=list(question_ids)).values_list("pk", "text"))


# --- Results -------------------------------------------------------------------------------


def indicator_values(filters: ReportFilters) -> pd.DataFrame:
    """Indicator values whose period overlaps the report's, with the indicator's target.

    Columns: indicator_id, name, unit, target, period_start, period_end, value, sort_order.
    """
    queryset = IndicatorValue.objects.all()
    if filters.period_start:
        queryset = queryset.filter(period_end__gte=filters.period_start)
    if filters.period_end:
        queryset = queryset.filter(period_start__lte=filters.period_end)
    queryset = queryset.order_by("indicator__sort_order", "indicator__name", "period_start")
    frame = _frame(
        queryset.annotate(
            name=F("indicator__name"),
            unit=F("indicator__unit"),
            target=F("indicator__target"),
            sort_order=F("indicator__sort_order"),
        ),
        [
            "indicator_id",
            "name",
            "unit",
            "target",
            "period_start",
            "period_end",
            "value",
            "sort_order",
        ],
    )
    for column in ("target", "value"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    return frame


# --- Names ---------------------------------------------------------------------------------


def course_titles(course_ids: Iterable[int]) -> dict[int, str]:
    """Titles of the given courses."""
    return dict(CoursePage.objects.filter(pk__in=list(course_ids)).values_list("pk", "title"))


def organisation_names(organisation_ids: Iterable[int]) -> dict[int, str]:
    """Names (with city) of the given organisations."""
    return {
        pk: f"{name} ({city})" if city else name
        for pk, name, city in Organisation.objects.filter(
            pk__in=[pk for pk in organisation_ids if pk is not None]
        ).values_list("pk", "name", "city")
    }


# --- Access --------------------------------------------------------------------------------


def user_can_read_reports(user: Any) -> bool:
    """Programme managers and admins read and ask for reports; nobody else does.

    The Programme managers group holds ``reports.view_reportrun`` (reports migration 0002);
    Django caches permissions on the user, which the navigation already loads on every page.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.has_perm("reports.view_reportrun")
