"""No JSON value, however odd, turns into a 500: the resource and the player intake say 400.

xAPI 1.0.3 Communication 3.2 (Error Codes): a request the LRS cannot accept is 400 Bad
Request with a message, never a server error.
"""

import contextlib
import copy
import json
from http import HTTPStatus

import pytest

from h5p.models import Statement
from h5p.xapi import defaults
from h5p.xapi.errors import StatementInvalid
from h5p.xapi.jsonbody import json_parse, statements_of
from h5p.xapi.services import statements_receive_from_session
from h5p.xapi.validation import statement_validate
from tests.factories.h5p import XAPI_URL, statement, xapi_client_create, xapi_post

# A statement as TinCanJS sends one, with every part the validator walks through.
FULL = {
    "id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
    "actor": {"objectType": "Agent", "name": "Ann", "mbox": "mailto:ann@example.org"},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
    "object": {
        "objectType": "Activity",
        "id": "http://example.org/q1",
        "definition": {
            "name": {"en-US": "Q1"},
            "description": {"en-US": "Pick one"},
            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
            "moreInfo": "http://example.org/q1/info",
            "interactionType": "choice",
            "correctResponsesPattern": ["a"],
            "choices": [{"id": "a", "description": {"en-US": "A"}}],
            "extensions": {"http://example.org/ext": {"deep": [1, 2]}},
        },
    },
    "result": {
        "score": {"scaled": 0.5, "raw": 5, "min": 0, "max": 10},
        "success": True,
        "completion": True,
        "response": "a",
        "duration": "PT1M",
        "extensions": {"http://example.org/r": 1},
    },
    "context": {
        "registration": "9e1c9c07-6a2d-4bdb-b4c3-d2f8c1a5c3f0",
        "instructor": {"mbox": "mailto:bob@example.org"},
        "team": {"objectType": "Group", "member": [{"mbox": "mailto:c@example.org"}]},
        "contextActivities": {"parent": [{"id": "http://example.org/quiz"}]},
        "revision": "1",
        "platform": "TinCanJS",
        "language": "en-US",
        "statement": {"objectType": "StatementRef", "id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0"},
        "extensions": {"http://example.org/c": "x"},
    },
    "timestamp": "2026-01-05T10:00:00Z",
    "version": "1.0.3",
    "authority": {"objectType": "Agent", "mbox": "mailto:lrs@example.org"},
}
ODD_VALUES = [None, True, 0, -1.5, "", "x", [], [None], {}, {"id": None}, [[{}]], {"a": {"b": []}}]


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, (*path, index))


def _replaced(value, path, new):
    changed = copy.deepcopy(value)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return changed


def _nested(depth: int) -> dict:
    value: object = 1
    for _ in range(depth):
        value = {"k": value}
    return value


def test_any_json_value_anywhere_in_a_statement_raises_only_the_validation_error():
    """Communication 3.2: every property replaced by every kind of JSON value is 400, no 500."""
    statement_validate(copy.deepcopy(FULL))
    for path in list(_paths(FULL))[1:]:
        for odd in ODD_VALUES:
            candidate = _replaced(FULL, path, odd)
            with contextlib.suppress(StatementInvalid):
                statement_validate(candidate)


@pytest.mark.parametrize("odd", ODD_VALUES)
def test_a_statement_that_is_any_json_value_raises_only_the_validation_error(odd):
    with pytest.raises(StatementInvalid):
        statement_validate(odd)


