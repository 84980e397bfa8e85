"""Time and memory of the evaluation report on synthetic data, next to plain SQL.

Run: .venv/bin/python -m benchmarks.report_bench [--trainees 10000] [--seed 1]
It builds a throwaway test database (SQLite unless DATABASE_URL is set), fills it with
``demo.training_data`` (a synthetic programme of three courses), then builds the whole report
with ``reports.builder.report_build(filters={})`` and prints its wall time, the peak of Python
allocations (tracemalloc) and the process's peak resident memory (ru_maxrss). The reach
section is timed through ``report_build``'s ``progress`` callback, which fires after each
section. In the same run it times, each the best of three:
- one plain SQL GROUP BY computing the reach table as issue 7 lists it (enrolled, started,
  completed, median days to complete, hours; by audience, organisation, city, course, month
  and in total; PostgreSQL only), and the ratio of the reach section to it. The section does
  more: its funnel (tests, modules, follow-up) and its classroom sessions;
- the first session's narrower baseline, the same counts by audience only, and that ratio;
- the builder's own statement for the five reach tables (``reports.data.reach_groups``).
"""

import argparse
import itertools
import os
import resource
import sys
import time
import tracemalloc
from datetime import date

# The first session's baseline: the reach table cut by audience only (enrolled, started,
# completed), as the report defines them (reports.data.reach_groups): enrolments that are
# active, completed or withdrawn; started = a lesson opened (the enrolment's first view).
REACH_SQL = """
SELECT u.audience,
       COUNT(DISTINCT e.trainee_id) AS trainees,
       COUNT(*) AS enrolments,
       COUNT(*) FILTER (WHERE e.first_viewed_at IS NOT NULL) AS started,
       COUNT(*) FILTER (WHERE e.status = 'completed') AS completed,
       COUNT(DISTINCT e.trainee_id) FILTER (WHERE e.status = 'completed') AS completed_trainees
FROM courses_enrolment e
JOIN accounts_user u ON u.id = e.trainee_id
WHERE e.status IN ('active', 'completed', 'withdrawn')
GROUP BY u.audience
ORDER BY u.audience
"""

# The reach table as issue 7 lists it: trainees enrolled, started, completed, median days to
# complete and hours of training delivered, by audience, organisation, city, course and
# month, and in total: one GROUP BY (GROUPING SETS), PostgreSQL only. Written by hand, not
# taken from the builder; the reach section computes this and also its funnel and sessions.
REACH_TABLE_SQL = """
WITH enrolments AS (
    SELECT e.trainee_id, u.audience, u.organisation_id, o.city, e.course_id,
           date_trunc('month', e.created_at AT TIME ZONE %(zone)s) AS month,
           e.first_viewed_at IS NOT NULL AS started,
           e.status = 'completed' AS completed,
           GREATEST(e.completed_at - COALESCE(e.first_viewed_at, e.activated_at, e.created_at),
                    interval '0') AS duration,
           c.estimated_hours
    FROM courses_enrolment e
    JOIN accounts_user u ON u.id = e.trainee_id
    LEFT JOIN accounts_organisation o ON o.id = u.organisation_id
    JOIN courses_coursepage c ON c.page_ptr_id = e.course_id
    WHERE e.status IN ('active', 'completed', 'withdrawn')
)
SELECT audience, organisation_id, city, course_id, month,
       COUNT(DISTINCT trainee_id) AS trainees,
       COUNT(*) AS enrolments,
       COUNT(*) FILTER (WHERE started) AS started,
       COUNT(DISTINCT trainee_id) FILTER (WHERE started) AS started_trainees,
       COUNT(*) FILTER (WHERE completed) AS completed,
       COUNT(DISTINCT trainee_id) FILTER (WHERE completed) AS completed_trainees,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY duration) FILTER (WHERE completed)
           AS median_duration,
       SUM(estimated_hours) FILTER (WHERE completed) AS hours
FROM enrolments
GROUP BY GROUPING SETS ((audience), (organisation_id), (city), (course_id), (month), ())
"""


