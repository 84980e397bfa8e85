"""Selectors of the evaluation report: aggregated reads into compact pandas frames.

Every function takes a ``ReportFilters`` and returns a small frame built from grouped SQL
(``values()`` + ``annotate()``). Rows per trainee are read only where a statistic needs them
(completion times, pre/post pairs, item responses, cascade links), in chunks through
``iterator()``. Nothing here suppresses: ``reports.builder`` does, after the statistics.

The population: enrolments that gave access to a course (in progress, completed or
withdrawn; not pending or rejected), made within the period, in the chosen courses, topics
and cohorts, of trainees of the chosen audiences, organisations and cities. Every section
follows the same enrolments, so the funnel, the tests and the surveys add up.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from typing import Any

import pandas as pd
from django.core.exceptions import ValidationError
from django.db.models import (
    Count,
    DecimalField,
    Exists,
    F,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, TruncMonth
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
    ModulePage,
    SessionRegistration,
    Topic,
)

from .models import IndicatorValue

CHUNK_SIZE = 2000
ENROLLED_STATUSES = (
    Enrolment.Status.ACTIVE,
    Enrolment.Status.COMPLETED,
    Enrolment.Status.WITHDRAWN,
)
GRADED_STATUSES = (Attempt.Status.SUBMITTED, Attempt.Status.EXPIRED)
# How a reach table can be cut; "total" is the whole population in one row.
DIMENSIONS = ("total", "audience", "organisation", "city", "course", "month")


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
        parts = (
            (
                _("Courses"),
                lambda: (
                    CoursePage.objects.filter(pk__in=self.courses)
                    .order_by("title")
                    .values_list("title", flat=True)
                ),
                self.courses,
            ),
            (
                _("Topics"),
                lambda: (
                    Topic.objects.filter(pk__in=self.topics)
                    .order_by("name")
                    .values_list("name", flat=True)
                ),
                self.topics,
            ),
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
            (
                _("Cohorts"),
                lambda: (
                    Cohort.objects.filter(pk__in=self.cohorts)
                    .order_by("name")
                    .values_list("name", flat=True)
                ),
                self.cohorts,
            ),
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


# --- The population ------------------------------------------------------------------------


def enrolment_scope(filters: ReportFilters) -> QuerySet[Enrolment]:
    """Enrolments the report is about (see the module docstring)."""
    queryset = Enrolment.objects.filter(status__in=ENROLLED_STATUSES)
    if filters.period_start:
        queryset = queryset.filter(created_at__date__gte=filters.period_start)
    if filters.period_end:
        queryset = queryset.filter(created_at__date__lte=filters.period_end)
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
    if filters.audiences:
        queryset = queryset.filter(trainee__audience__in=filters.audiences)
    if filters.organisations:
        queryset = queryset.filter(trainee__organisation_id__in=filters.organisations)
    if filters.cities:
        queryset = queryset.filter(trainee__organisation__city__in=filters.cities)
    return queryset


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


def _started() -> Exists:
    return Exists(LessonProgress.objects.filter(enrolment=OuterRef("pk")))


def _took_test(purpose: str, **extra: Any) -> Exists:
    return Exists(
        Attempt.objects.filter(
            trainee=OuterRef("trainee"),
            quiz__course=OuterRef("course"),
            quiz__purpose=purpose,
            status__in=GRADED_STATUSES,
            **extra,
        )
    )


def _answered(purpose: str) -> Exists:
    return Exists(SurveyResponse.objects.filter(enrolment=OuterRef("pk"), survey__purpose=purpose))


def scope_course_ids(filters: ReportFilters) -> list[int]:
    """Ids of the courses with at least one enrolment in the report."""
    return sorted(
        enrolment_scope(filters).order_by().values_list("course_id", flat=True).distinct()
    )


# --- Reach ---------------------------------------------------------------------------------

_DIMENSION_FIELDS = {
    "audience": "trainee__audience",
    "organisation": "trainee__organisation_id",
    "city": "trainee__organisation__city",
    "course": "course_id",
}


def _with_dimension(queryset: QuerySet, dimension: str) -> tuple[QuerySet, str | None]:
    if dimension == "total":
        return queryset, None
    if dimension == "month":
        return queryset.annotate(key=TruncMonth("created_at")), "key"
    return queryset.annotate(key=F(_DIMENSION_FIELDS[dimension])), "key"


def reach_by(filters: ReportFilters, dimension: str) -> pd.DataFrame:
    """Trainees, enrolments, started, completed and hours delivered, one row per group.

    Columns: key, trainees (distinct), enrolments, started, started_trainees, completed,
    completed_trainees, hours (completed enrolments × the course's estimated hours).
    ``month`` groups by the month the enrolment was made (key "YYYY-MM").
    """
    if dimension not in DIMENSIONS:
        raise ValueError(f"Unknown dimension {dimension!r}")
    queryset, key = _with_dimension(
        enrolment_scope(filters).annotate(has_started=_started()), dimension
    )
    completed = Q(status=Enrolment.Status.COMPLETED)
    aggregates = {
        "trainees": Count("trainee", distinct=True),
        "enrolments": Count("pk"),
        "started": Count("pk", filter=Q(has_started=True)),
        "started_trainees": Count("trainee", distinct=True, filter=Q(has_started=True)),
        "completed": Count("pk", filter=completed),
        "completed_trainees": Count("trainee", distinct=True, filter=completed),
        "hours": Coalesce(
            Sum("course__estimated_hours", filter=completed),
            Value(Decimal(0)),
            output_field=DecimalField(max_digits=14, decimal_places=1),
        ),
    }
    columns = ["key", *aggregates]
    if key is None:
        row = queryset.aggregate(**aggregates)
        frame = pd.DataFrame([{"key": "total", **row}], columns=columns)
    else:
        rows = queryset.order_by().values(key).annotate(**aggregates).order_by(key)
        frame = pd.DataFrame.from_records(list(rows), columns=columns)
    frame["hours"] = frame["hours"].astype(float)
    if dimension == "month":
        frame["key"] = frame["key"].map(lambda value: value.strftime("%Y-%m") if value else "")
    return frame


def completion_days(filters: ReportFilters) -> pd.DataFrame:
    """One row per completed enrolment: its groups and the days from first access to completion.

    First access is the first lesson opened, else the start of the enrolment. Columns:
    trainee_id, audience, organisation, city, course, month, days.
    """
    queryset = (
        enrolment_scope(filters)
        .filter(status=Enrolment.Status.COMPLETED, completed_at__isnull=False)
        .annotate(
            first_access=Coalesce(
                Min("lesson_progress__first_viewed_at"), "activated_at", "created_at"
            ),
            audience=F("trainee__audience"),
            organisation=F("trainee__organisation_id"),
            city=F("trainee__organisation__city"),
            month=TruncMonth("created_at"),
        )
        .order_by()
    )
    frame = _frame(
        queryset,
        [
            "trainee_id",
            "audience",
            "organisation",
            "city",
            "course_id",
            "month",
            "first_access",
            "completed_at",
        ],
    )
    frame = frame.rename(columns={"course_id": "course"})
    if frame.empty:
        return pd.DataFrame(
            columns=["trainee_id", "audience", "organisation", "city", "course", "month", "days"]
        )
    frame["days"] = (
        pd.to_datetime(frame["completed_at"], utc=True)
        - pd.to_datetime(frame["first_access"], utc=True)
    ).dt.total_seconds() / 86400
    frame["days"] = frame["days"].clip(lower=0)
    frame["month"] = frame["month"].map(lambda value: value.strftime("%Y-%m") if value else "")
    return frame.drop(columns=["first_access", "completed_at"])


def funnel_counts(filters: ReportFilters) -> dict[str, int]:
    """Distinct trainees at each step: enrolled, started, pre-test taken, completed,
    post-test passed, follow-up answered."""
    queryset = enrolment_scope(filters).annotate(
        has_started=_started(),
        has_pre=_took_test(Quiz.Purpose.PRE_TEST),
        has_passed=_took_test(Quiz.Purpose.POST_TEST, passed=True),
        has_follow_up=_answered("follow_up"),
    )
    trainee = "trainee"
    return queryset.aggregate(
        enrolled=Count(trainee, distinct=True),
        started=Count(trainee, distinct=True, filter=Q(has_started=True)),
        pre_test=Count(trainee, distinct=True, filter=Q(has_pre=True)),
        completed=Count(trainee, distinct=True, filter=Q(status=Enrolment.Status.COMPLETED)),
        post_test_passed=Count(trainee, distinct=True, filter=Q(has_passed=True)),
        follow_up=Count(trainee, distinct=True, filter=Q(has_follow_up=True)),
    )


def module_completions(filters: ReportFilters) -> pd.DataFrame:
    """Per module of the courses in scope: trainees who completed every required lesson of it.

    Columns: course, module, position (1 = first module of its course), title, done.
    Modules without required lessons are left out (nothing to complete).
    """
    columns = ["course", "module", "position", "title", "done"]
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
    modules["position"] = modules.groupby("course").cumcount() + 1
    module_of_path = dict(zip(modules["path"], modules["pk"], strict=True))
    lessons["module"] = lessons["path"].str[:-steplen].map(module_of_path)
    lessons = lessons.dropna(subset=["module"])
    required = lessons.groupby("module").size()

    progress = _frame(
        LessonProgress.objects.filter(
            enrolment__in=enrolment_scope(filters),
            lesson_id__in=list(lessons["pk"]),
            completed_at__isnull=False,
        ).order_by(),
        ["enrolment__trainee_id", "lesson_id"],
    )
    progress["module"] = progress["lesson_id"].map(
        dict(zip(lessons["pk"], lessons["module"], strict=True))
    )
    per_trainee = progress.groupby(["module", "enrolment__trainee_id"]).size().rename("lessons")
    per_trainee = per_trainee.reset_index()
    per_trainee["required"] = per_trainee["module"].map(required)
    done = per_trainee[per_trainee["lessons"] >= per_trainee["required"]].groupby("module").size()
    modules = modules[modules["pk"].isin(required.index)]
    modules["done"] = modules["pk"].map(done).fillna(0).astype(int)
    modules = modules.rename(columns={"pk": "module"})
    modules["course"] = modules["course"].astype(int)
    return modules[columns].reset_index(drop=True)


def session_attendance(filters: ReportFilters) -> pd.DataFrame:
    """Classroom sessions per course: sessions held, trainees registered and who attended.

    Sessions of the courses in scope starting within the period; registrations of trainees
    in the chosen audiences, organisations and cities. Columns: course, sessions,
    registered, attended (both distinct trainees).
    """
    sessions = ClassroomSession.objects.all()
    if filters.courses:
        sessions = sessions.filter(course_id__in=filters.courses)
    if filters.topics:
        sessions = sessions.filter(course__topics__in=filters.topics)
    if filters.cohorts:
        sessions = sessions.filter(cohort_id__in=filters.cohorts)
    if filters.period_start:
        sessions = sessions.filter(starts_at__date__gte=filters.period_start)
    if filters.period_end:
        sessions = sessions.filter(starts_at__date__lte=filters.period_end)
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
        _trainee_filters(filters, "trainee"),
        status__in=ENROLLED_STATUSES,
        cohort__isnull=False,
        cohort__trainers__isnull=False,
    )
    sessions = SessionRegistration.objects.filter(
        _trainee_filters(filters, "trainee"), attended=True
    )
    if filters.period_start:
        enrolments = enrolments.filter(created_at__date__gte=filters.period_start)
        sessions = sessions.filter(session__starts_at__date__gte=filters.period_start)
    if filters.period_end:
        enrolments = enrolments.filter(created_at__date__lte=filters.period_end)
        sessions = sessions.filter(session__starts_at__date__lte=filters.period_end)
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

    Columns: survey_id, survey, item_id, item_text, kind, position (1 = the survey's first
    item of its kind), value, text (the choice, for single choice), count. Answers of items
    since removed from their survey keep their copied text, with no position.
    """
    columns = [
        "survey_id",
        "survey",
        "item_id",
        "item_text",
        "kind",
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
            "item__sort_order",
            "value",
            "text",
        )
        .annotate(count=Count("pk"))
    )
    frame = pd.DataFrame.from_records(
        (tuple(row.values()) for row in rows.iterator(chunk_size=CHUNK_SIZE)), columns=columns
    )
    if frame.empty:
        return frame.assign(position=pd.Series(dtype=float))
    items = frame.drop_duplicates(["survey_id", "item_id", "kind"]).dropna(subset=["item_id"])
    items = items.sort_values(["survey_id", "sort_order", "item_id"])
    items["position"] = items.groupby(["survey_id", "kind"]).cumcount() + 1
    frame = frame.merge(
        items[["survey_id", "item_id", "position"]], on=["survey_id", "item_id"], how="left"
    )
    return frame