@pytest.mark.parametrize(
    "interaction_type", [{"type": "choice"}, ["choice"], 1, None, "http://x.org/choice"]
)
def test_an_interaction_type_that_is_not_one_of_the_names_is_400(client, db, interaction_type):
    """Data 2.4.4.1.1: interactionType is one of the listed strings (object or list: 400)."""
    _, headers = xapi_client_create()
    body = statement(
        object={"id": "http://x.org/q", "definition": {"interactionType": interaction_type}}
    )

    response = xapi_post(client, body, headers)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["field"] == "statements[0].object.definition.interactionType"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "is nested deeper than"),
        (json.dumps(statement(result={"extensions": {"http://x.org/e": _nested(80)}})),
         "is nested deeper than"),
        ('{"actor": 1e999}', "is not valid JSON"),
        (json.dumps(statement(result={"response": "a\u0000b"})), "NUL"),
        ('{"actor": "\\ud800"}', "surrogates"),
        (b'{"actor": "\xff"}', "is not valid JSON"),
        ('{"actor": ' + "1" * 5000 + "}", "is not valid JSON"),
    ],
)  # fmt: skip
def test_bodies_that_cannot_be_parsed_or_stored_are_400_with_a_message(
    client, db, body, message
):
    """Communication 3.2: a body too deep, not finite or not storable is 400, not a 500."""
    _, headers = xapi_client_create()

    response = client.post(XAPI_URL, body, content_type="application/json", **headers)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert message in response.json()["error"]
    assert not Statement.objects.exists()


def test_a_deep_agent_filter_is_400(client, db):
    """Communication 2.1.3 agent parameter and 3.2: a deep agent JSON is 400."""
    _, headers = xapi_client_create()

    response = client.get(XAPI_URL, {"agent": "[" * 50_000 + "]" * 50_000}, **headers)

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["field"] == "agent"


class TestSharedParser:
    """What the player intake view calls: ``json_parse`` then ``statements_of``."""

    def test_the_parser_turns_recursion_and_bad_json_into_the_validation_error(self):
        """Communication 3.2: malformed or too-deep JSON is a 400, for every caller."""
        for body in ("[" * 100_000, "{", "NaN", b"\xff"):
            with pytest.raises(StatementInvalid):
                json_parse(body)

    def test_statements_of_caps_the_batch_like_the_resource(self):
        """Communication 2.1.2: one statement or a list, at most BATCH_MAX."""
        assert statements_of({"a": 1}) == [{"a": 1}]
        with pytest.raises(StatementInvalid):
            statements_of([{}] * (defaults.BATCH_MAX + 1))


class TestPlayerIntake:
    def test_a_batch_over_the_resources_cap_is_refused_and_nothing_stored(self, trainee):
        """Communication 3.2: the intake caps batches as the resource does (400)."""
        with pytest.raises(StatementInvalid) as error:
            statements_receive_from_session(
                user=trainee, statements=[statement()] * (defaults.BATCH_MAX + 1)
            )

        assert error.value.field == "body"
        assert not Statement.objects.exists()

    @pytest.mark.parametrize("interaction_type", [{"a": 1}, ["choice"]])
    def test_an_interaction_type_object_or_list_is_the_validation_error(
        self, trainee, interaction_type
    ):
        body = statement(object={"id": "http://x.org/q", "definition": {
            "interactionType": interaction_type}})  # fmt: skip

        with pytest.raises(StatementInvalid):
            statements_receive_from_session(user=trainee, statements=[body])

    def test_a_value_too_deep_for_storage_is_the_validation_error(self, trainee):
        body = statement(result={"extensions": {"http://x.org/e": _nested(900)}})

        with pytest.raises(StatementInvalid):
            statements_receive_from_session(user=trainee, statements=[body])


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"--b--",
        b"--b\r\n\r\n--b--",
        b"--b\r\nContent-Type: application/json\r\n\r\n[[[[\r\n--b--",
        b"--b\r\nContent-Type: application/json\r\n\r\n{}\r\n--b\r\n\xff\xfe\r\n\r\nx\r\n--b--",
        b"--b\r\nContent-Type: application/json\r\n\r\n{}\r\n--b\r\nX: y\r\n\r\nx\r\n--b--",
        b"--b\r\nno header line\r\n\r\n{}\r\n--b--",
        b"\x00" * 100,
    ],
)
def test_garbage_multipart_bodies_are_400(client, db, body):
    """Communication 1.5.2 and 3.2: a malformed multipart body is 400, never a 500."""
    _, headers = xapi_client_create()

    response = client.post(
        XAPI_URL, body, content_type="multipart/mixed; boundary=b", **headers
    )

    assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
