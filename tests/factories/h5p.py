"""xAPI clients, statements and requests, as a tool calling /xapi/statements makes them."""

import base64
import json

from h5p.models import XAPIClient
from h5p.xapi.auth import client_credentials_issue
from h5p.xapi.vocabulary import COMPLETED

XAPI_URL = "/xapi/statements"
XAPI_VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
ACTIVITY = "http://example.org/activities/checklist"
ANN = {"objectType": "Agent", "name": "Ann", "mbox": "mailto:ann@example.org"}
BOB = {"objectType": "Agent", "name": "Bob", "mbox": "mailto:bob@example.org"}


def statement(**extra) -> dict:
    """Ann completed the checklist activity; ``extra`` adds or replaces properties."""
    return {"actor": ANN, "verb": {"id": COMPLETED}, "object": {"id": ACTIVITY}, **extra}


def basic(key: str, secret: str) -> dict:
    """The HTTP Basic authorisation header of the client ``key``."""
    token = base64.b64encode(f"{key}:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def xapi_client_create(**flags) -> tuple[XAPIClient, dict]:
    """A stored client (reads and writes unless ``flags`` say otherwise), and its headers."""
    client = XAPIClient(name="Reporting", **{"can_read": True, "can_write": True, **flags})
    secret = client_credentials_issue(client)
    client.save()
    return client, {**XAPI_VERSION, **basic(client.key, secret)}


def xapi_post(client, body, headers, **kwargs):
    """POST ``body`` as JSON to the statements resource with the test ``client``."""
    return client.post(
        XAPI_URL, json.dumps(body), content_type="application/json", **headers, **kwargs
    )
