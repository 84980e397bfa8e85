"""Each headline figure recomputed from the raw rows of a generated programme, without the
report's code: the units match their labels, and the funnel never grows (issue 19)."""

import re
from collections import defaultdict
from datetime import date

import pytest

from assessments.models import Attempt, SurveyAnswer, SurveyItem, SurveyResponse
from courses.models import (
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
    SessionRegistration,
)
from demo.training_data import training_data_generate
from reports.builder import report_build, report_headlines

IN_REPORT = ("active", "completed", "withdrawn")


@pytest.fixture
def generated(catalogue):
    """A generated programme of three courses, its report with nothing suppressed, and the
    figures recomputed from its rows."""
    training_data_generate(trainees=80, seed=19, today=date(2026, 6, 30), batch_size=40)
    return report_build(filters={}, min_cell=1), _raw_figures()


def _table(report, key):
    return next(t for s in report["sections"] for t in s["tables"] if t["key"] == key)


def _rows(table):
    """The table's rows as dicts by column key."""
    keys = [column["key"] for column in table["columns"]]
    return [dict(zip(keys, row, strict=True)) for row in table["rows"]]


def _raw_figures() -> dict:
    """The figures, from the rows themselves."""
    enrolments = list(
        Enrolment.objects.filter(status__in=IN_REPORT).values(
            "pk",
            "trainee_id",
            "course_id",
            "status",
            "first_viewed_at",
            "pre_test_at",
            "post_test_passed_at",
            "follow_up_at",
        )
    )
    in_report = {e["pk"] for e in enrolments}
    # Modules that have a live required lesson, per course.
    required: dict[int, set[int]] = defaultdict(set)
    for module in ModulePage.objects.all():
        if LessonPage.objects.live().child_of(module).filter(is_required=True).exists():
            required[module.get_parent().pk].add(module.pk)
    done: dict[int, set[int]] = defaultdict(set)
    for enrolment_id, module_id in ModuleCompletion.objects.values_list("enrolment", "module"):
        done[enrolment_id].add(module_id)
    steps = [
        lambda e: True,
        lambda e: e["first_viewed_at"] is not None,
        lambda e: e["pre_test_at"] is not None,
        lambda e: required[e["course_id"]] <= done[e["pk"]],
        lambda e: e["status"] == "completed",
        lambda e: e["post_test_passed_at"] is not None,
        lambda e: e["follow_up_at"] is not None,
    ]
    funnel = []
    for n in range(len(steps)):
        reached = [e for e in enrolments if all(step(e) for step in steps[: n + 1])]
        funnel.append(len({e["trainee_id"] for e in reached}))

    lesson_seconds = sum(
        LessonProgress.objects.filter(enrolment__in=in_report).values_list(
            "time_spent_seconds", flat=True
        )
    )
    enrolled_in = {(e["trainee_id"], e["course_id"]) for e in enrolments}
    session_seconds = sum(
        (ends - starts).total_seconds()
        for trainee, course, starts, ends in SessionRegistration.objects.filter(
            attended=True, status="registered"
        ).values_list("trainee", "session__course", "session__starts_at", "session__ends_at")
        if (trainee, course) in enrolled_in
    )

    useful = list(
        SurveyAnswer.objects.filter(
            response__enrolment__in=in_report,
            response__survey__purpose="reaction",
            item__role=SurveyItem.Role.USEFULNESS,
            kind="likert",
        ).values_list("value", "response__trainee", "item_text")
    )
    reactions = SurveyResponse.objects.filter(enrolment__in=in_report, survey__purpose="reaction")

    # First pre-test attempt, first and last post-test attempt, per trainee and course.
    attempts = defaultdict(list)
    for trainee, course, purpose, percent in (
        Attempt.objects.filter(status__in=["submitted", "expired"], percent__isnull=False)
        .order_by("submitted_at", "number")
        .values_list("trainee", "quiz__course", "quiz__purpose", "percent")
    ):
        attempts[(trainee, course, purpose)].append(float(percent))
    pairs = [
        (
            attempts[(t, c, "pre_test")][0],
            attempts[(t, c, "post_test")][0],
            attempts[(t, c, "post_test")][-1],
            t,
        )
        for t, c in enrolled_in
        if attempts[(t, c, "pre_test")] and attempts[(t, c, "post_test")]
    ]
    trainees = {e["trainee_id"] for e in enrolments}
    completed = {e["trainee_id"] for e in enrolments if e["status"] == "completed"}
    return {
        "trainees": len(trainees),
        "completed_trainees": len(completed),
        "trainee_share": 100 * len(completed) / len(trainees),
        "funnel": funnel,
        "lesson_hours": lesson_seconds / 3600,
        "session_hours": session_seconds / 3600,
        "useful": 100 * sum(v >= 4 for v, _t, _x in useful) / len(useful),
        "useful_answers": len(useful),
        "useful_trainees": len({t for _v, t, _x in useful}),
        "useful_texts": {x for _v, _t, x in useful},
        "reaction_trainees": reactions.values("trainee").distinct().count(),
        "reaction_responses": reactions.count(),
        "pairs": len(pairs),
        "pair_trainees": len({p[3] for p in pairs}),
        "pre": sum(p[0] for p in pairs) / len(pairs),
        "post_first": sum(p[1] for p in pairs) / len(pairs),
        "post_last": sum(p[2] for p in pairs) / len(pairs),
    }


