"""Statements stored per second through POST /xapi/statements, in batches, with Basic auth.

Run: .venv/bin/python -m benchmarks.xapi_intake [--statements 10000] [--batch 50]
It builds a throwaway test database (SQLite unless DATABASE_URL is set; a `test_` copy is
created and dropped), one xAPI client with read and write rights, and 20 trainees. Every
batch is built beforehand (H5P-like statements about the trainees, with ids, results and
context, half of them naming the trainee by account); only the POSTs are timed, through
Django's test client (every middleware, no network), each checked for 200 and its ids.
"""

import argparse
import base64
import json
import os
import statistics
import time
import uuid


def _statement(actor: dict, n: int) -> dict:
    content = f"http://127.0.0.1:8000/h5p/content/{n % 7}"
    return {
        "id": str(uuid.uuid4()),
        "actor": actor,
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
        "object": {
            "id": content,
            "definition": {
                "name": {"en-US": "True or false"},
                "interactionType": "true-false",
                "correctResponsesPattern": ["true"],
            },
        },
        "result": {
            "score": {"min": 0, "max": 10, "raw": n % 11, "scaled": (n % 11) / 10},
            "success": n % 2 == 0,
            "completion": True,
            "duration": "PT12.5S",
        },
        "context": {
            "registration": str(uuid.uuid4()),
            "contextActivities": {"category": [{"id": "http://h5p.org/libraries/H5P.TF-1.8"}]},
        },
        "timestamp": "2026-11-23T10:00:00.000Z",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=50)
    options = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from h5p.models import Statement, XAPIClient
        from h5p.xapi.auth import client_credentials_issue
        from h5p.xapi.vocabulary import user_agent
        from tests.factories import TraineeFactory

        xapi_client = XAPIClient(name="Benchmark", can_read=True, can_write=True)
        secret = client_credentials_issue(xapi_client)
        xapi_client.save()
        token = base64.b64encode(f"{xapi_client.key}:{secret}".encode()).decode()
        headers = {"HTTP_AUTHORIZATION": f"Basic {token}", "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
        actors = [user_agent(TraineeFactory()) for _ in range(20)]
        actors += [{"mbox": f"mailto:guest{n}@example.org"} for n in range(20)]
        batches = [
            json.dumps([_statement(actors[(start + n) % len(actors)], start + n)
                        for n in range(min(options.batch, options.statements - start))])
            for start in range(0, options.statements, options.batch)
        ]  # fmt: skip

        client = Client()
        queries, durations = [], []
        for body in batches:
            connection.queries_log.clear()  # the log keeps 9000 queries; count per request
            with CaptureQueriesContext(connection) as context:
                started = time.perf_counter()
                response = client.post(
                    "/xapi/statements", body, content_type="application/json", **headers
                )
                durations.append(time.perf_counter() - started)
            assert response.status_code == 200, response.content
            assert len(response.json()) == options.batch or body is batches[-1]
            queries.append(len(context.captured_queries))
        stored = Statement.objects.count()
        linked = Statement.objects.filter(user__isnull=False).count()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)

    assert stored == options.statements, stored
    total = sum(durations)
    print(f"database: {connection.vendor}, statements per request: {options.batch}")
    print(f"statements stored     : {stored} ({linked} linked to a Liaison user)")
    print(f"statements per second : {stored / total:8.1f}")
    print(f"median request (ms)   : {1000 * statistics.median(durations):8.1f}")
    print(f"SQL queries/request   : {min(queries)}–{max(queries)}")


if __name__ == "__main__":
    main()
