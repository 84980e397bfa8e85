"""Headers under the production settings, which the test settings cannot show (HTTPS, HSTS).

``check --deploy`` itself is run, warnings fatal, by tests/cms/test_settings.py
(``test_check_deploy_prints_no_warnings``); this adds what Django's checks do not look at:
the answers a production process really sends.
"""

import json
import os
import subprocess
import sys

from tests.factories.environment import PRODUCTION_ENV, PROJECT

# A request through every middleware, answered without a query (a redirect to the
# verification form in the visitor's language), so no database server is needed.
REQUEST = """
import json
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="liaison.example.org")
names = ["Location", "Strict-Transport-Security", "Content-Security-Policy", "X-Frame-Options",
         "X-Content-Type-Options", "Referrer-Policy", "Cross-Origin-Opener-Policy"]
answers = {}
for scheme in ("http", "https"):
    response = client.get("/certificates/verify/", secure=scheme == "https")
    answers[scheme] = {"status": response.status_code, **{n: response.get(n) for n in names}}
print(json.dumps(answers))
"""


def production_answers() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(PRODUCTION_ENV)
    # ATOMIC_REQUESTS opens a transaction: an in-memory database stands in for PostgreSQL.
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.production", DATABASE_URL="sqlite://:memory:")
    result = subprocess.run(
        [sys.executable, "-c", REQUEST],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_http_to_https_and_https_gets_every_header():
    answers = production_answers()

    assert answers["http"]["status"] == 301
    assert answers["http"]["Location"] == "https://liaison.example.org/certificates/verify/"
    https = answers["https"]
    assert https["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    policy = {
        part.split()[0]: part.split()[1:] for part in https["Content-Security-Policy"].split(";")
    }
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert https["X-Frame-Options"] == "DENY"
    assert https["X-Content-Type-Options"] == "nosniff"
    assert https["Referrer-Policy"] == "same-origin"
    assert https["Cross-Origin-Opener-Policy"] == "same-origin"
