"""A hand-made report in the shape of ``reports.result.Report``, for the tests that render one.

The figures are plausible for a Belgian programme on return procedures (police, municipal staff,
civil society); cells from fewer than five trainees are already suppressed, as the builder does.
"""

from reports.result import Chart, Column, Report, Section, Table


def sample_report() -> Report:
    """Return a complete report with all seven sections and some suppressed cells."""
    return {
        "title": "Evaluation report — Return procedures in practice",
        "generated_at": "2026-11-24T08:15:00+01:00",
        "filters": {
            "period_start": "2026-01-01",
            "period_end": "2026-10-31",
            "course": None,
            "target_group": None,
        },
        "filter_labels": [
            "Period: 2026-01-01 – 2026-10-31",
            "Course: all courses",
            "Target group: all target groups",
        ],
        "min_cell": 5,
        "sections": [
            _reach(),
            _cascade(),
            _reaction(),
            _learning(),
            _behaviour(),
            _results(),
            _items(),
        ],
    }


def _column(key: str, label: str, kind: str) -> Column:
    return {"key": key, "label": label, "kind": kind}


def _table(key, title, columns, rows, notes=()) -> Table:
    """Build a table, listing its None cells as suppressed."""
    keys = [column["key"] for column in columns]
    suppressed = [
        [index, keys[position]]
        for index, row in enumerate(rows)
        for position, value in enumerate(row)
        if value is None
    ]
    return {
        "key": key,
        "title": title,
        "columns": columns,
        "rows": rows,
        "suppressed": suppressed,
        "notes": list(notes),
    }


def _chart(key, title, kind, labels, series, unit) -> Chart:
    return {
        "key": key,
        "title": title,
        "kind": kind,
        "labels": labels,
        "series": [{"name": name, "values": values} for name, values in series],
        "unit": unit,
    }


def _section(key, title, summary, tables, charts) -> Section:
    return {"key": key, "title": title, "summary": summary, "tables": tables, "charts": charts}


def _reach() -> Section:
    groups = [
        ["Police", 642, 611, 548, 85.4],
        ["Municipal staff (population services)", 318, 297, 251, 78.9],
        ["Public centres for social welfare (CPAS/OCMW)", 187, 171, 139, 74.3],
        ["Civil society and legal aid", 156, 140, 104, 66.7],
        ["Immigration Office (DVZ/OE) liaison officers", None, None, None, None],
    ]
    return _section(
        "reach",
        "Reach and participation",
        [
            "1,307 trainees enrolled between January and October 2026, 84 % of those invited.",
            "1,042 completed at least one course (79.7 % of enrolled trainees).",
            "Police officers are the largest group (49 % of enrolments).",
        ],
        [
            _table(
                "reach-by-group",
                "Enrolments by target group",
                [
                    _column("group", "Target group", "text"),
                    _column("enrolled", "Enrolled", "int"),
                    _column("started", "Started", "int"),
                    _column("completed", "Completed", "int"),
                    _column("completion_rate", "Completion rate", "percent"),
                ],
                groups,
                ["Groups of fewer than 5 trainees are suppressed."],
            ),
        ],
        [
            _chart(
                "reach-by-group",
                "Enrolled trainees by target group",
                "bar",
                ["Police", "Municipal staff", "CPAS/OCMW", "Civil society", "Immigration Office"],
                [("Enrolled", [642, 318, 187, 156, None])],
                "trainees",
            ),
            _chart(
                "reach-funnel",
                "From invitation to certificate",
                "funnel",
                ["Invited", "Enrolled", "Started", "Completed", "Certified"],
                [("Trainees", [1556, 1307, 1219, 1042, 968])],
                "trainees",
            ),
        ],
    )


