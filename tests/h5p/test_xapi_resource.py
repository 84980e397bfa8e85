"""The xAPI 1.0.3 statements resource at /xapi/statements, called as a tool would."""

import json
import uuid
from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from h5p.models import Statement, XAPIClient
from h5p.xapi.auth import client_credentials_issue
from h5p.xapi.vocabulary import COMPLETED, VOIDED, user_agent
from tests.factories import TraineeFactory
from tests.factories.h5p import (
    ACTIVITY,
    ANN,
    BOB,
    XAPI_URL,
    XAPI_VERSION,
    basic,
    statement,
    xapi_client_create,
    xapi_post,
)


@pytest.fixture
def writer(db):
    return xapi_client_create()


@pytest.fixture
def headers(writer):
    return writer[1]


def put(client, statement_id, body, headers):
    return client.put(
        f"{XAPI_URL}?statementId={statement_id}",
        json.dumps(body),
        content_type="application/json",
        **headers,
    )


class TestVersionHeader:
    def test_a_request_without_the_version_header_is_refused_and_still_told_the_version(
        self, client, writer
    ):
        _, headers = writer
        credentials = {"HTTP_AUTHORIZATION": headers["HTTP_AUTHORIZATION"]}

        response = xapi_post(client, statement(), credentials)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response["X-Experience-API-Version"] == "1.0.3"
        assert response["Content-Type"] == "application/json"
        assert response.json()["field"] == "X-Experience-API-Version"
        assert not Statement.objects.exists()

    @pytest.mark.parametrize(
        ("version", "status"),
        [("1.0", 200), ("1.0.0", 200), ("1.0.3", 200), ("0.95", 400), ("2.0.0", 400)],
    )
    def test_only_1_0_x_is_accepted(self, client, headers, version, status):
        response = xapi_post(
            client, statement(), {**headers, "HTTP_X_EXPERIENCE_API_VERSION": version}
        )

        assert response.status_code == status

    def test_every_answer_carries_the_version_and_consistent_through(self, client, headers):
        for response in (
            client.get(XAPI_URL, **headers),
            client.get(f"{XAPI_URL}?statementId={uuid.uuid4()}", **headers),
            client.delete(XAPI_URL, **headers),
            client.get(XAPI_URL, **XAPI_VERSION),
        ):
            assert response["X-Experience-API-Version"] == "1.0.3"
            assert response["X-Experience-API-Consistent-Through"]
            assert response["Content-Type"] == "application/json"


class TestClientAuthentication:
    def test_no_credentials_is_401_with_a_basic_challenge(self, client, db):
        response = client.get(XAPI_URL, **XAPI_VERSION)

        assert response.status_code == HTTPStatus.UNAUTHORIZED
        assert response["WWW-Authenticate"].startswith("Basic ")
        assert response["X-Experience-API-Version"] == "1.0.3"

    def test_a_wrong_secret_an_unknown_key_or_garbage_is_401(self, client, writer):
        known, _ = writer
        for credentials in (
            basic(known.key, "not-the-secret"),
            basic("no-such-key", "whatever"),
            {"HTTP_AUTHORIZATION": "Basic !!!"},
            {"HTTP_AUTHORIZATION": "Bearer abc"},
        ):
            response = xapi_post(client, statement(), {**XAPI_VERSION, **credentials})
            assert response.status_code == HTTPStatus.UNAUTHORIZED, credentials
            assert "WWW-Authenticate" in response
        assert not Statement.objects.exists()

    def test_an_inactive_client_is_refused(self, client, db):
        _, headers = xapi_client_create(is_active=False)

        assert client.get(XAPI_URL, **headers).status_code == HTTPStatus.FORBIDDEN
        assert xapi_post(client, statement(), headers).status_code == HTTPStatus.FORBIDDEN
        assert not Statement.objects.exists()

    def test_a_read_only_client_cannot_write_and_a_write_only_one_cannot_read(self, client, db):
        _, reader = xapi_client_create(can_write=False)
        _, writer_only = xapi_client_create(can_read=False)

        assert xapi_post(client, statement(), reader).status_code == HTTPStatus.FORBIDDEN
        assert put(client, uuid.uuid4(), statement(), reader).status_code == HTTPStatus.FORBIDDEN
        assert client.get(XAPI_URL, **reader).status_code == HTTPStatus.OK
        assert client.get(XAPI_URL, **writer_only).status_code == HTTPStatus.FORBIDDEN
        assert not Statement.objects.exists()

    def test_the_secret_is_stored_as_a_digest_only(self, db):
        client = XAPIClient(name="Tool")
        secret = client_credentials_issue(client)

        assert secret not in client.secret_hash
        assert len(secret) >= 43  # 32 random bytes, XAPI_URL-safe base64