def _max_rss_mb() -> float:
    # Kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _best_seconds(run, repeat: int = 3) -> tuple[float, object]:
    """The best of ``repeat`` runs of ``run()`` and its last result (the first run warms the
    cache like the builder's did)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def _plain_sql_rows(connection, sql: str, params: dict | None = None) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 6, 30))
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from demo.training_data import training_data_generate
        from reports.builder import report_build
        from reports.data import ReportFilters, reach_groups, reading_session

        started = time.perf_counter()
        counts = training_data_generate(
            trainees=options.trainees, seed=options.seed, today=options.today
        )
        generate_seconds = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # Fresh statistics and visibility map, as autovacuum gives soon after bulk
                # inserts: index-only scans (item analysis) need the pages marked visible.
                cursor.execute("VACUUM ANALYZE")

        rss_before_mb = _max_rss_mb()
        # Memory first (tracemalloc slows Python down), then the timed build on warm caches.
        tracemalloc.start()
        report_build(filters={})
        _current, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_mb = _max_rss_mb()
        marks: list[float] = []
        started = time.perf_counter()
        report = report_build(filters={}, progress=lambda _done: marks.append(time.perf_counter()))
        build_seconds = time.perf_counter() - started
        sections = [section["key"] for section in report["sections"]]
        section_seconds = dict(
            zip(sections, (b - a for a, b in itertools.pairwise(marks)), strict=True)
        )

        sql_seconds, sql_rows = _best_seconds(lambda: _plain_sql_rows(connection, REACH_SQL))
        table_seconds = table_rows = None
        if connection.vendor == "postgresql":
            zone = {"zone": settings.TIME_ZONE}
            table_seconds, table_rows = _best_seconds(
                lambda: _plain_sql_rows(connection, REACH_TABLE_SQL, zone)
            )
        with reading_session():  # as in report_build
            groups_seconds, _groups = _best_seconds(lambda: reach_groups(ReportFilters()))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"database: {connection.vendor}, trainees: {options.trainees}, seed: {options.seed}")
    print(f"generated in {generate_seconds:8.1f} s: {counts['enrolments']} enrolments, "
          f"{counts['attempts']} attempts, {counts['answers']} answers")  # fmt: skip
    print(f"report_build       : {build_seconds:8.2f} s (second build, warm)")
    for key, seconds in section_seconds.items():
        print(f"  section {key:<10}: {seconds:8.3f} s")
    print(f"peak Python memory : {traced_peak / 2**20:8.1f} MiB (tracemalloc, during the build)")
    print(
        f"peak process RSS   : {rss_mb:8.1f} MiB (ru_maxrss after the build; "
        f"{rss_before_mb:.1f} MiB before it, after generating)"
    )
    reach = section_seconds["reach"]
    if table_seconds is not None:
        print(
            f"plain SQL, table   : {table_seconds * 1000:8.1f} ms ({len(table_rows)} rows: "
            "the reach table by its five dimensions and in total)"
        )
        print(
            f"ratio              : {reach / table_seconds:8.1f}x (reach section / plain SQL table)"
        )
    else:
        print("plain SQL, table   : not run (GROUPING SETS and percentile_cont: PostgreSQL)")
    print(f"plain SQL, audience: {sql_seconds * 1000:8.1f} ms ({len(sql_rows)} audiences)")
    print(
        f"ratio, audience    : {reach / sql_seconds:8.1f}x (reach section / plain SQL by audience)"
    )
    print(
        f"reach_groups       : {groups_seconds * 1000:8.1f} ms, "
        + (f"{groups_seconds / table_seconds:.1f}x the plain SQL table " if table_seconds else "")
        + "(the builder's statement for the five reach tables, their medians and total)"
    )


if __name__ == "__main__":
    main()
