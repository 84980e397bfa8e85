"""xAPI 1.0.3 statement validation: minimal, but every rule it checks is checked for real.

Each check raises ``StatementInvalid`` naming the field (``result.score.scaled``), so a tool
learns what to fix. The shapes follow the specification's Data part; what Liaison does not
support (attachments) is refused rather than stored half-understood.
"""

import math
import re
from datetime import UTC, datetime
from typing import Any

from .errors import StatementInvalid
from .jsonbody import json_value_check
from .vocabulary import VOIDED

IFIS = ("mbox", "mbox_sha1sum", "openid", "account")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]+$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_SHA1 = re.compile(r"^[0-9a-fA-F]{40}$")
_SHA2 = re.compile(r"^([0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$")
_MEDIA_TYPE = re.compile(r"^[\w.+-]+/[\w.+-]+(\s*;.*)?$")
SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$")
_NUMBER = r"\d+(\.\d+)?"
# ISO 8601 durations: weeks stand alone (PnW); P4W1D is not a duration.
_DURATION = re.compile(
    rf"^P((?=\d|T\d)({_NUMBER}Y)?({_NUMBER}M)?({_NUMBER}D)?"
    rf"(T(?=\d)({_NUMBER}H)?({_NUMBER}M)?({_NUMBER}S)?)?|{_NUMBER}W)$"
)
_VERSION = re.compile(r"^1\.0(\.\d+)?$")
# "compound" is not xAPI's, but H5P marks every container (Question Set, Course
# Presentation …) with it; refusing it would lose those results.
_INTERACTION_TYPES = {
    "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance",
    "sequencing", "likert", "numeric", "other", "compound",
}  # fmt: skip
_INTERACTION_COMPONENTS = ("choices", "scale", "source", "target", "steps")
# Data 2.4.4.1.1: which component lists each interaction type may carry. H5P's own
# "compound" is none of xAPI's, so nothing is known about its components.
_COMPONENTS_OF = {
    "choice": {"choices"}, "sequencing": {"choices"}, "likert": {"scale"},
    "matching": {"source", "target"}, "performance": {"steps"},
    "compound": set(_INTERACTION_COMPONENTS),
}  # fmt: skip
_CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}
_STATEMENT_KEYS = {
    "id", "actor", "verb", "object", "result", "context", "timestamp", "stored",
    "authority", "version", "attachments",
}  # fmt: skip
_SUBSTATEMENT_KEYS = {"objectType", "actor", "verb", "object", "result", "context", "timestamp"}


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and bool(_UUID.match(value))


