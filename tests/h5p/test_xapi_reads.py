"""Reading statements back as xAPI 1.0.3 says: array context activities, the StatementRef
filter rule, related_agents/related_activities, format=ids/canonical, the About resource.

Statements are shaped as TinCanJS, xAPI wrappers and H5P send them.
"""

import json
import uuid
from http import HTTPStatus

import pytest

from h5p.models import Statement
from h5p.xapi.formats import accepted_languages
from h5p.xapi.vocabulary import VOIDED
from tests.factories.h5p import (
    ACTIVITY,
    ANN,
    BOB,
    XAPI_URL,
    XAPI_VERSION,
    statement,
    xapi_client_create,
    xapi_post,
)

QUIZ = "http://example.org/activities/quiz"
CONFIRMED = "http://example.org/verbs/confirmed"
CAROL = {"objectType": "Agent", "mbox": "mailto:carol@example.org"}


@pytest.fixture
def headers(db):
    return xapi_client_create()[1]


def store(client, headers, *statements) -> list[str]:
    response = xapi_post(client, list(statements), headers)
    assert response.status_code == HTTPStatus.OK, response.json()
    return response.json()


def ref(statement_id: str, verb: str = CONFIRMED, actor=BOB) -> dict:
    return {
        "actor": actor,
        "verb": {"id": verb},
        "object": {"objectType": "StatementRef", "id": statement_id},
    }


def ids_of(client, headers, **params) -> list[str]:
    response = client.get(XAPI_URL, params, **headers)
    assert response.status_code == HTTPStatus.OK, response.json()
    return [s["id"] for s in response.json()["statements"]]


class TestContextActivitiesAreArrays:
    def test_data_2_4_6_2_a_single_context_activity_comes_back_as_a_list_of_one(
        self, client, headers
    ):
        """Data 2.4.6.2: contextActivities values are always returned as arrays."""
        parent = {"id": QUIZ, "objectType": "Activity"}
        body = statement(context={"contextActivities": {"parent": parent, "other": [parent]}})
        sub = statement(
            object={"objectType": "SubStatement", **statement(
                context={"contextActivities": {"grouping": parent}})},
        )  # fmt: skip
        first, second = store(client, headers, body, sub)

        one = client.get(XAPI_URL, {"statementId": first}, **headers).json()
        two = client.get(XAPI_URL, {"statementId": second}, **headers).json()

        assert one["context"]["contextActivities"] == {"parent": [parent], "other": [parent]}
        assert two["object"]["context"]["contextActivities"] == {"grouping": [parent]}

    def test_data_2_4_6_2_the_same_statement_given_as_a_list_again_is_no_conflict(
        self, client, headers
    ):
        """Communication 2.1.1: the list form is the same statement as the single form."""
        statement_id = str(uuid.uuid4())
        single = statement(id=statement_id, context={"contextActivities": {"parent": {"id": QUIZ}}})
        store(client, headers, single)
        listed = {**single, "context": {"contextActivities": {"parent": [{"id": QUIZ}]}}}

        assert xapi_post(client, listed, headers).status_code == HTTPStatus.OK


class TestStatementRefFilters:
    """Data 2.2 Filter Conditions for StatementRefs: statements targeting a match match too."""

    def test_a_statement_targeting_a_match_is_returned_by_agent_verb_and_activity(
        self, client, headers
    ):
        (original,) = store(client, headers, statement(context={"registration": str(uuid.uuid4())}))
        (confirmation,) = store(client, headers, ref(original))
        (unrelated,) = store(client, headers, statement(actor=CAROL, object={"id": QUIZ}))

        by_agent = ids_of(client, headers, agent=json.dumps(ANN))
        by_activity = ids_of(client, headers, activity=ACTIVITY)
        by_verb = ids_of(client, headers, verb=statement()["verb"]["id"])

        for found in (by_agent, by_activity):
            assert set(found) == {original, confirmation}
        assert unrelated in by_verb and confirmation in by_verb
        registration = Statement.objects.get(pk=original).registration
        assert set(ids_of(client, headers, registration=str(registration))) == {
            original,
            confirmation,
        }

    def test_the_rule_applies_recursively(self, client, headers):
        """Data 2.2: a targets b targets c, c matches: a matches."""
        (c,) = store(client, headers, statement())
        (b,) = store(client, headers, ref(c, actor=CAROL))
        (a,) = store(client, headers, ref(b, actor=CAROL))

        assert set(ids_of(client, headers, agent=json.dumps(ANN))) == {a, b, c}

    def test_since_until_and_limit_apply_to_the_targeting_statement_itself(
        self, client, headers
    ):
        """Data 2.2: time and sequence parameters still apply to the targeting statement."""
        (original,) = store(client, headers, statement())
        (confirmation,) = store(client, headers, ref(original))
        since = Statement.objects.get(pk=original).raw["stored"]

        assert ids_of(client, headers, agent=json.dumps(ANN), since=since) == [confirmation]
        assert ids_of(client, headers, agent=json.dumps(ANN), limit=1) == [confirmation]

    def test_a_voiding_statement_comes_back_with_the_filters_of_what_it_voids(
        self, client, headers
    ):
        """Data 2.2 with voiding (Data 2.3.2): the voided statement itself does not."""
        (original,) = store(client, headers, statement())
        (voider,) = store(client, headers, ref(original, verb=VOIDED, actor=ANN))

        assert ids_of(client, headers, activity=ACTIVITY) == [voider]

    def test_the_rule_is_not_applied_to_statement_id(self, client, headers):
        """Data 2.2: the StatementRef rule does not apply to statementId."""
        (original,) = store(client, headers, statement())
        store(client, headers, ref(original))

        response = client.get(XAPI_URL, {"statementId": original}, **headers)

        assert response.json()["id"] == original