@pytest.mark.django_db
def test_the_headlines_are_the_raw_figures_in_their_units(generated):
    report, raw = generated
    headlines = {h["label"]: h["value"] for h in report_headlines(report)}
    assert headlines["Trainees enrolled"] == raw["trainees"]
    assert headlines["Trainees who completed a course"] == raw["completed_trainees"]
    share = headlines["Trainees who completed a course (share of trainees enrolled, %)"]
    assert share == pytest.approx(raw["trainee_share"], abs=0.05)
    assert headlines["Recorded lesson time (hours)"] == pytest.approx(raw["lesson_hours"], abs=0.01)
    assert raw["lesson_hours"] > 0
    assert raw["session_hours"] > 0
    sessions = headlines["Classroom sessions attended (hours)"]
    assert sessions == pytest.approx(raw["session_hours"], abs=0.01)
    useful = headlines["Find the training useful for their work (share of answers agreeing, %)"]
    assert useful == pytest.approx(raw["useful"], abs=0.01)


@pytest.mark.django_db
def test_usefulness_is_read_from_the_statement_marked_so(generated):
    report, raw = generated
    # The generator's first statement is about relevance; the usefulness one comes second.
    assert raw["useful_texts"] == {"The course will be useful for my work."}
    row = _rows(_table(report, "reaction-headline"))[2]
    assert (row["trainees"], row["responses"]) == (raw["useful_trainees"], raw["useful_answers"])
    first = _rows(_table(report, "reaction-headline"))[0]
    assert first["trainees"] == raw["reaction_trainees"]
    assert first["responses"] == raw["reaction_responses"]


@pytest.mark.django_db
def test_the_funnel_counts_trainees_and_never_grows(generated):
    report, raw = generated
    rows = _rows(_table(report, "reach-funnel"))
    counts = [row["trainees"] for row in rows]
    assert counts == raw["funnel"]
    assert counts[0] == raw["trainees"]
    assert all(later <= earlier for earlier, later in zip(counts, counts[1:], strict=False))


@pytest.mark.django_db
def test_the_learning_figures_say_what_they_count(generated):
    report, raw = generated
    rows = {row["measure"]: row for row in _rows(_table(report, "learning-summary"))}
    pre = rows["Pre-test mean, first attempt (matched pairs)"]
    assert (pre["enrolments"], pre["trainees"]) == (raw["pairs"], raw["pair_trainees"])
    assert pre["value"] == pytest.approx(raw["pre"], abs=0.01)
    last = rows["Post-test mean, last attempt (matched pairs)"]["value"]
    assert last == pytest.approx(raw["post_last"], abs=0.01)
    first = rows["Post-test mean, first attempt (matched pairs)"]["value"]
    assert first == pytest.approx(raw["post_first"], abs=0.01)
    gain = rows["Mean gain, first post-test attempt − pre-test"]["value"]
    assert gain == pytest.approx(raw["post_first"] - raw["pre"], abs=0.01)
    for measure in ("Paired t-test: t, last attempt", "Paired t-test: t, first attempt"):
        assert re.fullmatch(
            r"df = [\d,]+; p (< 0\.001|= \d\.\d{3}) \(two-sided\)", rows[measure]["reading"]
        ), rows[measure]["reading"]