class TestPost:
    def test_one_statement_is_stored_and_its_id_returned(self, client, writer):
        xapi_client, headers = writer

        response = xapi_post(client, statement(), headers)

        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"] == "application/json"
        (statement_id,) = response.json()
        stored = Statement.objects.get(pk=statement_id)
        assert stored.client == xapi_client
        assert stored.raw["id"] == statement_id
        assert stored.raw["authority"]["account"]["name"] == xapi_client.key
        assert stored.raw["stored"] and stored.raw["timestamp"] == stored.raw["stored"]
        assert stored.verb == COMPLETED and stored.object_id == ACTIVITY

    def test_an_array_is_stored_in_order_keeping_the_ids_it_carries(self, client, headers):
        given = str(uuid.uuid4())
        batch = [statement(), statement(id=given), statement(actor=BOB)]

        response = xapi_post(client, batch, headers)

        ids = response.json()
        assert response.status_code == HTTPStatus.OK
        assert len(ids) == 3 and ids[1] == given
        stored = list(Statement.objects.order_by("stored").values_list("pk", flat=True))
        assert [str(pk) for pk in stored] == ids

    def test_the_same_id_with_the_same_content_is_accepted_without_change(self, client, headers):
        body = statement(id=str(uuid.uuid4()), timestamp="2026-01-05T10:00:00Z")
        xapi_post(client, body, headers)
        first = Statement.objects.get()

        again = xapi_post(client, {**body, "timestamp": "2026-01-05T11:00:00+01:00"}, headers)

        assert again.status_code == HTTPStatus.OK
        assert again.json() == [body["id"]]
        assert Statement.objects.get().stored == first.stored

    def test_the_same_id_with_other_content_is_409_and_the_batch_is_not_stored(
        self, client, headers
    ):
        statement_id = str(uuid.uuid4())
        xapi_post(client, statement(id=statement_id), headers)

        response = xapi_post(client, [statement(), statement(id=statement_id, actor=BOB)], headers)

        assert response.status_code == HTTPStatus.CONFLICT
        assert Statement.objects.count() == 1

    def test_the_same_id_twice_in_one_batch_is_refused(self, client, headers):
        statement_id = str(uuid.uuid4())

        response = xapi_post(
            client, [statement(id=statement_id), statement(id=statement_id)], headers
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json()["field"] == "statements[1].id"
        assert not Statement.objects.exists()

    def test_a_batch_with_one_bad_statement_stores_none(self, client, headers):
        bad = statement(result={"score": {"scaled": 1.5}})

        response = xapi_post(client, [statement(), statement(), bad, statement()], headers)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json()["field"] == "statements[2].result.score.scaled"
        assert not Statement.objects.exists()

    def test_a_body_that_is_not_json_or_not_declared_json_is_refused(self, client, headers):
        garbage = client.post(XAPI_URL, "{", content_type="application/json", **headers)
        nan = client.post(
            XAPI_URL,
            json.dumps(statement(result={"score": {"raw": float("nan")}})),
            content_type="application/json",
            **headers,
        )
        form = client.post(XAPI_URL, {"statement": "x"}, **headers)

        assert garbage.status_code == HTTPStatus.BAD_REQUEST
        assert nan.status_code == HTTPStatus.BAD_REQUEST
        assert form.status_code == HTTPStatus.BAD_REQUEST
        assert form.json()["field"] == "Content-Type"

    def test_communication_1_3_alternate_syntax_needs_a_form_body(self, client, headers):
        response = client.post(
            f"{XAPI_URL}?method=GET",
            json.dumps(statement()),
            content_type="application/json",
            **headers,
        )

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert not Statement.objects.exists()

    def test_a_batch_post_costs_the_same_queries_whatever_its_size(self, client, headers):
        counts = {}
        # Liaison accounts (looked up to link the statement to its user) and other agents.
        actors = [user_agent(TraineeFactory()) for _ in range(3)] + [ANN]
        for size in (5, 50):
            batch = [statement(id=str(uuid.uuid4()), actor=actors[n % 4]) for n in range(size)]
            with CaptureQueriesContext(connection) as queries:
                response = xapi_post(client, batch, headers)
            assert response.status_code == HTTPStatus.OK
            counts[size] = len(queries.captured_queries)

        assert counts[5] == counts[50], counts
        assert Statement.objects.count() == 55


class TestPut:
    def test_put_stores_under_the_given_id_and_answers_204(self, client, headers):
        statement_id = uuid.uuid4()

        response = put(client, statement_id, statement(), headers)

        assert response.status_code == HTTPStatus.NO_CONTENT
        assert response["X-Experience-API-Version"] == "1.0.3"
        assert Statement.objects.get().pk == statement_id

    def test_the_same_content_again_is_204_and_changes_nothing(self, client, headers):
        statement_id = uuid.uuid4()
        put(client, statement_id, statement(), headers)
        stored = Statement.objects.get().stored

        response = put(client, statement_id, statement(id=str(statement_id)), headers)

        assert response.status_code == HTTPStatus.NO_CONTENT
        assert Statement.objects.get().stored == stored

    def test_other_content_under_a_stored_id_is_409(self, client, headers):
        statement_id = uuid.uuid4()
        put(client, statement_id, statement(), headers)

        response = put(client, statement_id, statement(result={"completion": True}), headers)

        assert response.status_code == HTTPStatus.CONFLICT
        assert Statement.objects.get().result is None

    def test_put_needs_a_statement_id_that_matches_the_body(self, client, headers):
        missing = client.put(
            XAPI_URL, json.dumps(statement()), content_type="application/json", **headers
        )
        mismatch = put(client, uuid.uuid4(), statement(id=str(uuid.uuid4())), headers)
        array = put(client, uuid.uuid4(), [statement()], headers)

        assert missing.status_code == HTTPStatus.BAD_REQUEST
        assert mismatch.status_code == HTTPStatus.BAD_REQUEST
        assert mismatch.json()["field"] == "id"
        assert array.status_code == HTTPStatus.BAD_REQUEST
        assert not Statement.objects.exists()


def store(client, headers, *statements) -> list[str]:
    response = xapi_post(client, list(statements), headers)
    assert response.status_code == HTTPStatus.OK, response.json()
    return response.json()


def voiding(target_id: str, actor=ANN) -> dict:
    return {
        "actor": actor,
        "verb": {"id": VOIDED},
        "object": {"objectType": "StatementRef", "id": target_id},
    }


class TestGet:
    def test_one_statement_by_id(self, client, headers):
        (statement_id,) = store(client, headers, statement())

        response = client.get(f"{XAPI_URL}?statementId={statement_id}", **headers)

        assert response.status_code == HTTPStatus.OK
        assert response.json() == Statement.objects.get().raw
        assert response["Last-Modified"]

    def test_an_unknown_id_is_404(self, client, headers):
        response = client.get(f"{XAPI_URL}?statementId={uuid.uuid4()}", **headers)

        assert response.status_code == HTTPStatus.NOT_FOUND
        assert response["X-Experience-API-Version"] == "1.0.3"

    @pytest.mark.parametrize(
        "query",
        [
            "statementId={id}&voidedStatementId={id}",
            "statementId={id}&verb=http://example.org/v",
            "statementId=not-a-uuid",
            "colour=blue",
            "limit=-1",
            "ascending=yes",
            "since=yesterday",
            "agent=ann",
            'agent={{"name": "Ann"}}',
            "format=minimal",
            "attachments=yes",
            "related_agents=1",
        ],
    )
    def test_bad_queries_are_400(self, client, headers, query):
        response = client.get(f"{XAPI_URL}?{query.format(id=uuid.uuid4())}", **headers)

        assert response.status_code == HTTPStatus.BAD_REQUEST, query
        assert response.json()["error"]

    def test_a_list_is_newest_first_in_a_statement_result(self, client, headers):
        ids = store(client, headers, statement(), statement(), statement())

        response = client.get(XAPI_URL, **headers)

        assert response.status_code == HTTPStatus.OK
        body = response.json()
        assert [s["id"] for s in body["statements"]] == ids[::-1]
        assert body["more"] == ""

    def test_ascending(self, client, headers):
        ids = store(client, headers, statement(), statement(), statement())

        response = client.get(f"{XAPI_URL}?ascending=true", **headers)

        assert [s["id"] for s in response.json()["statements"]] == ids

    def test_filters(self, client, headers):
        registration = str(uuid.uuid4())
        other_verb = "http://adlnet.gov/expapi/verbs/attempted"
        other_activity = "http://example.org/activities/other"
        ids = store(
            client,
            headers,
            statement(),
            statement(actor=BOB),
            statement(verb={"id": other_verb}),
            statement(object={"id": other_activity}),
            statement(context={"registration": registration}),
            statement(object=BOB),
        )
        cases = {
            "agent": (json.dumps(BOB), {ids[1], ids[5]}),
            "verb": (other_verb, {ids[2]}),
            "activity": (other_activity, {ids[3]}),
            "registration": (registration, {ids[4]}),
        }
        for name, (value, expected) in cases.items():
            response = client.get(XAPI_URL, {name: value}, **headers)
            assert response.status_code == HTTPStatus.OK, name
            assert {s["id"] for s in response.json()["statements"]} == expected, name

    def test_the_agent_filter_matches_accounts(self, client, headers, trainee):
        ids = store(client, headers, statement(actor=user_agent(trainee)), statement())

        response = client.get(XAPI_URL, {"agent": json.dumps(user_agent(trainee))}, **headers)

        assert [s["id"] for s in response.json()["statements"]] == [ids[0]]
        assert Statement.objects.get(pk=ids[0]).user == trainee

    def test_since_and_until_bound_the_stored_time(self, client, headers):
        (first,) = store(client, headers, statement())
        middle = timezone.now().isoformat()
        (second,) = store(client, headers, statement())

        since = client.get(XAPI_URL, {"since": middle}, **headers).json()["statements"]
        until = client.get(XAPI_URL, {"until": middle}, **headers).json()["statements"]

        assert [s["id"] for s in since] == [second]
        assert [s["id"] for s in until] == [first]

    def test_limit_and_more_page_through_everything_once(self, client, headers):
        ids = store(client, headers, *[statement() for _ in range(5)])
        # Stored between two pages: newest-first paging must neither repeat nor skip.
        seen, url, pages = [], f"{XAPI_URL}?limit=2", 0
        while url:
            body = client.get(url, **headers).json()
            if pages == 0:
                store(client, headers, statement())
            seen += [s["id"] for s in body["statements"]]
            url, pages = body["more"], pages + 1

        assert seen == ids[::-1]
        assert pages == 3

    def test_a_more_link_is_opaque_and_cannot_be_altered(self, client, headers):
        store(client, headers, statement(), statement())
        more = client.get(f"{XAPI_URL}?limit=1", **headers).json()["more"]

        tampered = client.get(more[:-3] + "abc", **headers)
        mixed = client.get(more + "&verb=http://example.org/v", **headers)

        assert more.startswith(XAPI_URL + "?more=")
        assert tampered.status_code == HTTPStatus.BAD_REQUEST
        assert mixed.status_code == HTTPStatus.BAD_REQUEST


class TestVoiding:
    def test_a_voided_statement_comes_back_only_by_voided_statement_id(self, client, headers):
        target, kept = store(client, headers, statement(), statement())

        (voider,) = store(client, headers, voiding(target))

        assert client.get(XAPI_URL, {"statementId": target}, **headers).status_code == 404
        voided = client.get(XAPI_URL, {"voidedStatementId": target}, **headers)
        assert voided.status_code == HTTPStatus.OK and voided.json()["id"] == target
        listed = [s["id"] for s in client.get(XAPI_URL, **headers).json()["statements"]]
        assert listed == [voider, kept]
        assert client.get(XAPI_URL, {"voidedStatementId": kept}, **headers).status_code == 404

    def test_a_voiding_statement_cannot_be_voided(self, client, headers):
        (target,) = store(client, headers, statement())
        (voider,) = store(client, headers, voiding(target))

        response = xapi_post(client, voiding(voider), headers)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json()["field"] == "object.id"
        assert Statement.objects.count() == 2
        assert not Statement.objects.get(pk=voider).voided

    def test_a_voiding_statement_in_the_same_batch_cannot_be_voided_either(self, client, headers):
        voider_id = str(uuid.uuid4())
        batch = [{**voiding(str(uuid.uuid4())), "id": voider_id}, voiding(voider_id)]

        response = xapi_post(client, batch, headers)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert not Statement.objects.exists()

    def test_voiding_an_unknown_id_is_stored_and_voids_the_target_when_it_arrives(
        self, client, headers
    ):
        target = str(uuid.uuid4())

        response = xapi_post(client, voiding(target), headers)
        store(client, headers, statement(id=target))

        assert response.status_code == HTTPStatus.OK
        assert Statement.objects.get(pk=target).voided
        assert client.get(XAPI_URL, {"statementId": target}, **headers).status_code == 404

    def test_a_voiding_statement_needs_a_statement_ref(self, client, headers):
        response = xapi_post(client, {**statement(), "verb": {"id": VOIDED}}, headers)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json()["field"] == "statements[0].object.objectType"


class TestSession:
    """A logged-in user's session: its own statements only, CSRF on writes."""

    CSRF_SECRET = "k" * 32  # what Django's CSRF cookie holds: 32 letters or digits

    @pytest.fixture
    def session(self, trainee):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(trainee)
        browser.cookies["csrftoken"] = self.CSRF_SECRET
        return browser

    def csrf(self, browser) -> dict:
        return {**XAPI_VERSION, "HTTP_X_CSRFTOKEN": self.CSRF_SECRET}

    @pytest.fixture
    def logged_in(self, trainee):
        browser = Client()
        browser.force_login(trainee)
        return browser

    def test_a_session_posts_its_own_statement_with_the_actor_omitted(self, logged_in, trainee):
        body = statement()
        del body["actor"]

        response = xapi_post(logged_in, body, XAPI_VERSION)

        assert response.status_code == HTTPStatus.OK
        stored = Statement.objects.get()
        assert stored.user == trainee
        assert stored.actor == user_agent(trainee)
        assert stored.raw["authority"] == user_agent(trainee)  # Liaison vouches only for its events

    def test_a_session_may_name_itself_as_the_actor(self, logged_in, trainee):
        response = xapi_post(logged_in, statement(actor=user_agent(trainee)), XAPI_VERSION)

        assert response.status_code == HTTPStatus.OK
        assert Statement.objects.get().user == trainee

    def test_a_session_cannot_post_for_someone_else_and_nothing_is_stored(self, logged_in, trainee):
        other = user_agent(TraineeFactory())
        mine = statement(actor=user_agent(trainee))

        for batch in ([statement()], [mine, statement(actor=other)]):
            response = xapi_post(logged_in, batch, XAPI_VERSION)
            assert response.status_code == HTTPStatus.FORBIDDEN, batch
        assert not Statement.objects.exists()

    def test_a_session_write_needs_the_csrf_token(self, session, trainee):
        body = statement(actor=user_agent(trainee))

        without = xapi_post(session, body, XAPI_VERSION)
        with_token = xapi_post(session, body, self.csrf(session))

        assert without.status_code == HTTPStatus.FORBIDDEN
        assert with_token.status_code == HTTPStatus.OK, with_token.json()
        assert Statement.objects.count() == 1

    def test_a_session_reads_only_its_own_statements(self, logged_in, trainee, headers):
        client = Client()
        (mine,) = store(client, headers, statement(actor=user_agent(trainee)))
        (theirs,) = store(client, headers, statement())

        listed = logged_in.get(XAPI_URL, **XAPI_VERSION).json()["statements"]

        assert [s["id"] for s in listed] == [mine]
        assert logged_in.get(XAPI_URL, {"statementId": theirs}, **XAPI_VERSION).status_code == 404

    def test_a_session_cannot_probe_others_statements_through_a_statement_ref(
        self, logged_in, trainee, headers
    ):
        """Data 2.2 StatementRef filters, within what the session may read."""
        (theirs,) = store(Client(), headers, statement())
        pointer = {
            "verb": {"id": "http://example.org/verbs/pointed"},
            "object": {"objectType": "StatementRef", "id": theirs},
        }
        assert xapi_post(logged_in, pointer, XAPI_VERSION).status_code == HTTPStatus.OK

        listed = logged_in.get(XAPI_URL, {"activity": ACTIVITY}, **XAPI_VERSION).json()

        assert listed["statements"] == []

    def test_a_session_cannot_void_someone_elses_statement(self, logged_in, trainee, headers):
        (theirs,) = store(Client(), headers, statement())

        response = xapi_post(logged_in, voiding(theirs, actor=user_agent(trainee)), XAPI_VERSION)

        assert response.status_code == HTTPStatus.FORBIDDEN
        assert not Statement.objects.get(pk=theirs).voided
        assert Statement.objects.count() == 1

    def test_a_session_may_void_its_own_statement(self, logged_in, trainee):
        mine = statement(actor=user_agent(trainee))
        (target,) = xapi_post(logged_in, mine, XAPI_VERSION).json()

        response = xapi_post(logged_in, voiding(target, actor=user_agent(trainee)), XAPI_VERSION)

        assert response.status_code == HTTPStatus.OK
        assert Statement.objects.get(pk=target).voided