def is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def parse_timestamp(value: Any, field: str) -> datetime:
    """An ISO 8601 date and time; without a time zone it is read as UTC (spec: MAY)."""
    if not isinstance(value, str) or not _TIMESTAMP.match(value):
        raise StatementInvalid(field, "must be an ISO 8601 date and time")
    if value.endswith("-00:00") or value.endswith("-0000") or value.endswith("-00"):
        raise StatementInvalid(field, "must not use the offset -00:00")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise StatementInvalid(field, "must be an ISO 8601 date and time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _fail(field: str, message: str):
    raise StatementInvalid(field, message)


def _object(value: Any, field: str) -> dict:
    if not isinstance(value, dict):
        _fail(field, "must be a JSON object")
    return value


def _only(value: dict, allowed: set[str] | tuple, field: str) -> None:
    for key in value:
        if key not in allowed:
            _fail(f"{field}.{key}" if field else key, "is not an xAPI property here")


def _string(value: Any, field: str) -> None:
    if not isinstance(value, str):
        _fail(field, "must be a string")


def _boolean(value: Any, field: str) -> None:
    if not isinstance(value, bool):
        _fail(field, "must be true or false")


def _number(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        _fail(field, "must be a number")
    return value


def _iri(value: Any, field: str) -> None:
    if not is_iri(value):
        _fail(field, "must be an absolute IRI")


def _uuid(value: Any, field: str) -> None:
    if not is_uuid(value):
        _fail(field, "must be a UUID")


def _language_map(value: Any, field: str) -> None:
    for tag, text in _object(value, field).items():
        if not _LANGUAGE_TAG.match(tag):
            _fail(f"{field}.{tag}", "is not a language tag (RFC 5646)")
        _string(text, f"{field}.{tag}")


def _extensions(value: Any, field: str) -> None:
    for key, extension in _object(value, field).items():
        _iri(key, f"{field}.{key}")
        json_value_check(extension, f"{field}.{key}")


def validate_agent(value: Any, field: str, *, group_allowed: bool = True) -> dict:
    """An Agent, or a Group, identified by exactly one inverse functional identifier."""
    agent = _object(value, field)
    object_type = agent.get("objectType", "Agent")
    if object_type == "Group" and group_allowed:
        _only(agent, {"objectType", "name", "member", *IFIS}, field)
        identified = any(key in agent for key in IFIS)
        if not identified and "member" not in agent:
            _fail(f"{field}.member", "an anonymous Group must list its members")
        if "member" in agent:
            members = agent["member"]
            if not isinstance(members, list) or (not identified and not members):
                _fail(f"{field}.member", "must be a list of Agents")
            for index, member in enumerate(members):
                validate_agent(member, f"{field}.member[{index}]", group_allowed=False)
    elif object_type == "Agent":
        _only(agent, {"objectType", "name", *IFIS}, field)
    else:
        _fail(f"{field}.objectType", "must be Agent" + (" or Group" if group_allowed else ""))
    ifis = [key for key in IFIS if key in agent]
    if len(ifis) > 1 or (object_type == "Agent" and not ifis):
        _fail(field, "must have exactly one of mbox, mbox_sha1sum, openid, account")
    if "name" in agent:
        _string(agent["name"], f"{field}.name")
    if "mbox" in agent:
        mbox = agent["mbox"]
        if not isinstance(mbox, str) or not re.match(r"^mailto:[^@\s]+@[^@\s]+$", mbox):
            _fail(f"{field}.mbox", "must be a mailto: IRI")
    if "mbox_sha1sum" in agent and not (
        isinstance(agent["mbox_sha1sum"], str) and _SHA1.match(agent["mbox_sha1sum"])
    ):
        _fail(f"{field}.mbox_sha1sum", "must be a SHA-1 hex digest")
    if "openid" in agent:
        _iri(agent["openid"], f"{field}.openid")
    if "account" in agent:
        account = _object(agent["account"], f"{field}.account")
        _only(account, {"homePage", "name"}, f"{field}.account")
        _iri(account.get("homePage"), f"{field}.account.homePage")
        if not isinstance(account.get("name"), str) or not account["name"]:
            _fail(f"{field}.account.name", "must be a non-empty string")
    return agent


def _verb(value: Any, field: str) -> None:
    verb = _object(value, field)
    _only(verb, {"id", "display"}, field)
    _iri(verb.get("id"), f"{field}.id")
    if "display" in verb:
        _language_map(verb["display"], f"{field}.display")


def _definition(value: Any, field: str) -> None:
    definition = _object(value, field)
    allowed = {"name", "description", "type", "moreInfo", "extensions", "interactionType",
               "correctResponsesPattern", *_INTERACTION_COMPONENTS}  # fmt: skip
    _only(definition, allowed, field)
    for key in ("name", "description"):
        if key in definition:
            _language_map(definition[key], f"{field}.{key}")
    for key in ("type", "moreInfo"):
        if key in definition:
            _iri(definition[key], f"{field}.{key}")
    if "extensions" in definition:
        _extensions(definition["extensions"], f"{field}.extensions")
    interaction_type = definition.get("interactionType")
    if "interactionType" in definition and not (
        isinstance(interaction_type, str) and interaction_type in _INTERACTION_TYPES
    ):
        _fail(f"{field}.interactionType", "is not an xAPI interaction type")
    for key in ("correctResponsesPattern", *_INTERACTION_COMPONENTS):
        if key in definition and "interactionType" not in definition:
            _fail(f"{field}.interactionType", f"is required with {key}")
        if key in _INTERACTION_COMPONENTS and key in definition and (
            key not in _COMPONENTS_OF.get(interaction_type, set())
        ):
            _fail(f"{field}.{key}", f"is not a component of {interaction_type} interactions")
    if "correctResponsesPattern" in definition:
        pattern = definition["correctResponsesPattern"]
        if not isinstance(pattern, list) or not all(isinstance(p, str) for p in pattern):
            _fail(f"{field}.correctResponsesPattern", "must be a list of strings")
    for key in _INTERACTION_COMPONENTS:
        if key not in definition:
            continue
        if not isinstance(definition[key], list):
            _fail(f"{field}.{key}", "must be a list of interaction components")
        for index, component in enumerate(definition[key]):
            where = f"{field}.{key}[{index}]"
            _only(_object(component, where), {"id", "description"}, where)
            if not isinstance(component.get("id"), str) or not component["id"]:
                _fail(f"{where}.id", "must be a non-empty string")
            if "description" in component:
                _language_map(component["description"], f"{where}.description")


def _activity(value: Any, field: str) -> None:
    activity = _object(value, field)
    if activity.get("objectType", "Activity") != "Activity":
        _fail(f"{field}.objectType", "must be Activity")
    _only(activity, {"objectType", "id", "definition"}, field)
    _iri(activity.get("id"), f"{field}.id")
    if "definition" in activity:
        _definition(activity["definition"], f"{field}.definition")


def _statement_ref(value: dict, field: str) -> None:
    _only(value, {"objectType", "id"}, field)
    _uuid(value.get("id"), f"{field}.id")


def _object_of(value: Any, field: str, *, in_substatement: bool) -> str:
    target = _object(value, field)
    object_type = target.get("objectType", "Activity")
    if object_type == "Activity":
        _activity(target, field)
    elif object_type in ("Agent", "Group"):
        validate_agent(target, field)
    elif object_type == "StatementRef":
        _statement_ref(target, field)
    elif object_type == "SubStatement" and not in_substatement:
        _only(target, _SUBSTATEMENT_KEYS, field)
        _parts(target, f"{field}.", in_substatement=True)
    else:
        _fail(
            f"{field}.objectType",
            "must be Activity, Agent, Group, StatementRef or "
            + ("SubStatement" if not in_substatement else "not a nested SubStatement"),
        )
    return object_type


def _result(value: Any, field: str) -> None:
    result = _object(value, field)
    _only(result, {"score", "success", "completion", "response", "duration", "extensions"}, field)
    if "score" in result:
        where = f"{field}.score"
        score = _object(result["score"], where)
        _only(score, {"scaled", "raw", "min", "max"}, where)
        numbers = {key: _number(score[key], f"{where}.{key}") for key in score}
        if "scaled" in numbers and not -1 <= numbers["scaled"] <= 1:
            _fail(f"{where}.scaled", "must be between -1 and 1")
        low, high = numbers.get("min"), numbers.get("max")
        # xAPI wants max > min; H5P sends min = max = 0 for content without points.
        if low is not None and high is not None and high < low:
            _fail(f"{where}.max", "must not be less than min")
        raw = numbers.get("raw")
        if raw is not None and (
            (low is not None and raw < low) or (high is not None and raw > high)
        ):
            _fail(f"{where}.raw", "must be between min and max")
    for key in ("success", "completion"):
        if key in result:
            _boolean(result[key], f"{field}.{key}")
    if "response" in result:
        _string(result["response"], f"{field}.response")
    if "duration" in result and not (
        isinstance(result["duration"], str) and _DURATION.match(result["duration"])
    ):
        _fail(f"{field}.duration", "must be an ISO 8601 duration")
    if "extensions" in result:
        _extensions(result["extensions"], f"{field}.extensions")


def _context(value: Any, field: str, *, object_type: str) -> None:
    context = _object(value, field)
    allowed = {"registration", "instructor", "team", "contextActivities", "revision",
               "platform", "language", "statement", "extensions"}  # fmt: skip
    _only(context, allowed, field)
    if "registration" in context:
        _uuid(context["registration"], f"{field}.registration")
    if "instructor" in context:
        validate_agent(context["instructor"], f"{field}.instructor")
    if "team" in context:
        team = _object(context["team"], f"{field}.team")
        if team.get("objectType") != "Group":
            _fail(f"{field}.team.objectType", "must be Group")
        validate_agent(team, f"{field}.team")
    if "contextActivities" in context:
        where = f"{field}.contextActivities"
        activities = _object(context["contextActivities"], where)
        _only(activities, _CONTEXT_ACTIVITY_KEYS, where)
        for key, listed in activities.items():
            for index, activity in enumerate(listed if isinstance(listed, list) else [listed]):
                _activity(activity, f"{where}.{key}[{index}]")
    for key in ("revision", "platform"):
        if key in context:
            _string(context[key], f"{field}.{key}")
            if object_type != "Activity":
                _fail(f"{field}.{key}", "is only allowed when the object is an Activity")
    if "language" in context and not (
        isinstance(context["language"], str) and _LANGUAGE_TAG.match(context["language"])
    ):
        _fail(f"{field}.language", "is not a language tag (RFC 5646)")
    if "statement" in context:
        reference = _object(context["statement"], f"{field}.statement")
        if reference.get("objectType") != "StatementRef":
            _fail(f"{field}.statement.objectType", "must be StatementRef")
        _statement_ref(reference, f"{field}.statement")
    if "extensions" in context:
        _extensions(context["extensions"], f"{field}.extensions")


def _attachment(value: Any, field: str) -> None:
    """Data 2.4.11: usageType, display, contentType, length and sha2 required."""
    attachment = _object(value, field)
    _only(attachment, {"usageType", "display", "description", "contentType", "length", "sha2",
                       "fileUrl"}, field)  # fmt: skip
    for required in ("usageType", "display", "contentType", "length", "sha2"):
        if required not in attachment:
            _fail(f"{field}.{required}", "is required")
    _iri(attachment["usageType"], f"{field}.usageType")
    _language_map(attachment["display"], f"{field}.display")
    if "description" in attachment:
        _language_map(attachment["description"], f"{field}.description")
    content_type = attachment["contentType"]
    if not isinstance(content_type, str) or not _MEDIA_TYPE.match(content_type):
        _fail(f"{field}.contentType", "must be an Internet media type")
    length = attachment["length"]
    if isinstance(length, bool) or not isinstance(length, int) or length < 0:
        _fail(f"{field}.length", "must be a non-negative integer")
    if not isinstance(attachment["sha2"], str) or not _SHA2.match(attachment["sha2"]):
        _fail(f"{field}.sha2", "must be a SHA-2 hex digest")
    if "fileUrl" in attachment:
        _iri(attachment["fileUrl"], f"{field}.fileUrl")
    # Data 2.6: a signature is a JWS, sent as bytes.
    if attachment["usageType"] == SIGNATURE and content_type != "application/octet-stream":
        _fail(f"{field}.contentType", "a signature's must be application/octet-stream")


def _parts(statement: dict, prefix: str, *, in_substatement: bool) -> None:
    """The properties a statement and a SubStatement share."""
    for required in ("actor", "verb", "object"):
        if required not in statement:
            _fail(prefix + required, "is required")
    validate_agent(statement["actor"], prefix + "actor")
    _verb(statement["verb"], prefix + "verb")
    object_type = _object_of(
        statement["object"], prefix + "object", in_substatement=in_substatement
    )
    if statement["verb"]["id"] == VOIDED and object_type != "StatementRef":
        _fail(prefix + "object.objectType", "a voiding statement's object must be a StatementRef")
    if "result" in statement:
        _result(statement["result"], prefix + "result")
    if "context" in statement:
        _context(statement["context"], prefix + "context", object_type=object_type)
    if "timestamp" in statement:
        parse_timestamp(statement["timestamp"], prefix + "timestamp")


def statement_validate(statement: Any) -> dict:
    """Check one statement as received (before the server adds id, stored, authority)."""
    statement = _object(statement, "statement")
    _only(statement, _STATEMENT_KEYS, "")
    if "id" in statement:
        _uuid(statement["id"], "id")
    _parts(statement, "", in_substatement=False)
    if "version" in statement and not (
        isinstance(statement["version"], str) and _VERSION.match(statement["version"])
    ):
        _fail("version", "must be 1.0.x")
    if "authority" in statement:
        authority = validate_agent(statement["authority"], "authority")
        # Data 2.4.9: a Group authority is OAuth's three-legged pair: anonymous, two Agents.
        if authority.get("objectType") == "Group" and (
            any(key in authority for key in IFIS) or len(authority.get("member", [])) != 2
        ):
            _fail("authority.member", "a Group authority is anonymous with exactly two Agents")
    if "attachments" in statement:
        if not isinstance(statement["attachments"], list):
            _fail("attachments", "must be a list of Attachments")
        for index, attachment in enumerate(statement["attachments"]):
            _attachment(attachment, f"attachments[{index}]")
    return statement


def context_activities_listed(statement: dict) -> dict:
    """A shallow copy whose ``contextActivities`` values are all lists, SubStatement's too.

    Data 2.4.6.2: a client may send a single Activity; the LRS returns an array of one.
    """
    listed = dict(statement)
    activities = (listed.get("context") or {}).get("contextActivities")
    if activities and any(not isinstance(value, list) for value in activities.values()):
        listed["context"] = {
            **listed["context"],
            "contextActivities": {
                key: value if isinstance(value, list) else [value]
                for key, value in activities.items()
            },
        }
    if isinstance(listed.get("object"), dict) and listed["object"].get("objectType") == (
        "SubStatement"
    ):
        listed["object"] = context_activities_listed(listed["object"])
    return listed


# Properties the LRS sets, left out when two statements with one id are compared.
SERVER_PROPERTIES = ("id", "stored", "authority", "version")


def statement_comparable(
    statement: dict, *, keep_timestamp: bool, ignored: tuple = SERVER_PROPERTIES
) -> dict:
    """The statement as xAPI compares it: ``ignored`` left out, the timestamp as an instant
    (or left out too, when the other side had none)."""
    comparable = {k: v for k, v in statement.items() if k not in ignored}
    if keep_timestamp and "timestamp" in comparable:
        comparable["timestamp"] = parse_timestamp(comparable["timestamp"], "timestamp")
    else:
        comparable.pop("timestamp", None)
    return comparable
