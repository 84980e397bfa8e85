"""Requests per second of a lesson page next to a bare Django view, in the same run.

Run: .venv/bin/python -m benchmarks.lesson_page [--requests 300] [--lessons 50]
It builds a throwaway test database (SQLite unless DATABASE_URL is set), a course with the
given number of lessons and an enrolled trainee, then serves both URLs through Django's test
client (the full middleware stack, no network) and prints the figures and their ratio.
"""

import argparse
import os
import time


def _measure(client, url: str, requests: int) -> float:
    client.get(url)  # warm caches
    started = time.perf_counter()
    for _ in range(requests):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return requests / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--lessons", type=int, default=50)
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(ROOT_URLCONF="benchmarks.urls"):
            from cms.services import site_setup
            from courses.services import enrolment_enrol
            from courses.services.catalogue import catalogue_setup
            from tests.factories import TraineeFactory
            from tests.factories.courses import add_course

            site_setup()
            catalogue = next(c for c in catalogue_setup() if c.locale.language_code == "en")
            per_module = max(1, options.lessons // 5)
            course = add_course(catalogue, title="Benchmark", modules=5, lessons=per_module)
            trainee = TraineeFactory()
            enrolment_enrol(trainee=trainee, course=course)
            lesson = course.get_descendants().live().last()
            client = Client()
            client.force_login(trainee)

            bare = _measure(client, "/bench/bare/", options.requests)
            page = _measure(client, lesson.url, options.requests)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    print(f"database: {connection.vendor}, lessons in the course: {5 * per_module}")
    print(f"bare Django view : {bare:8.1f} requests/s")
    print(f"lesson page      : {page:8.1f} requests/s")
    print(f"ratio            : {bare / page:8.1f}x slower than the bare view")


if __name__ == "__main__":
    main()
