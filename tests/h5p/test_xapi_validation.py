"""Statement validation: each rule refuses what breaks it and names the field."""

import pytest

from h5p.xapi.errors import StatementInvalid
from h5p.xapi.validation import statement_validate
from h5p.xapi.vocabulary import VOIDED

AGENT = {"mbox": "mailto:ann@example.org"}
VALID = {
    "actor": AGENT,
    "verb": {"id": "http://adlnet.gov/expapi/verbs/scored", "display": {"en-US": "scored"}},
    "object": {"id": "http://example.org/a"},
}


def with_(**changes) -> dict:
    return {**VALID, **changes}


@pytest.mark.parametrize(
    ("statement", "field"),
    [
        ([], "statement"),
        ({**VALID, "colour": "blue"}, "colour"),
        ({k: v for k, v in VALID.items() if k != "verb"}, "verb"),
        (with_(id="1234"), "id"),
        (with_(actor={"name": "Ann"}), "actor"),
        (with_(actor={**AGENT, "openid": "http://ann.example.org"}), "actor"),
        (with_(actor={"mbox": "ann@example.org"}), "actor.mbox"),
        (with_(actor={"mbox_sha1sum": "xyz"}), "actor.mbox_sha1sum"),
        (with_(actor={"account": {"homePage": "http://x.org"}}), "actor.account.name"),
        (with_(actor={"objectType": "Person", **AGENT}), "actor.objectType"),
        (with_(actor={"objectType": "Group"}), "actor.member"),
        (with_(actor={"objectType": "Group", "member": [{"name": "x"}]}), "actor.member[0]"),
        (with_(verb={"id": "completed"}), "verb.id"),
        (
            with_(verb={"id": "http://x.org/v", "display": {"english!": "x"}}),
            "verb.display.english!",
        ),
        (with_(object={"id": "not an iri"}), "object.id"),
        (with_(object={"objectType": "Thing", "id": "http://x.org"}), "object.objectType"),
        (with_(object={"objectType": "StatementRef", "id": "x"}), "object.id"),
        (
            with_(object={"id": "http://x.org", "definition": {"type": "lesson"}}),
            "object.definition.type",
        ),
        (
            with_(object={"id": "http://x.org", "definition": {"interactionType": "essay"}}),
            "object.definition.interactionType",
        ),
        (
            with_(
                object={
                    "objectType": "SubStatement",
                    **VALID,
                    "object": {"objectType": "SubStatement", **VALID},
                }
            ),
            "object.object.objectType",
        ),
        (with_(verb={"id": VOIDED}), "object.objectType"),
        (with_(result={"score": {"scaled": 1.5}}), "result.score.scaled"),
        (with_(result={"score": {"scaled": -1.01}}), "result.score.scaled"),
        (with_(result={"score": {"scaled": "1"}}), "result.score.scaled"),
        (with_(result={"score": {"raw": 12, "min": 0, "max": 10}}), "result.score.raw"),
        (with_(result={"score": {"raw": -1, "min": 0}}), "result.score.raw"),
        (with_(result={"score": {"min": 5, "max": 4}}), "result.score.max"),
        (with_(result={"score": {"raw": float("nan")}}), "result.score.raw"),
        (with_(result={"success": "yes"}), "result.success"),
        (with_(result={"duration": "5 minutes"}), "result.duration"),
        (with_(result={"duration": "PT"}), "result.duration"),
        (with_(result=None), "result"),
        (with_(context={"registration": "abc"}), "context.registration"),
        (
            with_(context={"contextActivities": {"parent": [{"id": "x"}]}}),
            "context.contextActivities.parent[0].id",
        ),
        (
            with_(object={**AGENT, "objectType": "Agent"}, context={"platform": "L"}),
            "context.platform",
        ),
        (with_(object=AGENT), "object.mbox"),
        (with_(timestamp="yesterday"), "timestamp"),
        (with_(timestamp="2026-01-05"), "timestamp"),
        (with_(timestamp="2026-01-05T10:00:00-00:00"), "timestamp"),
        (with_(timestamp="2026-13-05T10:00:00Z"), "timestamp"),
        (with_(version="2.0.0"), "version"),
        (with_(attachments=[{"usageType": "http://x.org"}]), "attachments[0].display"),
    ],
)
def test_invalid_statements_are_refused_naming_the_field(statement, field):
    with pytest.raises(StatementInvalid) as error:
        statement_validate(statement)

    assert error.value.field == field


