"""Reads of the statement store: one statement by id, or a filtered page with a ``more`` link.

The ``more`` link carries the query and the position of the last statement returned
(``stored``, ``id``), signed with Django's signing so it is opaque and cannot be forged to
widen the query; it expires after ``defaults.MORE_LINK_MAX_AGE``. Paging is by position,
not by offset, so statements stored between two pages neither repeat nor go missing.

Not implemented: the StatementRef filter rule (statements that target a matching statement
also match), ``related_activities``/``related_agents`` = true, ``format=ids``, attachments.
"""

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime

from django.core import signing
from django.db.models import Q, QuerySet
from django.urls import reverse

from ..models import Statement
from . import defaults
from .errors import StatementInvalid
from .jsonbody import json_parse
from .validation import IFIS, is_iri, is_uuid, parse_timestamp, validate_agent

_MORE_SALT = "h5p.xapi.more"
_FILTERS = {"agent", "verb", "activity", "registration", "since", "until", "limit", "ascending"}
_ALWAYS_ALLOWED = {"format", "attachments", "related_activities", "related_agents"}


@dataclass(frozen=True)
class StatementQuery:
    """The filters of a GET, parsed and checked; ``after`` is the position of a ``more`` link."""

    agent: dict | None = None
    verb: str | None = None
    activity: str | None = None
    registration: str | None = None
    since: str | None = None
    until: str | None = None
    limit: int = defaults.PAGE_SIZE_DEFAULT
    ascending: bool = False
    after: tuple[str, str] | None = None


def _boolean(params, name: str) -> bool:
    value = params.get(name, "false")
    if value not in ("true", "false"):
        raise StatementInvalid(name, "must be true or false")
    return value == "true"


def _check_common(params) -> None:
    if params.get("format", "exact") not in ("exact", "canonical"):
        raise StatementInvalid("format", "only exact and canonical are supported")
    for name in ("attachments", "related_activities", "related_agents"):
        if _boolean(params, name):
            raise StatementInvalid(name, "true is not supported by this LRS")


def statement_query_parse(params) -> StatementQuery | tuple[str, bool]:
    """Parse GET parameters: ``(id, voided)`` for a single statement, else a query.

    Unknown parameters, and single-statement requests with filters, are refused (400).
    """
    for name in params:
        if name not in _FILTERS | _ALWAYS_ALLOWED | {"statementId", "voidedStatementId", "more"}:
            raise StatementInvalid(name, "is not a parameter of the statements resource")
    _check_common(params)
    singles = [name for name in ("statementId", "voidedStatementId") if name in params]
    if singles:
        if len(singles) > 1 or set(params) & (_FILTERS | {"more"}):
            raise StatementInvalid(singles[0], "cannot be combined with other filters")
        value = params[singles[0]]
        if not is_uuid(value):
            raise StatementInvalid(singles[0], "must be a UUID")
        return value.lower(), singles[0] == "voidedStatementId"
    if "more" in params:
        if set(params) & _FILTERS:
            raise StatementInvalid("more", "cannot be combined with filters")
        return _more_read(params["more"])
    return _filters_parse(params)


def _filters_parse(params) -> StatementQuery:
    agent = None
    if "agent" in params:
        agent = json_parse(params["agent"], field="agent")
        validate_agent(agent, "agent")
        if not any(key in agent for key in IFIS):
            raise StatementInvalid("agent", "must carry an identifier")
    for name in ("verb", "activity"):
        if name in params and not is_iri(params[name]):
            raise StatementInvalid(name, "must be an IRI")
    if "registration" in params and not is_uuid(params["registration"]):
        raise StatementInvalid("registration", "must be a UUID")
    for name in ("since", "until"):
        if name in params:
            parse_timestamp(params[name], name)
    limit = defaults.PAGE_SIZE_DEFAULT
    if "limit" in params:
        if not params["limit"].isdigit():
            raise StatementInvalid("limit", "must be a non-negative integer")
        limit = min(int(params["limit"]) or defaults.PAGE_SIZE_MAX, defaults.PAGE_SIZE_MAX)
    return StatementQuery(
        agent=agent,
        verb=params.get("verb"),
        activity=params.get("activity"),
        registration=params["registration"].lower() if "registration" in params else None,
        since=params.get("since"),
        until=params.get("until"),
        limit=limit,
        ascending=_boolean(params, "ascending"),
    )


def _more_read(token: str) -> StatementQuery:
    try:
        data = signing.loads(token, salt=_MORE_SALT, max_age=defaults.MORE_LINK_MAX_AGE)
    except signing.BadSignature:
        raise StatementInvalid("more", "is not a valid or current more link") from None
    data["after"] = tuple(data["after"])
    return StatementQuery(**data)


def _more_link(query: StatementQuery, last: Statement) -> str:
    data = asdict(query)
    data["after"] = [last.stored.isoformat(), str(last.pk)]
    token = signing.dumps(data, salt=_MORE_SALT, compress=True)
    return f"{reverse('xapi:statements')}?more={token}"


def _visible_to(user) -> QuerySet:
    """Every statement for clients (``user`` None); a session sees only its own."""
    statements = Statement.objects.all()
    return statements if user is None else statements.filter(user=user)


def statement_get(*, statement_id: str, voided: bool, user=None) -> Statement | None:
    """One statement by id: a voided one only by ``voidedStatementId`` (``voided``=True)."""
    return _visible_to(user).filter(pk=uuid.UUID(statement_id), voided=voided).first()


def _agent_filter(agent: dict) -> Q:
    """Statements whose actor or object is the agent, matched on its identifier."""
    ifi = next(key for key in IFIS if key in agent)
    if ifi == "account":
        account = agent["account"]
        fields = {"account__homePage": account["homePage"], "account__name": account["name"]}
    else:
        fields = {ifi: agent[ifi]}
    matches = Q()
    for side in ("actor", "object"):
        matches |= Q(**{f"{side}__{key}": value for key, value in fields.items()})
    return matches


def statements_query(*, query: StatementQuery, user=None) -> tuple[list[Statement], str]:
    """A page of unvoided statements matching the query, and the ``more`` link (or "")."""
    statements = _visible_to(user).filter(voided=False)
    if query.agent:
        statements = statements.filter(_agent_filter(query.agent))
    if query.verb:
        statements = statements.filter(verb=query.verb)
    if query.activity:
        statements = statements.filter(object_id=query.activity)
    if query.registration:
        statements = statements.filter(registration=query.registration)
    if query.since:
        statements = statements.filter(stored__gt=parse_timestamp(query.since, "since"))
    if query.until:
        statements = statements.filter(stored__lte=parse_timestamp(query.until, "until"))
    if query.after:
        stored, pk = datetime.fromisoformat(query.after[0]), uuid.UUID(query.after[1])
        beyond = "gt" if query.ascending else "lt"
        statements = statements.filter(
            Q(**{f"stored__{beyond}": stored}) | Q(stored=stored, **{f"pk__{beyond}": pk})
        )
    order = ("stored", "pk") if query.ascending else ("-stored", "-pk")
    # Only what the answer needs: the JSON columns besides ``raw`` would be parsed for nothing.
    page = list(statements.order_by(*order).only("pk", "stored", "raw")[: query.limit + 1])
    more = _more_link(query, page[query.limit - 1]) if len(page) > query.limit else ""
    return page[: query.limit], more
