"""Forwarding stored statements to an external LRS (``XAPI_FORWARD_*`` settings).

``urllib.request`` is enough for one authenticated POST; no HTTP library is added for it.
"""

import base64
import json
import logging
import urllib.error
import urllib.request
import uuid

from django.conf import settings

from ..models import Statement
from . import defaults
from .attachments import has_raw_attachments, multipart_body

logger = logging.getLogger(__name__)

VERSION = "1.0.3"


class ForwardingRefused(Exception):
    """The external LRS refused the statements (4xx): retrying would not help."""


def _statements_url() -> str:
    endpoint = settings.XAPI_FORWARD_ENDPOINT
    if not endpoint.startswith(("https://", "http://")):
        raise ValueError("XAPI_FORWARD_ENDPOINT must be an http(s) URL")
    return endpoint.rstrip("/") + "/statements"


def statements_forward(*, statement_ids: list[str]) -> int:
    """POST the statements, as stored, to the external LRS; returns how many were sent.

    Statements with attachments go as multipart/mixed, with their stored contents.

    Network errors and 5xx answers raise ``OSError`` (``URLError``/``HTTPError``) for the
    task to retry; a 4xx answer raises ``ForwardingRefused``, logged and not retried.
    """
    if not settings.XAPI_FORWARD_ENDPOINT:
        return 0
    rows = Statement.objects.filter(pk__in=[uuid.UUID(pk) for pk in statement_ids])
    statements = list(rows.order_by("stored").values_list("raw", flat=True))
    if not statements:
        return 0
    credentials = f"{settings.XAPI_FORWARD_USERNAME}:{settings.XAPI_FORWARD_PASSWORD}"
    body, content_type = json.dumps(statements).encode(), "application/json"
    if has_raw_attachments(statements):  # the other LRS needs their content as parts
        body, content_type = multipart_body(body, statements)
    request = urllib.request.Request(  # noqa: S310  (the scheme is checked to be http(s))
        _statements_url(),
        data=body,
        method="POST",
        headers={
            "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
            "Content-Type": content_type,
            "X-Experience-API-Version": VERSION,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=defaults.FORWARD_TIMEOUT):  # noqa: S310
            pass
    except urllib.error.HTTPError as error:
        if 400 <= error.code < 500 and error.code not in (408, 429):
            logger.error(
                "The external LRS refused %d statements with %d", len(statements), error.code
            )
            raise ForwardingRefused(f"the external LRS answered {error.code}") from error
        raise
    return len(statements)