@pytest.mark.parametrize(
    "statement",
    [
        VALID,
        with_(id="6F9619FF-8B86-D011-B42D-00C04FC964FF", version="1.0.0"),
        with_(actor={"objectType": "Group", "member": [AGENT, {"openid": "http://b.org"}]}),
        with_(
            actor={
                "objectType": "Group",
                "name": "Team",
                "account": {"homePage": "http://x.org", "name": "t"},
            }
        ),
        with_(actor={"mbox_sha1sum": "a" * 40}),
        with_(object={**AGENT, "objectType": "Agent"}),
        with_(object={"objectType": "StatementRef", "id": "6f9619ff-8b86-d011-b42d-00c04fc964ff"}),
        with_(object={"objectType": "SubStatement", **VALID}),
        with_(
            object={
                "id": "http://x.org/q?subContentId=1",
                "definition": {
                    "name": {"fr-BE": "Question"},
                    "interactionType": "choice",
                    "correctResponsesPattern": ["a[,]b"],
                    "choices": [{"id": "a", "description": {"fr": "A"}}],
                    "extensions": {"http://h5p.org/x-api/h5p-local-content-id": 1},
                },
            }
        ),
        with_(
            result={"score": {"raw": 0, "min": 0, "max": 10, "scaled": 0}, "duration": "PT1H2M3.5S"}
        ),
        with_(
            result={
                "score": {"scaled": -1},
                "duration": "P1DT2H",
                "extensions": {"http://x.org/e": None},
            }
        ),
        with_(
            context={
                "registration": "6f9619ff-8b86-d011-b42d-00c04fc964ff",
                "platform": "Liaison",
                "language": "nl-BE",
            }
        ),
        with_(
            context={
                "contextActivities": {
                    "category": {"id": "http://h5p.org/libraries/H5P.TrueFalse-1.8"}
                }
            }
        ),
        # What H5P sends for containers and for content without points.
        with_(object={"id": "http://x.org/qs", "definition": {"interactionType": "compound"}}),
        with_(result={"score": {"min": 0, "max": 0, "raw": 0}}),
        with_(timestamp="2026-01-05T10:00:00Z"),
        with_(timestamp="2026-01-05T10:00:00.123+01:00"),
        with_(timestamp="2026-01-05T10:00"),
        with_(attachments=[]),
    ],
)
def test_valid_statements_pass(statement):
    assert statement_validate(statement) is statement


def _definition(**definition) -> dict:
    return with_(object={"id": "http://x.org/q", "definition": definition})


CHOICES = [{"id": "a", "description": {"en-US": "A"}}]
TWO_AGENTS = [
    {"mbox": "mailto:app@example.org"},
    {"account": {"homePage": "http://x.org", "name": "u"}},
]


@pytest.mark.parametrize(
    ("statement", "field"),
    [
        pytest.param(_definition(choices=CHOICES), "object.definition.interactionType",
                     id="Data 2.4.4.1.1 choices need an interactionType"),
        pytest.param(_definition(correctResponsesPattern=["a"]),
                     "object.definition.interactionType",
                     id="Data 2.4.4.1.1 correctResponsesPattern needs an interactionType"),
        *(
            pytest.param(_definition(**{key: CHOICES}), "object.definition.interactionType",
                         id=f"Data 2.4.4.1.1 {key} needs an interactionType")
            for key in ("scale", "source", "target", "steps")
        ),
        pytest.param(_definition(interactionType="true-false", choices=CHOICES),
                     "object.definition.choices",
                     id="Data 2.4.4.1.1 true-false has no choices"),
        pytest.param(_definition(interactionType="choice", scale=CHOICES),
                     "object.definition.scale", id="Data 2.4.4.1.1 choice has no scale"),
        pytest.param(with_(object={"objectType": "SubStatement", **_definition(choices=CHOICES)}),
                     "object.object.definition.interactionType",
                     id="Data 2.4.4.1.1 in a SubStatement too"),
        pytest.param(with_(authority={"objectType": "Group", "member": TWO_AGENTS[:1]}),
                     "authority.member", id="Data 2.4.9 authority Group of one Agent"),
        pytest.param(with_(authority={"objectType": "Group",
                                      "member": [*TWO_AGENTS, {"mbox": "mailto:c@x.org"}]}),
                     "authority.member", id="Data 2.4.9 authority Group of three Agents"),
        pytest.param(with_(authority={"objectType": "Group", "openid": "http://x.org/g",
                                      "member": TWO_AGENTS}),
                     "authority.member", id="Data 2.4.9 authority Group is anonymous"),
        pytest.param(with_(authority={"objectType": "Group", "openid": "http://x.org/g"}),
                     "authority.member", id="Data 2.4.9 identified Group without members"),
        pytest.param(with_(result={"duration": "P4W1D"}), "result.duration",
                     id="Data 4.6 ISO 8601 weeks do not combine with days"),
        pytest.param(with_(result={"duration": "P1WT1H"}), "result.duration",
                     id="Data 4.6 ISO 8601 weeks do not combine with hours"),
        pytest.param(with_(result={"duration": "P1DT"}), "result.duration",
                     id="Data 4.6 ISO 8601 T needs a time part"),
    ],
)  # fmt: skip
def test_conformance_refusals(statement, field):
    with pytest.raises(StatementInvalid) as error:
        statement_validate(statement)

    assert error.value.field == field


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param(_definition(interactionType="matching", source=CHOICES, target=CHOICES,
                                 correctResponsesPattern=["a[.]a"]),
                     id="Data 2.4.4.1.1 matching has source and target"),
        pytest.param(_definition(interactionType="likert", scale=CHOICES),
                     id="Data 2.4.4.1.1 likert has a scale"),
        pytest.param(_definition(interactionType="performance", steps=CHOICES),
                     id="Data 2.4.4.1.1 performance has steps"),
        pytest.param(_definition(interactionType="sequencing", choices=CHOICES),
                     id="Data 2.4.4.1.1 sequencing has choices"),
        pytest.param(with_(authority={"objectType": "Group", "member": TWO_AGENTS}),
                     id="Data 2.4.9 OAuth three-legged authority: a Group of two Agents"),
        pytest.param(with_(result={"duration": "P4W"}), id="Data 4.6 ISO 8601 weeks alone"),
        pytest.param(with_(result={"duration": "P3Y1M29DT4H35M59.14S"}),
                     id="Data 4.6 ISO 8601 every part"),
        pytest.param(with_(result={"duration": "PT16559.14S"}), id="Data 4.6 seconds only"),
    ],
)  # fmt: skip
def test_conformance_acceptances(statement):
    assert statement_validate(statement) is statement
