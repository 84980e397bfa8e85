"""The statement store's services: the player's intake and Liaison's own events."""

import uuid
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from h5p.models import Statement
from h5p.xapi import services
from h5p.xapi.errors import StatementConflict, StatementForbidden, StatementInvalid
from h5p.xapi.services import (
    activity_iri,
    statement_record,
    statements_receive_from_session,
    statements_store,
    user_agent,
)
from h5p.xapi.vocabulary import ATTENDED, COMPLETED, PASSED, VOIDED, liaison_agent
from tests.factories import TraineeFactory
from tests.factories.h5p import xapi_client_create

CONTENT = "http://testserver/h5p/content/1"
# What h5p-standalone sends: no id, no timestamp, and whatever actor the page gave it.
PLAYER_STATEMENT = {
    "actor": {"name": "Someone else", "mbox": "mailto:someone@example.org"},
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
    "object": {
        "id": CONTENT,
        "objectType": "Activity",
        "definition": {
            "name": {"en-US": "True or false"},
            "interactionType": "true-false",
            "correctResponsesPattern": ["true"],
        },
    },
    "result": {
        "score": {"min": 0, "max": 1, "raw": 1, "scaled": 1},
        "success": True,
        "completion": True,
        "duration": "PT3.4S",
        "response": "true",
    },
    "context": {
        "contextActivities": {"category": [{"id": "http://h5p.org/libraries/H5P.TrueFalse-1.8"}]}
    },
}


class TestAgentsAndIris:
    def test_a_user_is_an_account_agent_named_by_pseudonym_never_by_name_or_email(self, trainee):
        agent = user_agent(trainee)

        assert agent == {
            "objectType": "Agent",
            "account": {"homePage": "http://testserver", "name": str(trainee.pseudonym)},
        }
        assert trainee.email not in str(agent) and trainee.full_name not in str(agent)

    def test_activity_iris_live_under_the_site(self):
        assert activity_iri("lesson", 12) == "http://testserver/xapi/activities/lesson/12"


class TestPlayerIntake:
    def test_the_actor_is_replaced_and_id_stored_timestamp_assigned(self, trainee):
        (stored,) = statements_receive_from_session(user=trainee, statements=[PLAYER_STATEMENT])

        stored.refresh_from_db()
        assert stored.user == trainee
        assert stored.actor == user_agent(trainee)
        assert stored.raw["actor"] == user_agent(trainee)
        assert stored.raw["id"] == str(stored.pk)
        assert stored.raw["authority"] == user_agent(trainee)  # never Liaison's
        assert stored.raw["timestamp"] == stored.raw["stored"]
        assert stored.result["score"]["scaled"] == 1
        assert PLAYER_STATEMENT["actor"]["name"] == "Someone else"  # the caller's dict untouched

    def test_an_id_already_stored_is_ignored_and_not_returned_as_new(self, trainee):
        known = str(uuid.uuid4())
        statements_receive_from_session(
            user=trainee, statements=[{**PLAYER_STATEMENT, "id": known}]
        )
        changed = {**PLAYER_STATEMENT, "id": known, "result": {"completion": False}}

        new = statements_receive_from_session(
            user=trainee, statements=[changed, PLAYER_STATEMENT, {**PLAYER_STATEMENT, "id": known}]
        )

        assert len(new) == 1 and str(new[0].pk) != known
        assert Statement.objects.count() == 2
        assert Statement.objects.get(pk=known).result["completion"] is True

    def test_an_invalid_statement_raises_a_validation_error_and_stores_nothing(self, trainee):
        bad = {**PLAYER_STATEMENT, "result": {"score": {"scaled": 2}}}

        with pytest.raises(ValidationError) as error:
            statements_receive_from_session(user=trainee, statements=[PLAYER_STATEMENT, bad])

        assert isinstance(error.value, StatementInvalid)
        assert error.value.field == "statements[1].result.score.scaled"
        assert not Statement.objects.exists()

    def test_a_session_cannot_void_another_users_statement(self, trainee):
        (theirs,) = statements_receive_from_session(
            user=TraineeFactory(), statements=[PLAYER_STATEMENT]
        )
        voiding = {
            "actor": user_agent(trainee),
            "verb": {"id": VOIDED},
            "object": {"objectType": "StatementRef", "id": str(theirs.pk)},
        }

        with pytest.raises(StatementForbidden):
            statements_receive_from_session(user=trainee, statements=[voiding])

        theirs.refresh_from_db()
        assert not theirs.voided

    def test_intake_queries_do_not_grow_with_the_batch(self, trainee):
        counts = []
        for size in (2, 20):
            with CaptureQueriesContext(connection) as queries:
                statements_receive_from_session(user=trainee, statements=[PLAYER_STATEMENT] * size)
            counts.append(len(queries.captured_queries))

        assert counts[0] == counts[1], counts
        assert Statement.objects.count() == 22


