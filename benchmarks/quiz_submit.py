"""Graded submissions per second of 20-question attempts, and SQL queries per submit.

Run: .venv/bin/python -m benchmarks.quiz_submit [--attempts 200] [--questions 20]
It builds a throwaway test database (SQLite unless DATABASE_URL is set; a `test_` copy is
created and dropped), a course with a graded quiz, and one enrolled trainee per attempt.
Each attempt is started and answered beforehand; only the submit is timed: the POST of the
whole answer form through Django's test client (every middleware, no network), which saves
the answers and grades them on the server.
"""

import argparse
import os
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--attempts", type=int, default=200)
    parser.add_argument("--questions", type=int, default=20)
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.urls import reverse

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from assessments import services
        from cms.services import site_setup
        from courses.services import enrolment_enrol
        from courses.services.catalogue import catalogue_setup
        from tests.factories import TraineeFactory
        from tests.factories.assessments import (
            ChoiceQuestionFactory,
            QuizFactory,
            correct_choice,
        )
        from tests.factories.courses import add_course

        site_setup()
        catalogue = next(c for c in catalogue_setup() if c.locale.language_code == "en")
        course = add_course(catalogue, title="Benchmark", modules=1, lessons=1)
        quiz = QuizFactory(
            course=course,
            questions=[ChoiceQuestionFactory(text=f"Q{n}") for n in range(options.questions)],
        )
        prepared = []
        for _ in range(options.attempts):
            trainee = TraineeFactory()
            enrolment_enrol(trainee=trainee, course=course)
            attempt = services.attempt_start(quiz=quiz, trainee=trainee)
            form = {f"q-{row.question_id}": correct_choice(row) for row in attempt.answers.all()}
            client = Client()
            client.force_login(trainee)
            prepared.append(
                (client, reverse("assessments:attempt_submit", args=[attempt.pk]), form)
            )

        queries, durations = [], []
        for client, url, form in prepared:
            with CaptureQueriesContext(connection) as context:
                started = time.perf_counter()
                response = client.post(url, form)
                durations.append(time.perf_counter() - started)
            assert response.status_code == 302, response.status_code
            queries.append(len(context.captured_queries))
        graded = quiz.attempts.filter(status="submitted", percent=100).count()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    assert graded == options.attempts, graded
    total = sum(durations)
    print(f"database: {connection.vendor}, questions per attempt: {options.questions}")
    print(f"attempts submitted : {options.attempts}")
    print(f"attempts per second: {options.attempts / total:8.1f}")
    print(f"median submit (ms) : {1000 * statistics.median(durations):8.1f}")
    print(f"SQL queries/submit : {min(queries)}–{max(queries)}")


if __name__ == "__main__":
    main()