class TestAgentFilters:
    def test_communication_2_1_3_agent_matches_a_group_by_its_members(self, client, headers):
        """Communication 2.1.3 agent: Groups whose members match the Agent are a match."""
        team = {"objectType": "Group", "name": "Team", "member": [ANN, BOB]}
        (by_team,) = store(client, headers, statement(actor=team))
        store(client, headers, statement(actor=CAROL))

        assert ids_of(client, headers, agent=json.dumps(BOB)) == [by_team]

    def test_communication_2_1_3_related_agents_widens_to_instructor_team_authority(
        self, client, headers
    ):
        """Communication 2.1.3 related_agents: actor, object, authority, instructor, team,
        and the same inside a SubStatement."""
        instructed = statement(context={"instructor": BOB})
        in_team = statement(
            context={"team": {"objectType": "Group", "member": [BOB]}}
        )
        sub = statement(object={"objectType": "SubStatement", **statement(actor=BOB)})
        about_bob = statement(object=BOB)
        other = statement(actor=CAROL)
        ids = store(client, headers, instructed, in_team, sub, about_bob, other)

        narrow = ids_of(client, headers, agent=json.dumps(BOB))
        broad = ids_of(client, headers, agent=json.dumps(BOB), related_agents="true")

        assert narrow == [ids[3]]
        assert set(broad) == set(ids[:4])

    def test_related_agents_matches_the_authority(self, client, headers):
        """Communication 2.1.3 related_agents: the authority counts."""
        xapi_client, own_headers = xapi_client_create()
        (posted,) = store(client, own_headers, statement(actor=CAROL))
        authority = Statement.objects.get(pk=posted).raw["authority"]

        found = ids_of(client, headers, agent=json.dumps(authority), related_agents="true")

        assert found == [posted]


class TestRelatedActivities:
    def test_communication_2_1_3_related_activities_widens_to_context_and_substatements(
        self, client, headers
    ):
        """Communication 2.1.3 related_activities: the object, every context activity, and
        the same inside a SubStatement."""
        in_context = [
            statement(context={"contextActivities": {key: [{"id": QUIZ}]}})
            for key in ("parent", "grouping", "category", "other")
        ]
        in_sub = statement(object={"objectType": "SubStatement", **statement(
            object={"id": QUIZ})})  # fmt: skip
        direct = statement(object={"id": QUIZ})
        ids = store(client, headers, *in_context, in_sub, direct, statement())

        assert ids_of(client, headers, activity=QUIZ) == [ids[5]]
        assert set(ids_of(client, headers, activity=QUIZ, related_activities="true")) == set(
            ids[:6]
        )


