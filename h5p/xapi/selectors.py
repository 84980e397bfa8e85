"""Reads of the statement store: one statement by id, or a filtered page with a ``more`` link.

The ``more`` link carries the query and the position of the last statement returned
(``stored``, ``id``), signed with Django's signing so it is opaque and cannot be forged to
widen the query; it expires after ``defaults.MORE_LINK_MAX_AGE``. Paging is by position,
not by offset, so statements stored between two pages neither repeat nor go missing.

Filters follow Communication 2.1.3: ``agent`` matches the actor or the object (a Group
also by its members), ``related_agents``/``related_activities`` widen the agent and
activity filters (see ``indexing``), and a statement whose object is a StatementRef matches
the filters other than ``since``/``until``/``limit`` when the statement it targets does,
through any number of StatementRefs (Data 2.2, Filter Conditions for StatementRefs).
"""

import uuid
from dataclasses import asdict, dataclass
from datetime import datetime

from django.core import signing
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.urls import reverse

from ..models import Statement
from . import defaults
from .errors import StatementInvalid
from .indexing import activity_token, agent_token
from .jsonbody import json_parse
from .validation import IFIS, is_iri, is_uuid, parse_timestamp, validate_agent

_MORE_SALT = "h5p.xapi.more"
_FILTERS = {
    "agent", "verb", "activity", "registration", "related_activities", "related_agents",
    "since", "until", "limit", "ascending",
}  # fmt: skip
_ALWAYS_ALLOWED = {"format", "attachments"}
FORMATS = ("exact", "ids", "canonical")
# The statements a filtered statement reaches through StatementRefs, however many: each
# ``origin`` targets, directly or through others, ``tip``. UNION stops on cycles.
_CHAINS = (
    "WITH RECURSIVE chain(origin, tip) AS ("
    " SELECT id, target FROM h5p_statement WHERE target IS NOT NULL"
    " UNION"
    " SELECT chain.origin, s.target FROM chain JOIN h5p_statement s ON s.id = chain.tip"
    " WHERE s.target IS NOT NULL"
    ") SELECT origin FROM chain WHERE tip IN ({matching})"
)


@dataclass(frozen=True)
class StatementQuery:
    """The filters of a GET, parsed and checked; ``after`` is the position of a ``more`` link."""

    agent: dict | None = None
    verb: str | None = None
    activity: str | None = None
    registration: str | None = None
    since: str | None = None
    until: str | None = None
    related_activities: bool = False
    related_agents: bool = False
    limit: int = defaults.PAGE_SIZE_DEFAULT
    ascending: bool = False
    after: tuple[str, str] | None = None


def _boolean(params, name: str) -> bool:
    value = params.get(name, "false")
    if value not in ("true", "false"):
        raise StatementInvalid(name, "must be true or false")
    return value == "true"


def _check_common(params) -> None:
    if params.get("format", "exact") not in FORMATS:
        raise StatementInvalid("format", "must be exact, ids or canonical")
    _boolean(params, "attachments")


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
        related_activities=_boolean(params, "related_activities"),
        related_agents=_boolean(params, "related_agents"),
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


def _matching(query: StatementQuery) -> Q | None:
    """The filters a StatementRef passes on (all but time and paging); None when none is set."""
    matches = Q()
    if query.agent:
        token = agent_token(query.agent)
        field = "related_agents" if query.related_agents else "agents"
        matches &= Q(**{f"{field}__contains": f" {token} "})
    if query.verb:
        matches &= Q(verb=query.verb)
    if query.activity:
        if query.related_activities:
            matches &= Q(related_activities__contains=f" {activity_token(query.activity)} ")
        else:
            matches &= Q(object_id=query.activity)
    if query.registration:
        matches &= Q(registration=query.registration)
    return matches or None


def _with_statement_refs(statements: QuerySet, matches: Q, visible: QuerySet) -> QuerySet:
    """Statements matching, or targeting (through StatementRefs) one that matches.

    The targeted statement counts even when voided: a voiding statement comes back with
    the filters of the statement it voids. Only ``visible`` statements are matched, so a
    session cannot learn about another user's statement by pointing at it.
    """
    matching = visible.filter(matches).values("pk")
    sql, params = matching.query.sql_with_params()
    # ``sql`` is compiled by Django's ORM and its values stay parameters: nothing of the
    # request is written into the SQL text.
    targeting = RawSQL(_CHAINS.format(matching=sql), params)  # noqa: S611
    return statements.filter(matches | Q(pk__in=targeting))


def statements_query(*, query: StatementQuery, user=None) -> tuple[list[Statement], str]:
    """A page of unvoided statements matching the query, and the ``more`` link (or "")."""
    visible = _visible_to(user)
    statements = visible.filter(voided=False)
    if (matches := _matching(query)) is not None:
        statements = _with_statement_refs(statements, matches, visible)
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
