"""Forwarding stored statements to an external LRS through the outbox and its Celery task.

Only the external LRS's HTTP call (``urllib.request.urlopen``) is mocked: the task, the
retries, the statements and the request Liaison builds are all real.
"""

import base64
import io
import json
import urllib.error
from http import HTTPStatus
from unittest import mock

import pytest
from django.test import override_settings

from h5p.models import Statement
from h5p.xapi.services import statement_record
from h5p.xapi.vocabulary import COMPLETED, activity_iri
from outbox.models import Job
from tests.factories.h5p import statement, xapi_client_create, xapi_post
from tests.h5p.test_xapi_attachments import TEXT, attachment, multipart, part, post_multipart

LRS = override_settings(
    XAPI_FORWARD_ENDPOINT="https://lrs.example.org/xapi/",
    XAPI_FORWARD_USERNAME="liaison",
    XAPI_FORWARD_PASSWORD="lrs-secret",
)


def ok(*args, **kwargs):
    return io.BytesIO(b'["ok"]')


def refused(code: int):
    return urllib.error.HTTPError("https://lrs.example.org", code, "no", {}, io.BytesIO(b""))


@pytest.fixture
def urlopen():
    with mock.patch("urllib.request.urlopen", side_effect=ok) as patched:
        yield patched


@LRS
def test_statements_posted_to_the_resource_are_forwarded_as_stored(
    client, db, urlopen, django_capture_on_commit_callbacks
):
    _, headers = xapi_client_create()
    with django_capture_on_commit_callbacks(execute=True):
        response = xapi_post(client, [statement(), statement()], headers)

    assert response.status_code == HTTPStatus.OK
    urlopen.assert_called_once()
    request = urlopen.call_args.args[0]
    assert request.full_url == "https://lrs.example.org/xapi/statements"
    assert request.get_method() == "POST"
    assert request.get_header("X-experience-api-version") == "1.0.3"
    assert request.get_header("Content-type") == "application/json"
    expected = base64.b64encode(b"liaison:lrs-secret").decode()
    assert request.get_header("Authorization") == f"Basic {expected}"
    sent = json.loads(request.data)
    assert [s["id"] for s in sent] == response.json()
    assert sent == [Statement.objects.get(pk=pk).raw for pk in response.json()]


@LRS
def test_liaisons_own_events_are_forwarded_too(
    trainee, urlopen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        stored = statement_record(
            user=trainee, verb=COMPLETED, object_id=activity_iri("course", 1), object_name="C"
        )

    (sent,) = json.loads(urlopen.call_args.args[0].data)
    assert sent["id"] == str(stored.pk)


def test_nothing_is_forwarded_when_no_lrs_is_set(
    client, db, urlopen, django_capture_on_commit_callbacks
):
    _, headers = xapi_client_create()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        xapi_post(client, statement(), headers)

    assert callbacks == []
    urlopen.assert_not_called()


def forward_job() -> Job:
    return Job.objects.get(task="h5p.forward_statements")


@LRS
def test_network_errors_are_retried_until_the_lrs_answers(trainee, urlopen, drain_outbox):
    statement_record(
        user=trainee, verb=COMPLETED, object_id=activity_iri("course", 1), object_name="C"
    )
    urlopen.side_effect = [urllib.error.URLError("down"), TimeoutError(), refused(503), ok()]

    drain_outbox()

    assert urlopen.call_count == 4
    assert (forward_job().status, forward_job().attempts) == (Job.Status.DONE, 4)


@LRS
def test_forwarding_gives_up_after_eight_attempts(trainee, urlopen, drain_outbox):
    statement_record(
        user=trainee, verb=COMPLETED, object_id=activity_iri("course", 1), object_name="C"
    )
    urlopen.side_effect = urllib.error.URLError("down")

    drain_outbox()

    assert urlopen.call_count == 8
    job = forward_job()
    assert job.status == Job.Status.FAILED
    assert "URLError" in job.last_error


@LRS
def test_a_refusal_by_the_lrs_is_not_retried(trainee, urlopen, drain_outbox):
    statement_record(
        user=trainee, verb=COMPLETED, object_id=activity_iri("course", 1), object_name="C"
    )
    urlopen.side_effect = refused(400)

    drain_outbox()

    assert urlopen.call_count == 1
    job = forward_job()
    assert job.status == Job.Status.FAILED
    assert "ForwardingRefused" in job.last_error


@LRS
def test_data_2_4_11_statements_with_attachments_are_forwarded_as_multipart_with_their_content(
    client, db, urlopen, django_capture_on_commit_callbacks
):
    """Communication 1.5.2: the external LRS gets the attachment's content as a part."""
    _, headers = xapi_client_create()
    body = multipart(statement(attachments=[attachment(TEXT)]), part(TEXT))
    with django_capture_on_commit_callbacks(execute=True):
        assert post_multipart(client, body, headers).status_code == HTTPStatus.OK

    request = urlopen.call_args.args[0]
    assert request.get_header("Content-type").startswith("multipart/mixed; boundary=")
    assert b"X-Experience-API-Hash: " in request.data and TEXT in request.data
