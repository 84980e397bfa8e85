"""Time and memory of the evaluation report on synthetic data, next to one plain SQL query.

Run: .venv/bin/python -m benchmarks.report_bench [--trainees 10000] [--seed 1]
It builds a throwaway test database (SQLite unless DATABASE_URL is set), fills it with
``reports.generator`` (a synthetic programme of three courses), then builds the whole report
with ``reports.builder.report_build(filters={})`` and prints its wall time, the peak of Python
allocations (tracemalloc) and the process's peak resident memory (ru_maxrss). In the same run
it times one raw SQL GROUP BY computing the reach table (enrolled / started / completed by
audience) and prints the ratio of the builder's reach section to it. The reach section is
timed through ``report_build``'s ``progress`` callback, which fires after each section; the
section also reads the funnel (with its module steps), the days to complete and the sessions,
so the statement behind its five reach tables (``reports.data.reach_groups``) is timed alone
too, for a like-for-like figure.
"""

import argparse
import itertools
import os
import resource
import sys
import time
import tracemalloc
from datetime import date

# The reach table as the report defines it (reports.data.reach_groups): enrolments that are
# active, completed or withdrawn; started = at least one lesson opened.
REACH_SQL = """
SELECT u.audience,
       COUNT(DISTINCT e.trainee_id) AS trainees,
       COUNT(*) AS enrolments,
       COUNT(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM courses_lessonprogress p WHERE p.enrolment_id = e.id)) AS started,
       COUNT(*) FILTER (WHERE e.status = 'completed') AS completed,
       COUNT(DISTINCT e.trainee_id) FILTER (WHERE e.status = 'completed') AS completed_trainees
FROM courses_enrolment e
JOIN accounts_user u ON u.id = e.trainee_id
WHERE e.status IN ('active', 'completed', 'withdrawn')
GROUP BY u.audience
ORDER BY u.audience
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


def _plain_sql_rows(connection) -> list:
    with connection.cursor() as cursor:
        cursor.execute(REACH_SQL)
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
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from reports.builder import report_build
        from reports.data import ReportFilters, reach_groups, reading_session
        from reports.generator import training_data_generate

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

        sql_seconds, sql_rows = _best_seconds(lambda: _plain_sql_rows(connection))
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
    print(f"plain SQL reach    : {sql_seconds * 1000:8.1f} ms ({len(sql_rows)} audiences)")
    reach = section_seconds.get("reach")
    if reach is not None and sql_seconds:
        print(f"ratio              : {reach / sql_seconds:8.1f}x (reach section / plain SQL)")
        print(
            f"reach_groups       : {groups_seconds * 1000:8.1f} ms, "
            f"{groups_seconds / sql_seconds:.1f}x the plain SQL (the five reach tables and "
            "their total, one statement)"
        )


if __name__ == "__main__":
    main()