def survey_respondents(filters: ReportFilters, purpose: str) -> int:
    """Distinct trainees who answered a survey of this purpose."""
    return (
        SurveyResponse.objects.filter(
            enrolment__in=enrolment_scope(filters), survey__purpose=purpose
        )
        .values("trainee")
        .distinct()
        .count()
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


def _attempt_percent(purpose: str, *, first: bool) -> Subquery:
    order = ("submitted_at", "number") if first else ("-submitted_at", "-number")
    return Subquery(
        Attempt.objects.filter(
            trainee=OuterRef("trainee"),
            quiz__course=OuterRef("course"),
            quiz__purpose=purpose,
            status__in=GRADED_STATUSES,
            percent__isnull=False,
        )
        .order_by(*order)
        .values("percent")[:1]
    )


def test_scores(filters: ReportFilters) -> pd.DataFrame:
    """Per enrolment that took the pre-test or the post-test: its scores (percent).

    ``pre`` is the first graded pre-test attempt (what the trainee knew before), ``post`` the
    last graded post-test attempt (what they knew at the end), ``passed`` whether any
    post-test attempt passed (None when the post-test was not taken). Columns: trainee_id,
    course, pre, post, passed.
    """
    queryset = (
        enrolment_scope(filters)
        .annotate(
            pre=_attempt_percent(Quiz.Purpose.PRE_TEST, first=True),
            post=_attempt_percent(Quiz.Purpose.POST_TEST, first=False),
            passed=_took_test(Quiz.Purpose.POST_TEST, passed=True),
        )
        .filter(Q(pre__isnull=False) | Q(post__isnull=False))
        .order_by()
    )
    frame = _frame(queryset, ["trainee_id", "course_id", "pre", "post", "passed"])
    frame = frame.rename(columns={"course_id": "course"})
    for column in ("pre", "post"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float)
    frame["passed"] = frame["passed"].astype(object).where(frame["post"].notna(), None)
    return frame


def item_quizzes(filters: ReportFilters) -> pd.DataFrame:
    """Graded and post-test quizzes of the courses in scope: quiz_id, title, course, purpose."""
    queryset = Quiz.objects.filter(
        course_id__in=scope_course_ids(filters),
        purpose__in=[Quiz.Purpose.GRADED, Quiz.Purpose.POST_TEST],
    ).order_by("course_id", "purpose", "title")
    frame = _frame(queryset, ["pk", "title", "course_id", "purpose"])
    return frame.rename(columns={"pk": "quiz_id", "course_id": "course"})


def item_responses(filters: ReportFilters, quiz_id: int, course_id: int) -> pd.DataFrame:
    """Scored answers of each trainee's first graded attempt at the quiz, wide: one row per
    attempt, one column per question id, 1 correct / 0 not, NaN not shown."""
    attempts = Attempt.objects.filter(
        quiz_id=quiz_id,
        number=Subquery(
            Attempt.objects.filter(
                quiz_id=quiz_id, trainee=OuterRef("trainee"), status__in=GRADED_STATUSES
            )
            .order_by()
            .values("trainee")
            .annotate(first=Min("number"))
            .values("first")[:1]
        ),
        status__in=GRADED_STATUSES,
        trainee__in=enrolment_scope(filters).filter(course_id=course_id).values("trainee"),
    )
    answers = _frame(
        AttemptAnswer.objects.filter(attempt__in=attempts).order_by(),
        ["attempt_id", "question_id", "is_correct"],
    )
    if answers.empty:
        return pd.DataFrame()
    answers["score"] = answers["is_correct"].fillna(False).astype(int)
    wide = answers.pivot_table(
        index="attempt_id", columns="question_id", values="score", aggfunc="max"
    )
    wide.columns = [int(column) for column in wide.columns]
    return wide


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
