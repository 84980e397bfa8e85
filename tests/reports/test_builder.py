"""The report builder on small hand-built data: its figures, and what it suppresses."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from accounts.models import Audience
from assessments.models import (
    Attempt,
    AttemptAnswer,
    Quiz,
    SurveyResponse,
)
from courses.models import (
    Enrolment,
)
from reports.builder import cascade_levels, report_build
from reports.data import REACH_DIMENSIONS, ReportFilters, enrolment_scope, reach_groups
from reports.models import IndicatorValue, ProgrammeIndicator
from reports.result import SUPPRESSED_MARK
from tests.factories import OrganisationFactory, TraineeFactory
from tests.factories.courses import add_course
from tests.factories.reports import POST, PRE, attempt_graded, build_programme, survey_response_with

# --- Reading a built report ------------------------------------------------------------------


def section(report, key):
    return next(s for s in report["sections"] if s["key"] == key)


def table(report, key):
    return next(t for s in report["sections"] for t in s["tables"] if t["key"] == key)


def cell(tab, row_label, column):
    """The cell of ``column`` in the row whose first cell is ``row_label``."""
    position = [c["key"] for c in tab["columns"]].index(column)
    row = next(r for r in tab["rows"] if r[0] == row_label)
    return row[position]


def is_suppressed(tab, row_label, column):
    index = next(i for i, r in enumerate(tab["rows"]) if r[0] == row_label)
    return [index, column] in tab["suppressed"]


# --- A small programme ---------------------------------------------------------------------


# Police (6, Antwerpen) complete in these many days (the sixth never completes); the three
# municipal staff (Gent) in one day each.
@pytest.fixture
def programme(catalogue):
    return build_programme(catalogue)


# --- Filters -------------------------------------------------------------------------------


@pytest.mark.django_db
class TestFilters:
    def test_round_trip(self, catalogue):
        course = add_course(catalogue, modules=1, lessons=1)
        parsed = ReportFilters.from_dict(
            {
                "period_start": "2026-01-01",
                "period_end": "2026-06-30",
                "courses": [str(course.pk)],
                "audiences": ["police"],
                "cities": ["Gent", ""],
            }
        )
        assert parsed.courses == (course.pk,)
        assert parsed.as_dict() == {
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "courses": [course.pk],
            "audiences": ["police"],
            "cities": ["Gent"],
        }
        labels = parsed.labels()
        assert labels[0] == "Period: 2026-01-01 – 2026-06-30"
        assert f"Courses: {course.title}" in labels
        assert "Audiences: Police" in labels

    @pytest.mark.parametrize(
        ("data", "field", "message"),
        [
            (
                {"period_start": "2026-06-30", "period_end": "2026-01-01"},
                "period_end",
                "before its start",
            ),
            ({"period_start": "30/06/2026"}, "period_start", "valid date"),
            ({"courses": ["abc"]}, "courses", "not an identifier"),
            ({"courses": [999999]}, "courses", "No such course: 999999"),
            ({"audiences": ["pilots"]}, "audiences", "Unknown audience: pilots"),
            ({"colour": "red"}, "__all__", "Unknown filter: colour"),
        ],
    )
    def test_bad_input_is_refused_with_the_reason(self, data, field, message):
        with pytest.raises(ValidationError) as caught:
            ReportFilters.from_dict(data)
        assert message in " ".join(caught.value.message_dict[field])


# --- Figures -------------------------------------------------------------------------------


@pytest.mark.django_db
class TestFigures:
    def test_report_shape_and_progress(self, programme):
        heard = []
        report = report_build(filters=programme.filters, min_cell=2, progress=heard.append)
        assert [s["key"] for s in report["sections"]] == [
            "reach",
            "cascade",
            "reaction",
            "learning",
            "behaviour",
            "results",
            "items",
        ]
        assert heard[0] == 0 and heard[-1] == 100 and heard == sorted(heard)
        assert report["min_cell"] == 2
        assert report["filters"] == {"courses": [programme.course.pk]}
        assert "Courses: Forced return procedures" in report["filter_labels"]
        for sec in report["sections"]:
            assert sec["tables"] and sec["summary"]
            # Every section with data has its chart; results has no indicator value here.
            assert bool(sec["charts"]) is (sec["key"] != "results"), sec["key"]
            keys = [t["key"] for t in sec["tables"]]
            assert len(keys) == len(set(keys))

    def test_reach(self, programme):
        report = report_build(filters=programme.filters, min_cell=2)
        by_audience = table(report, "reach-by-audience")
        assert cell(by_audience, "Total", "trainees") == 9  # the pending request is left out
        assert cell(by_audience, "Total", "completed") == 8
        assert cell(by_audience, "Total", "completion_rate") == pytest.approx(88.9)
        assert cell(by_audience, "Total", "completed_trainees") == 8
        assert cell(by_audience, "Total", "trainee_completion_rate") == pytest.approx(88.9)
        # No lesson time recorded; three municipal staff attended a three-hour session.
        assert cell(by_audience, "Total", "lesson_hours") == 0.0
        assert cell(by_audience, "Total", "session_hours") == 9.0
        assert cell(by_audience, "Total", "median_days") == 3.0  # of 1,1,1,2,4,6,8,10
        assert cell(by_audience, "Police", "trainees") == 6
        assert cell(by_audience, "Police", "started") == 6
        assert cell(by_audience, "Police", "median_days") == 6.0
        assert cell(by_audience, "Municipal staff", "session_hours") == 9.0
        assert cell(by_audience, "Police", "session_hours") == 0.0
        by_city = table(report, "reach-by-city")
        assert cell(by_city, "Gent", "trainees") == 3
        assert cell(table(report, "reach-by-course"), "Forced return procedures", "enrolments") == 9

    def test_funnel(self, programme):
        report = report_build(filters=programme.filters, min_cell=2)
        funnel = table(report, "reach-funnel")
        steps = {row[0]: row[1] for row in funnel["rows"]}
        # Each step keeps the trainees of the step before: the municipal staff took no
        # pre-test, the sixth police officer never completed, the fourth passed but
        # answered no follow-up... (see tests/factories/reports.py).
        assert steps == {
            "Enrolled": 9,
            "Started a course": 9,
            "… and took its pre-test": 6,
            "… and did the module “Forced return procedures – module 1”": 6,
            "… and did the module “Forced return procedures – module 2”": 5,
            "… and completed the course": 5,
            "… and passed its post-test": 4,
            "… and answered its follow-up survey": 4,
        }
        chart = next(c for c in section(report, "reach")["charts"] if c["key"] == "reach-funnel")
        assert chart["series"][0]["values"] == [9, 9, 6, 6, 5, 5, 4, 4]
        assert chart["unit"] == "trainees"

    def test_sessions(self, programme):
        report = report_build(filters=programme.filters, min_cell=2)
        sessions = table(report, "reach-sessions")
        assert sessions["rows"] == [["Forced return procedures", 1, 3, 3, ">95 %"]]

    def test_cascade(self, programme):
        report = report_build(filters=programme.filters, min_cell=1)
        trainers = table(report, "cascade-trainers")
        assert [row[1] for row in trainers["rows"]] == [2, 1]
        levels = table(report, "cascade-levels")
        assert levels["rows"] == [
            ["Level 1", 6, 1],
            ["Level 2", 3, 0],
            ["Total trained through the cascade", 9, 1],
        ]

    def test_reaction(self, programme):
        report = report_build(filters=programme.filters, min_cell=2)
        headline = table(report, "reaction-headline")
        # Trainees, then answers: the three with comments only are included in the first row.
        assert headline["rows"][0][1:3] == [9, 9]
        assert headline["rows"][1][1:4] == [6, 6, pytest.approx(16.67, abs=0.01)]  # (3 − 2) / 6
        assert headline["rows"][2][1:4] == [6, 6, pytest.approx(66.67, abs=0.01)]  # 4 of 6 agree
        items = table(report, "reaction-items")
        useful = cell(items, "How was it?: The course was useful for my work.", "mean")
        assert useful == pytest.approx(23 / 6, abs=0.01)
        assert cell(items, "How was it?: The course was useful for my work.", "p5") == 33.3
        comments = table(report, "reaction-comments")
        assert ["What would you change?", "Comment number 0"] in comments["rows"]
        assert len(comments["rows"]) == 9

    def test_learning(self, programme):
        report = report_build(filters=programme.filters, min_cell=2)
        summary = {row[0]: row for row in table(report, "learning-summary")["rows"]}
        pre = summary["Pre-test mean, first attempt (matched pairs)"]
        assert pre[1:4] == [6, 6, pytest.approx(56.67, abs=0.01)]
        assert summary["Post-test mean, last attempt (matched pairs)"][3] == 80.0
        pass_rate = summary["Post-test pass rate (passed in any attempt)"][3]
        assert pass_rate == pytest.approx(83.33, abs=0.01)
        hake = summary["Normalised gain on group means ⟨g⟩ (Hake), last attempt"]
        assert hake[3] == pytest.approx((80 - 340 / 6) / (100 - 340 / 6), abs=0.01)
        assert hake[5] == "medium"
        individual = next(k for k in summary if k.startswith("Mean of individual"))
        assert "1 at 100 % left out" in individual
        gains = [
            (post - pre) / (100 - pre) for pre, post in zip(PRE, POST, strict=True) if pre < 100
        ]
        assert summary[individual][3] == pytest.approx(sum(gains) / len(gains), abs=0.01)
        t_test = summary["Paired t-test: t, last attempt"][5]
        assert t_test.startswith("df = 5; p = 0.0") and t_test.endswith("(two-sided)")
        # One attempt each: the first post-test attempt is the last.
        assert summary["Post-test mean, first attempt (matched pairs)"][3] == 80.0
        by_course = table(report, "learning-by-course")
        assert by_course["rows"][0][:3] == ["Forced return procedures", 6, pytest.approx(56.67)]

    def test_behaviour(self, programme):
        report = report_build(filters=programme.filters, min_cell=2)
        response = table(report, "behaviour-response")
        assert response["rows"] == [[6, 5, pytest.approx(83.3), 5]]
        items = table(report, "behaviour-items")
        assert items["rows"][0][:4] == [
            "Three months later: I apply the procedure at work.",
            5,
            4.0,
            ">95 %",
        ]

    def test_results_are_never_suppressed(self, programme):
        indicator = ProgrammeIndicator.objects.create(name="Action plans made", target=10)
        IndicatorValue.objects.create(
            indicator=indicator,
            period_start=timezone.localdate() - timedelta(days=90),
            period_end=timezone.localdate(),
            value=2,
        )
        report = report_build(filters=programme.filters, min_cell=5)
        indicators = table(report, "results-indicators")
        assert indicators["rows"][0][0] == "Action plans made"
        assert indicators["rows"][0][4:] == [2.0, 10.0, 20.0]
        assert indicators["suppressed"] == []

    def test_items(self, programme):
        report = report_build(filters=programme.filters, min_cell=2)
        overview = table(report, "items-quizzes")
        assert overview["rows"][0][3:5] == [6, 3]
        items = table(report, f"items-quiz-{programme.post_test.pk}")
        difficulty = {row[0]: row[3] for row in items["rows"]}
        # Everybody right: shown as a share whose rare side is a small group.
        assert difficulty == {"Q1": ">95 %", "Q2": pytest.approx(66.7), "Q3": 50.0}
        discrimination = {row[0]: row[4] for row in items["rows"]}
        assert discrimination["Q1"] is None  # no variance: undefined
        assert discrimination["Q2"] == pytest.approx(0.707, abs=0.001)
        assert "too easy" in cell(items, "Q1", "flag")

    def test_cascade_levels_follow_graduation_dates(self):
        import pandas as pd

        now = pd.Timestamp("2026-05-01", tz="UTC")
        graduates = pd.DataFrame({"trainee_id": [1, 2], "completed_at": [now, now]})
        links = pd.DataFrame(
            {
                "trainer_id": [1, 1, 2, 3],
                "trainee_id": [2, 4, 5, 6],
                "at": [now, now - pd.Timedelta(days=1), now, now],
            }
        )
        roots, levels, trainers = cascade_levels(graduates, links)
        # 4 was trained before 1 graduated; 3 never graduated, so 6 is not in the cascade.
        assert roots == {1}
        assert levels == [{2}, {5}]
        assert trainers == {1, 2}


# --- Suppression ---------------------------------------------------------------------------


@pytest.mark.django_db
class TestSuppression:
    def test_a_group_of_three_and_its_lone_sibling_are_suppressed(self, programme):
        report = report_build(filters=programme.filters, min_cell=5)
        by_audience = table(report, "reach-by-audience")
        for group in ("Municipal staff", "Police"):
            assert cell(by_audience, group, "trainees") is None
            assert is_suppressed(by_audience, group, "trainees")
            assert is_suppressed(by_audience, group, "completion_rate")
        assert cell(by_audience, "Total", "trainees") == 9
        chart = section(report, "reach")["charts"][0]
        assert chart["series"][0]["values"] == [None, None]

    def test_every_suppressed_cell_is_empty(self, programme):
        report = report_build(filters=programme.filters, min_cell=5)
        suppressed = 0
        for sec in report["sections"]:
            for tab in sec["tables"]:
                keys = [c["key"] for c in tab["columns"]]
                for row, column in tab["suppressed"]:
                    assert tab["rows"][row][keys.index(column)] is None, tab["key"]
                    suppressed += 1
                assert SUPPRESSED_MARK not in str(tab["rows"])
        # Without suppressed cells the loop above would check nothing.
        assert suppressed > 0

    def test_small_cells_in_other_sections(self, programme):
        report = report_build(filters=programme.filters, min_cell=5)
        sessions = table(report, "reach-sessions")
        assert sessions["rows"][0][2:] == [None, None, None]  # three registered
        levels = table(report, "cascade-levels")
        # Level 2 has three people: suppressed, and level 1 with it, since a total is shown.
        assert levels["rows"][0][1] is None and levels["rows"][1][1] is None
        assert levels["rows"][2][1] == 9
        trainers = table(report, "cascade-trainers")
        assert trainers["rows"][0][1] is None  # two graduates
        funnel = {row[0]: row[1] for row in table(report, "reach-funnel")["rows"]}
        assert funnel["Enrolled"] == 9 and funnel["… and completed the course"] == 5
        assert funnel["… and passed its post-test"] is None  # four

    def test_free_text_only_for_groups_over_the_threshold(self, programme):
        shown = table(report_build(filters=programme.filters, min_cell=8), "reaction-comments")
        assert len(shown["rows"]) == 9  # nine wrote, more than eight
        withheld = table(report_build(filters=programme.filters, min_cell=9), "reaction-comments")
        assert withheld["rows"] == []
        assert any("withheld" in note for note in withheld["notes"])

    def test_extreme_shares_of_small_groups_are_labelled(self, programme):
        report = report_build(filters=programme.filters, min_cell=5)
        sessions_rate = table(report, "behaviour-items")["rows"][0][3]
        assert sessions_rate == ">95 %"  # five of five agree: "100 %" would say it of each

    def test_whole_report_of_fewer_trainees_than_the_threshold(self, programme):
        report = report_build(filters=programme.filters, min_cell=10)
        assert "suppressed" in section(report, "reach")["summary"][0]
        assert cell(table(report, "reach-by-audience"), "Total", "trainees") is None


# --- Edge cases ----------------------------------------------------------------------------


@pytest.mark.django_db
class TestEdgeCases:
    def test_empty_period(self, programme):
        report = report_build(
            filters={"period_start": "2001-01-01", "period_end": "2001-12-31"}, min_cell=5
        )
        for key in ("reach", "cascade", "reaction", "learning", "behaviour", "results", "items"):
            assert any("No data" in line for line in section(report, key)["summary"]), key
        assert cell(table(report, "reach-by-audience"), "Total", "trainees") == 0

    def test_empty_database(self, db):
        report = report_build(filters={}, min_cell=5)
        assert len(report["sections"]) == 7
        assert report["filter_labels"] == ["Period: all dates", "All courses and all trainees"]

    def test_no_pre_test(self, programme):
        Attempt.objects.filter(quiz__purpose=Quiz.Purpose.PRE_TEST).delete()
        report = report_build(filters=programme.filters, min_cell=2)
        learning = section(report, "learning")
        assert "No pre-test results: the learning gain cannot be computed." in learning["summary"]
        summary = {row[0]: row for row in table(report, "learning-summary")["rows"]}
        pass_rate = summary["Post-test pass rate (passed in any attempt)"][3]
        assert pass_rate == pytest.approx(83.33, abs=0.01)
        hake = summary["Normalised gain on group means ⟨g⟩ (Hake), last attempt"]
        assert hake[1:4] == [0, 0, None]

    def test_one_respondent(self, programme):
        SurveyResponse.objects.filter(survey=programme.reaction).exclude(
            trainee=programme.police[0]
        ).delete()
        report = report_build(filters=programme.filters, min_cell=5)
        headline = table(report, "reaction-headline")
        assert headline["rows"][0][1] is None and headline["rows"][1][3] is None
        assert table(report, "reaction-comments")["rows"] == []
        assert "Fewer than 5" in section(report, "reaction")["summary"][0]
        # With a threshold of one, the single answer is shown (and its comment is not).
        report = report_build(filters=programme.filters, min_cell=1)
        assert table(report, "reaction-headline")["rows"][1][3] == 100.0
        assert table(report, "reaction-comments")["rows"] == []


# --- Cost ----------------------------------------------------------------------------------


def _completed_enrolment(trainee, course) -> Enrolment:
    return Enrolment.objects.create(
        trainee=trainee,
        course=course,
        status=Enrolment.Status.COMPLETED,
        source=Enrolment.Source.SELF,
        completed_at=timezone.now(),
    )


@pytest.mark.django_db
def test_queries_do_not_grow_with_trainees(programme):
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        report_build(filters={}, min_cell=5)
    for _extra in range(5):
        trainee = TraineeFactory(audience=Audience.STUDENT)
        enrolment = _completed_enrolment(trainee, programme.course)
        survey_response_with(programme.reaction, enrolment, {"likert": 4, "nps": 9})
        attempt = attempt_graded(programme.post_test, trainee, enrolment, 90, timezone.now())
        for position, question in enumerate(programme.questions):
            AttemptAnswer.objects.create(
                attempt=attempt, question=question, position=position, snapshot={}, is_correct=True
            )
    with CaptureQueriesContext(connection) as after:
        report = report_build(filters={}, min_cell=5)
    assert cell(table(report, "reach-by-audience"), "Student", "trainees") == 5
    assert len(after.captured_queries) == len(before.captured_queries)
    assert len(after.captured_queries) <= 45


def _reach_section_queries() -> list[dict]:
    """The SQL of the reach section (the first), between the first two progress calls."""
    from django.test.utils import CaptureQueriesContext

    marks: list[int] = []
    with CaptureQueriesContext(connection) as queries:
        report_build(filters={}, min_cell=1, progress=lambda _done: marks.append(len(queries)))
    return queries.captured_queries[marks[0] : marks[1]]


@pytest.mark.django_db
def test_the_reach_breakdowns_are_read_in_one_query(programme, django_assert_num_queries):
    filters = ReportFilters.from_dict(programme.filters)
    # On SQLite the medians of the days to complete take a second read (see reach_groups).
    with django_assert_num_queries(1 if connection.vendor == "postgresql" else 2):
        groups = reach_groups(filters)

    assert set(groups) == {*REACH_DIMENSIONS, "total"}
    assert groups["total"]["trainees"].tolist() == [9]  # as in test_reach
    assert groups["audience"]["trainees"].sum() == 9  # a trainee has one audience
    assert groups["month"]["key"].str.fullmatch(r"\d{4}-\d{2}").all()


@pytest.mark.django_db
def test_the_reach_section_costs_the_same_queries_whatever_its_groups(programme):
    before = _reach_section_queries()
    # A new audience, organisation, city and month: more groups, not more queries.
    trainee = TraineeFactory(
        audience=Audience.STUDENT, organisation=OrganisationFactory(city="Namur")
    )
    enrolment = _completed_enrolment(trainee, programme.course)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    after = _reach_section_queries()

    # One for the five breakdowns and the total with their medians of the days to complete
    # (two on SQLite), one for the organisations' names, four for the funnel's modules
    # (courses in scope, their paths, modules, lessons) and one for all its steps, one for
    # sessions.
    expected = 8 if connection.vendor == "postgresql" else 9
    assert len(before) == len(after) == expected, [q["sql"][:80] for q in after]


@pytest.mark.django_db
def test_trainees_without_organisation_have_their_own_group(programme):
    for trainee in programme.municipal:
        trainee.organisation = None
        trainee.save()
    report = report_build(filters=programme.filters, min_cell=1)
    by_organisation = table(report, "reach-by-organisation")
    assert cell(by_organisation, "No organisation", "trainees") == 3
    assert cell(by_organisation, "No organisation", "median_days") == 1.0
    assert cell(table(report, "reach-by-city"), "No city", "trainees") == 3


@pytest.mark.django_db
def test_the_period_counts_enrolments_by_their_date_in_the_sites_time_zone(course, settings):
    assert settings.TIME_ZONE == "Europe/Brussels"  # UTC+1 in winter, UTC+2 in summer
    made = {
        "before the first day": datetime(2025, 12, 31, 22, 30, tzinfo=UTC),  # 23:30 local
        "first day": datetime(2025, 12, 31, 23, 30, tzinfo=UTC),  # 00:30 on 1 January
        "last day": datetime(2026, 3, 31, 21, 30, tzinfo=UTC),  # 23:30 local
        "after the last day": datetime(2026, 3, 31, 22, 30, tzinfo=UTC),  # 00:30 on 1 April
    }
    for created_at in made.values():
        Enrolment.objects.create(
            trainee=TraineeFactory(),
            course=course,
            status=Enrolment.Status.ACTIVE,
            source=Enrolment.Source.SELF,
            created_at=created_at,
        )
    filters = ReportFilters.from_dict({"period_start": "2026-01-01", "period_end": "2026-03-31"})

    in_period = set(enrolment_scope(filters).values_list("created_at", flat=True))

    assert in_period == {made["first day"], made["last day"]}


@pytest.mark.django_db
def test_a_completion_without_its_time_has_no_days_to_complete(programme):
    filters = ReportFilters.from_dict(programme.filters)
    assert reach_groups(filters)["total"]["median_days"].tolist() == [3.0]  # as in test_reach
    # Completed, but when is unknown (an import, say): counted, not given zero days.
    enrolment = _completed_enrolment(TraineeFactory(), programme.course)
    Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=None)

    total = reach_groups(filters)["total"]

    assert total["completed"].tolist() == [9]
    assert total["median_days"].tolist() == [3.0]  # not 2.0, the median with a zero