def _cascade() -> Section:
    regions = [
        ["Brussels-Capital Region", 14, 38, 412, 10.8],
        ["Flemish Region", 21, 57, 598, 10.5],
        ["Walloon Region", 17, 44, 451, 10.3],
        ["German-speaking Community", 2, 3, None, None],
    ]
    return _section(
        "cascade",
        "Cascade training",
        [
            "54 certified trainers delivered 142 sessions to 1,461 colleagues.",
            "Each trainer reached on average 10.6 colleagues per session.",
        ],
        [
            _table(
                "cascade-by-region",
                "Cascade sessions by region",
                [
                    _column("region", "Region", "text"),
                    _column("trainers", "Trainers", "int"),
                    _column("sessions", "Sessions", "int"),
                    _column("reached", "Colleagues reached", "int"),
                    _column("per_session", "Colleagues per session", "decimal"),
                ],
                regions,
            ),
        ],
        [
            _chart(
                "cascade-reached",
                "Colleagues reached by region and target group",
                "stacked_bar",
                ["Brussels", "Flanders", "Wallonia", "German-speaking"],
                [
                    ("Police", [236, 321, 248, None]),
                    ("Municipal staff", [112, 189, 141, None]),
                    ("Civil society", [64, 88, 62, None]),
                ],
                "colleagues",
            ),
        ],
    )


def _reaction() -> Section:
    statements = [
        ["The course was relevant to my daily work.", 4.4, 88.2, 974],
        ["The case studies reflected real return procedures.", 4.2, 83.5, 969],
        ["I know whom to contact at the Immigration Office.", 3.7, 64.9, 958],
        ["The material respected the rights of the persons concerned.", 4.5, 91.0, 961],
        ["I would recommend the course to a colleague.", 4.3, 86.7, 972],
    ]
    return _section(
        "reaction",
        "Reaction (level 1)",
        [
            "974 trainees answered the end-of-course survey (93 % response rate).",
            "88.2 % found the course relevant to their daily work.",
            "Contacts with the Immigration Office score lowest (64.9 % agree).",
        ],
        [
            _table(
                "reaction-statements",
                "End-of-course survey",
                [
                    _column("statement", "Statement", "text"),
                    _column("mean", "Mean (1–5)", "decimal"),
                    _column("agree", "Agree or strongly agree", "percent"),
                    _column("respondents", "Respondents", "int"),
                ],
                statements,
            ),
        ],
        [
            _chart(
                "reaction-agree",
                "Trainees who agree or strongly agree",
                "hbar",
                [row[0] for row in statements],
                [("Agree", [row[2] for row in statements])],
                "%",
            ),
        ],
    )


def _learning() -> Section:
    scores = [
        ["Police", 548, 58.1, 81.6, 23.5, 91.2],
        ["Municipal staff", 251, 54.3, 79.0, 24.7, 88.4],
        ["CPAS/OCMW", 139, 52.8, 77.2, 24.4, 86.3],
        ["Civil society", 104, 61.5, 84.9, 23.4, 93.3],
        ["Immigration Office", None, None, None, None, None],
    ]
    return _section(
        "learning",
        "Learning (level 2)",
        [
            "The average score rose from 56.7 % before the course to 80.7 % after it.",
            "90.0 % of trainees passed the post-test at the first attempt.",
        ],
        [
            _table(
                "learning-scores",
                "Pre-test and post-test scores",
                [
                    _column("group", "Target group", "text"),
                    _column("trainees", "Trainees", "int"),
                    _column("pre", "Pre-test", "percent"),
                    _column("post", "Post-test", "percent"),
                    _column("gain", "Gain (points)", "decimal"),
                    _column("pass_rate", "Pass rate", "percent"),
                ],
                scores,
            ),
        ],
        [
            _chart(
                "learning-scores",
                "Average score before and after the course",
                "bar",
                [row[0] for row in scores],
                [
                    ("Pre-test", [row[2] for row in scores]),
                    ("Post-test", [row[3] for row in scores]),
                ],
                "%",
            ),
        ],
    )


