"""xAPI 1.0.3 Communication 1.3, the alternate request syntax: a POST with ``?method=`` and
a form body whose header fields are headers and whose ``content`` is the body.

Shaped as the ADL conformance suite and browser clients (TinCanJS in old IE) send it.
"""

import json
import uuid
from http import HTTPStatus
from urllib.parse import urlencode

import pytest

from h5p.models import Statement
from tests.factories.h5p import XAPI_URL, statement, xapi_client_create

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def credentials(db):
    _, headers = xapi_client_create()
    return headers["HTTP_AUTHORIZATION"]


def alternate(client, method, form, *, query=None, content_type=FORM, http="post"):
    query = query or {"method": method}
    send = getattr(client, http)
    return send(f"{XAPI_URL}?{urlencode(query)}", urlencode(form), content_type=content_type)


def test_communication_1_3_a_get_sent_as_a_post_returns_a_statement_result(client, credentials):
    """Communication 1.3 / 2.1.2 (XAPI-00148): POST ?method=GET answers 200 and a result."""
    form = {"Authorization": credentials, "X-Experience-API-Version": "1.0.3", "limit": 1}

    response = alternate(client, "GET", form)

    assert response.status_code == HTTPStatus.OK
    assert set(response.json()) == {"statements", "more"}


def test_communication_1_3_a_put_sent_as_a_post_stores_under_the_form_statement_id(
    client, credentials
):
    """Communication 1.3: header fields and content in the form; 204 as a PUT."""
    statement_id = str(uuid.uuid4())
    form = {
        "Authorization": credentials,
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        "statementId": statement_id,
        "content": json.dumps(statement()),
    }

    response = alternate(client, "PUT", form)

    assert response.status_code == HTTPStatus.NO_CONTENT
    assert str(Statement.objects.get().pk) == statement_id


def test_communication_1_3_content_without_a_content_type_field_is_json(client, credentials):
    """Communication 1.3: content is JSON unless a Content-Type field says otherwise."""
    form = {
        "Authorization": credentials,
        "X-Experience-API-Version": "1.0.3",
        "statementId": str(uuid.uuid4()),
        "content": json.dumps(statement()),
    }

    assert alternate(client, "PUT", form).status_code == HTTPStatus.NO_CONTENT


@pytest.mark.parametrize(
    "case",
    [
        "not sent as a POST",
        "extra query parameter",
        "form version 0.8",
        "no content",
        "body not url-encoded",
    ],
)
def test_communication_1_3_malformed_alternate_requests_are_400(client, credentials, case):
    """Communication 1.3.s3.b4/b7: the form's headers count; anything extra is 400."""
    statement_id = str(uuid.uuid4())
    form = {
        "Authorization": credentials,
        "X-Experience-API-Version": "1.0.3",
        "statementId": statement_id,
        "content": json.dumps(statement()),
    }
    if case == "not sent as a POST":
        response = alternate(client, "POST", form, query={"method": "POST"}, http="put")
    elif case == "extra query parameter":
        query = {"method": "PUT", "statementId": statement_id}
        response = alternate(client, "PUT", form, query=query)
    elif case == "form version 0.8":
        response = alternate(client, "PUT", {**form, "X-Experience-API-Version": "0.8"})
    elif case == "no content":
        response = alternate(client, "PUT", {k: v for k, v in form.items() if k != "content"})
    else:
        response = client.post(
            f"{XAPI_URL}?method=PUT",
            json.dumps(form),
            content_type="application/json",
            HTTP_AUTHORIZATION=credentials,
            HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
        )

    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
    assert response["X-Experience-API-Version"] == "1.0.3"
    assert not Statement.objects.exists()