class TestStatementsStore:
    def test_exactly_one_of_client_and_user(self, trainee):
        with pytest.raises(ValueError):
            statements_store(statements=[PLAYER_STATEMENT])

    def test_a_conflict_stores_nothing_of_the_batch(self, trainee):
        mine = {**PLAYER_STATEMENT, "actor": user_agent(trainee), "id": str(uuid.uuid4())}
        statements_store(statements=[mine], user=trainee)

        with pytest.raises(StatementConflict):
            statements_store(
                statements=[
                    {**mine, "id": str(uuid.uuid4())},
                    {**mine, "result": {"completion": False}},
                ],
                user=trainee,
            )

        assert Statement.objects.count() == 1

    def test_an_id_stored_by_a_concurrent_request_is_a_conflict_not_a_crash(self, trainee):
        mine = {**PLAYER_STATEMENT, "actor": user_agent(trainee), "id": str(uuid.uuid4())}
        real_lookup, raced = services._users_by_actor, []

        def another_request_stores_it_first(statements, known):
            if not raced:  # the inner store below passes through here once more
                raced.append(True)
                statements_store(statements=[mine], user=trainee)
            return real_lookup(statements, known)

        with (
            mock.patch.object(services, "_users_by_actor", another_request_stores_it_first),
            pytest.raises(StatementConflict),
        ):
            statements_store(statements=[mine], user=trainee)

        # The transaction is still usable (on PostgreSQL a failed statement would otherwise
        # poison it); the "other request" ran inside the rolled-back savepoint here.
        assert Statement.objects.count() == 0


class TestOwnEvents:
    def test_a_lesson_completion_is_recorded_with_an_adl_verb(self, trainee):
        stored = statement_record(
            user=trainee,
            verb=COMPLETED,
            object_id=activity_iri("lesson", 7),
            object_name="Rights of the person",
            object_type="http://adlnet.gov/expapi/activities/lesson",
        )

        stored.refresh_from_db()
        assert stored.user == trainee
        assert stored.verb == "http://adlnet.gov/expapi/verbs/completed"
        assert stored.object_id == "http://testserver/xapi/activities/lesson/7"
        assert stored.raw["verb"]["display"] == {"en-US": "completed"}
        assert stored.object["definition"] == {
            "name": {"und": "Rights of the person"},
            "type": "http://adlnet.gov/expapi/activities/lesson",
        }
        assert stored.raw["authority"] == liaison_agent()

    def test_a_graded_attempt_carries_its_result_and_context(self, trainee):
        course = activity_iri("course", 3)
        stored = statement_record(
            user=trainee,
            verb=PASSED,
            object_id=activity_iri("quiz", 9),
            object_name="Final test",
            result={"score": {"scaled": 0.85}, "success": True, "completion": True},
            context={"contextActivities": {"parent": [{"id": course}]}},
        )

        assert stored.result == {"score": {"scaled": 0.85}, "success": True, "completion": True}
        assert stored.context["contextActivities"]["parent"] == [{"id": course}]

    def test_attendance_uses_the_adl_attended_verb(self, trainee):
        stored = statement_record(
            user=trainee, verb=ATTENDED, object_id=activity_iri("session", 4), object_name="Day 1"
        )

        assert stored.verb == "http://adlnet.gov/expapi/verbs/attended"

    def test_a_bad_result_is_refused(self, trainee):
        with pytest.raises(StatementInvalid):
            statement_record(
                user=trainee,
                verb=PASSED,
                object_id=activity_iri("quiz", 9),
                object_name="Final test",
                result={"score": {"scaled": 85}},
            )

        assert not Statement.objects.exists()


class TestAuthority:
    """Data 2.4.9 authority, and who may void what (Data 2.3.2 voiding)."""

    def _liaison_event(self, trainee) -> Statement:
        return statement_record(
            user=trainee, verb=COMPLETED, object_id=activity_iri("lesson", 1), object_name="L"
        )

    def _voiding(self, actor, target) -> dict:
        return {
            "actor": actor,
            "verb": {"id": VOIDED},
            "object": {"objectType": "StatementRef", "id": str(target.pk)},
        }

    def test_data_2_4_9_a_trainees_session_statements_never_carry_liaisons_authority(
        self, trainee
    ):
        (by_player,) = statements_receive_from_session(user=trainee, statements=[PLAYER_STATEMENT])
        own = {**PLAYER_STATEMENT, "actor": user_agent(trainee)}
        (by_session,) = statements_store(user=trainee, statements=[own])

        assert by_player.raw["authority"] == user_agent(trainee)
        assert Statement.objects.get(pk=by_session).raw["authority"] == user_agent(trainee)
        assert self._liaison_event(trainee).raw["authority"] == liaison_agent()

    def test_data_2_3_2_a_trainee_cannot_void_liaisons_event_about_them(self, trainee):
        event = self._liaison_event(trainee)

        for send in (statements_receive_from_session, statements_store):
            with pytest.raises(StatementForbidden):
                send(user=trainee, statements=[self._voiding(user_agent(trainee), event)])

        event.refresh_from_db()
        assert not event.voided

    def test_data_2_3_2_a_client_cannot_void_liaisons_event(self, trainee):
        event = self._liaison_event(trainee)
        client, _ = xapi_client_create()

        with pytest.raises(StatementForbidden):
            statements_store(client=client, statements=[self._voiding(user_agent(trainee), event)])

        event.refresh_from_db()
        assert not event.voided

    def test_data_2_3_2_a_trainee_voids_their_own_player_statement(self, trainee):
        (own,) = statements_receive_from_session(user=trainee, statements=[PLAYER_STATEMENT])

        statements_receive_from_session(
            user=trainee, statements=[self._voiding(user_agent(trainee), own)]
        )

        own.refresh_from_db()
        assert own.voided