class TestFormats:
    BILINGUAL = statement(
        actor={"objectType": "Agent", "name": "Ann", "mbox": "mailto:ann@example.org"},
        verb={"id": "http://adlnet.gov/expapi/verbs/answered",
              "display": {"en-US": "answered", "fr-FR": "a répondu", "nl": "antwoordde"}},
        object={
            "objectType": "Activity",
            "id": QUIZ,
            "definition": {
                "name": {"en-US": "Quiz", "fr-FR": "Questionnaire", "nl-BE": "Vragenlijst"},
                "description": {"en-US": "A quiz", "fr-FR": "Un questionnaire"},
                "interactionType": "choice",
                "choices": [{"id": "a", "description": {"en-US": "Yes", "fr-FR": "Oui"}}],
            },
        },
        context={
            "instructor": {"objectType": "Agent", "name": "Bob", "mbox": "mailto:bob@example.org"},
            "team": {"objectType": "Group", "name": "T", "member": [
                {"name": "Carol", "mbox": "mailto:carol@example.org"}]},
            "contextActivities": {"parent": [{"id": ACTIVITY, "definition": {
                "name": {"en-US": "Checklist", "fr-FR": "Liste"}}}]},
        },
    )  # fmt: skip

    def test_communication_2_1_3_format_ids_keeps_only_identifiers(self, client, headers):
        """Communication 2.1.3 format=ids: Agents, Groups, Activities and Verbs identified
        only; an anonymous Group by its members."""
        (statement_id,) = store(client, headers, self.BILINGUAL)

        (got,) = client.get(XAPI_URL, {"format": "ids"}, **headers).json()["statements"]
        one = client.get(XAPI_URL, {"statementId": statement_id, "format": "ids"}, **headers)

        assert got["actor"] == {"objectType": "Agent", "mbox": "mailto:ann@example.org"}
        assert got["verb"] == {"id": "http://adlnet.gov/expapi/verbs/answered"}
        assert got["object"] == {"objectType": "Activity", "id": QUIZ}
        assert got["context"]["instructor"] == {
            "objectType": "Agent",
            "mbox": "mailto:bob@example.org",
        }
        assert got["context"]["team"] == {
            "objectType": "Group",
            "member": [{"objectType": "Agent", "mbox": "mailto:carol@example.org"}],
        }
        assert got["context"]["contextActivities"] == {"parent": [{"id": ACTIVITY}]}
        assert set(got["authority"]) == {"objectType", "account"}
        assert one.json() == got

    @pytest.mark.parametrize(
        ("accept", "name", "verb", "choice"),
        [
            ("fr-FR, en;q=0.5", "Questionnaire", "a répondu", "Oui"),
            ("fr", "Questionnaire", "a répondu", "Oui"),
            ("nl-NL;q=0.9, fr;q=0.1", "Vragenlijst", "antwoordde", "Oui"),
            ("de", "Quiz", "answered", "Yes"),
            ("", "Quiz", "answered", "Yes"),
        ],
    )
    def test_communication_2_1_3_format_canonical_keeps_one_language_by_accept_language(
        self, client, headers, accept, name, verb, choice
    ):
        """Communication 2.1.3 format=canonical and Data 4.2 language filtering: one
        language in each language map, chosen by Accept-Language; Agents stay exact."""
        store(client, headers, self.BILINGUAL)

        response = client.get(
            XAPI_URL, {"format": "canonical"}, HTTP_ACCEPT_LANGUAGE=accept, **headers
        )

        (got,) = response.json()["statements"]
        definition = got["object"]["definition"]
        assert list(definition["name"].values()) == [name]
        assert len(definition["description"]) == 1
        assert list(got["verb"]["display"].values()) == [verb]
        assert list(definition["choices"][0]["description"].values()) == [choice]
        assert len(got["context"]["contextActivities"]["parent"][0]["definition"]["name"]) == 1
        assert got["actor"] == self.BILINGUAL["actor"]

    def test_accept_language_is_ranked_by_quality(self):
        """Data 4.2 language filtering: Accept-Language (RFC 7231) ranked by q."""
        assert accepted_languages("en;q=0.2, fr-BE, nl;q=0.8, de;q=0") == ["fr-be", "nl", "en"]


class TestAbout:
    def test_communication_2_8_about_lists_the_versions_without_credentials(self, client, db):
        """Communication 2.8: GET /about gives {"version": [...]} to anyone, any header."""
        for extra in ({}, XAPI_VERSION, {"HTTP_X_EXPERIENCE_API_VERSION": "0.9"}):
            response = client.get("/xapi/about", **extra)

            assert response.status_code == HTTPStatus.OK
            assert "1.0.3" in response.json()["version"]
            assert response["X-Experience-API-Version"] == "1.0.3"


def test_communication_2_1_3_a_more_link_keeps_the_format_of_its_page(client, headers):
    """Communication 2.1.3: the ``more`` IRL gives the next page of the same request."""
    store(client, headers, statement(), statement())

    first = client.get(XAPI_URL, {"limit": 1, "format": "ids"}, **headers).json()
    second = client.get(first["more"], **headers).json()

    assert second["statements"][0]["verb"] == {"id": statement()["verb"]["id"]}
    assert set(second["statements"][0]["object"]) == {"id"}