def _behaviour() -> Section:
    return _section(
        "behaviour",
        "Behaviour (level 3)",
        [
            "Six months after the course, 71.4 % say they apply the procedure checklist.",
            "612 trainees answered the follow-up survey.",
        ],
        [
            _table(
                "behaviour-follow-up",
                "Follow-up survey: practices applied",
                [
                    _column("practice", "Practice", "text"),
                    _column("after_1", "After 1 month", "percent"),
                    _column("after_3", "After 3 months", "percent"),
                    _column("after_6", "After 6 months", "percent"),
                    _column("respondents", "Respondents (6 months)", "int"),
                ],
                [
                    ["Uses the procedure checklist", 64.2, 69.8, 71.4, 612],
                    ["Informs the person of the right to legal aid", 72.5, 76.1, 78.3, 598],
                    ["Calls an interpreter when needed", 48.9, 55.2, 57.0, 587],
                    ["Refers to voluntary-return counselling", 31.7, None, 44.6, 41],
                ],
                ["One cell is suppressed: fewer than 5 answers in that wave."],
            ),
        ],
        [
            _chart(
                "behaviour-trend",
                "Trainees applying the practice over time",
                "line",
                ["1 month", "3 months", "6 months"],
                [
                    ("Procedure checklist", [64.2, 69.8, 71.4]),
                    ("Legal aid information", [72.5, 76.1, 78.3]),
                    ("Voluntary-return counselling", [31.7, None, 44.6]),
                ],
                "%",
            ),
        ],
    )


def _results() -> Section:
    return _section(
        "results",
        "Results (level 4)",
        [
            "Complaints about return procedures fell by 18 % against 2025.",
            "€ 412,600 of the € 520,000 training budget has been spent (79.3 %).",
        ],
        [
            _table(
                "results-indicators",
                "Programme indicators",
                [
                    _column("indicator", "Indicator", "text"),
                    _column("unit", "Unit", "text"),
                    _column("target", "Target", "decimal"),
                    _column("value", "Value", "decimal"),
                    _column("period_end", "Recorded on", "date"),
                ],
                [
                    [
                        "Complaints to the Comité P about returns",
                        "complaints",
                        40,
                        37,
                        "2026-09-30",
                    ],
                    ["Files with a complete return decision", "%", 90, 86.5, "2026-09-30"],
                    ["Budget spent on training", "€", 520000, 412600, "2026-10-31"],
                    [
                        "Coördinatie met de DVZ: gemeenten met contactpunt",
                        "gemeenten",
                        150,
                        127,
                        "2026-10-31",
                    ],
                ],
            ),
        ],
        [
            _chart(
                "results-complaints",
                "Complaints about return procedures per quarter",
                "line",
                ["Q4 2025", "Q1 2026", "Q2 2026", "Q3 2026"],
                [("Complaints", [45, 43, 39, 37])],
                "complaints",
            ),
        ],
    )


def _items() -> Section:
    items = [
        [
            "Q1",
            "Legal framework",
            "Which authority issues an order to leave the territory?",
            91.4,
            0.21,
            1042,
        ],
        ["Q2", "Legal framework", "Wat is de termijn voor vrijwillig vertrek?", 68.2, 0.44, 1042],
        [
            "Q3",
            "Rights of the person",
            "Quand l’interprète doit-il être appelé ?",
            73.5,
            0.38,
            1039,
        ],
        [
            "Q4",
            "Rights of the person",
            "Which document proves the right to legal aid?",
            42.7,
            0.12,
            1040,
        ],
        ["Q5", "Coördinatie", "Welke dienst contacteert u bij een minderjarige?", None, None, None],
    ]
    return _section(
        "items",
        "Item analysis",
        [
            "Q4 is answered correctly by only 42.7 % of trainees and discriminates poorly (0.12).",
            "Q5 was answered by fewer than 5 trainees; its results are suppressed.",
        ],
        [
            _table(
                "items-post-test",
                "Post-test items",
                [
                    _column("item", "Item", "text"),
                    _column("module", "Module", "text"),
                    _column("question", "Question", "text"),
                    _column("difficulty", "Correct answers", "percent"),
                    _column("discrimination", "Discrimination", "decimal"),
                    _column("attempts", "Attempts", "int"),
                ],
                items,
                ["Discrimination is the point-biserial correlation with the total score."],
            ),
        ],
        [
            _chart(
                "items-difficulty",
                "Correct answers per item",
                "hbar",
                [row[0] for row in items],
                [("Correct answers", [row[3] for row in items])],
                "%",
            ),
        ],
    )
