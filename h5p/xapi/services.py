"""Every write to the statement store: the resource, the H5P player and Liaison's own events.

One path stores statements for all three (``_statements_persist``): validated first, then one
query finds the ids already stored (and voiding statements waiting for them), one
``bulk_create`` writes the batch, all in one transaction; a batch with one bad statement
stores none. Voiding: a voiding statement whose target is unknown is accepted and stored
(xAPI 1.0.3: the LRS SHOULD NOT reject it); the target, should it arrive later, is stored
as voided. A voiding statement cannot be voided: that request is refused (400).
"""

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from outbox.services import job_enqueue

from ..models import Statement, XAPIClient
from .attachments import Part, attachments_check, attachments_store
from .errors import StatementConflict, StatementForbidden, StatementInvalid
from .indexing import statement_tokens
from .jsonbody import json_value_check, statements_of
from .validation import (
    context_activities_listed,
    is_uuid,
    parse_timestamp,
    statement_comparable,
    statement_validate,
)
from .vocabulary import VOIDED, activity_iri, base_url, client_agent, liaison_agent, user_agent

__all__ = [
    "activity_iri",
    "user_agent",
    "statement_record",
    "statements_receive_from_session",
    "statements_store",
]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _same_statement(received: dict, stored: dict) -> bool:
    """xAPI's comparison: server-set properties aside, timestamps compared as instants.

    A received statement without a timestamp matches whatever timestamp was stored.
    """
    keep = "timestamp" in received
    return statement_comparable(received, keep_timestamp=keep) == statement_comparable(
        stored, keep_timestamp=keep
    )


def _is_own_agent(actor: dict, user: User) -> bool:
    own = user_agent(user)
    return actor.get("objectType", "Agent") == "Agent" and actor.get("account") == own["account"]


def _validated(statements: Iterable[dict]) -> list[dict]:
    """Validate every statement; the field of the first error names its index."""
    checked = []
    for index, statement in enumerate(statements):
        try:
            # A copy: the server adds id, stored and authority without touching the caller's.
            checked.append(context_activities_listed(statement_validate(statement)))
        except StatementInvalid as error:
            raise error.at(f"statements[{index}].") from None
    return checked


def _users_by_actor(statements: list[dict], known: User | None) -> dict[str, int]:
    """Liaison users named by account actors (``homePage`` = this site), by pseudonym.

    ``known``: a user already loaded (the session's), who costs no query.
    """
    home = base_url()
    names = {
        s["actor"]["account"]["name"]
        for s in statements
        if s["actor"].get("account", {}).get("homePage", "").rstrip("/") == home
        and is_uuid(s["actor"]["account"]["name"])
    }
    users = {str(known.pseudonym): known.pk} if known is not None else {}
    names -= set(users)
    if names:
        rows = User.objects.filter(pseudonym__in=names).values_list("pseudonym", "pk")
        users.update({str(pseudonym): pk for pseudonym, pk in rows})
    return users


def _object_id(target: dict) -> str:
    """The indexed object id: an Activity's IRI or a StatementRef's id, else empty."""
    if target.get("objectType", "Activity") in ("Activity", "StatementRef"):
        return target["id"].lower() if target.get("objectType") == "StatementRef" else target["id"]
    return ""


def _is_liaison(authority) -> bool:
    return isinstance(authority, dict) and authority.get("account") == liaison_agent()["account"]


def _voiding_targets_check(
    voiding: dict[str, uuid.UUID], batch: dict[str, dict], voider: User | None, authority: dict
) -> set[uuid.UUID]:
    """Targets of the batch's voiding statements that are already stored.

    Refuses to void a voiding statement; Liaison's own events are voided only under
    Liaison's authority; a session may only void its own statements.
    """
    targets = set(voiding.values())
    in_batch = {t for t in targets if str(t) in batch}
    for target in in_batch:
        if batch[str(target)]["verb"]["id"] == VOIDED:
            raise StatementInvalid("object.id", "a voiding statement cannot be voided")
    rows = {
        pk: (verb, user_id, stored_authority)
        for pk, verb, user_id, stored_authority in Statement.objects.filter(
            pk__in=targets - in_batch
        ).values_list("pk", "verb", "user_id", "raw__authority")
    }
    for verb, user_id, stored_authority in rows.values():
        if verb == VOIDED:
            raise StatementInvalid("object.id", "a voiding statement cannot be voided")
        if _is_liaison(stored_authority) and not _is_liaison(authority):
            raise StatementForbidden("only Liaison may void Liaison's own statements")
        if voider is not None and user_id != voider.pk:
            raise StatementForbidden("a session may only void its own statements")
    if voider is not None and targets - in_batch - set(rows):
        raise StatementForbidden("a session may only void its own statements")
    if voider is not None:
        for target in in_batch:
            if not _is_own_agent(batch[str(target)]["actor"], voider):
                raise StatementForbidden("a session may only void its own statements")
    return set(rows)


def _enqueue_forwarding(ids: list[uuid.UUID]) -> None:
    if not ids or not settings.XAPI_FORWARD_ENDPOINT:
        return
    job_enqueue("h5p.forward_statements", statement_ids=[str(pk) for pk in ids])


@transaction.atomic
def _statements_persist(
    statements: list[dict],
    *,
    authority: dict,
    client: XAPIClient | None,
    conflicts: bool,
    user: User | None,
    attachments: dict[str, Part] | None = None,
) -> list[Statement]:
    """Store validated statements that all carry an id; returns the new rows.

    ``attachments``: checked parts, stored in the same transaction as the statements.

    ``conflicts``: a stored id with other content raises ``StatementConflict`` (the
    resource); otherwise a stored id is skipped whatever its content (the player).
    ``user``: the session's (or the event's) user, who may only void their own statements.
    """
    batch = {s["id"].lower(): s for s in statements}
    ids = [uuid.UUID(key) for key in batch]
    already, voided_by_stored = {}, set()
    # One query: the ids already stored, and voiding statements already aimed at this batch.
    found = Statement.objects.filter(
        Q(pk__in=ids) | Q(verb=VOIDED, object_id__in=list(batch))
    ).values_list("pk", "raw", "verb", "object_id")
    for pk, raw, verb, object_id in found:
        if str(pk) in batch:
            already[str(pk)] = raw
        if verb == VOIDED and object_id in batch:
            voided_by_stored.add(object_id)
    for key, raw in already.items():
        if conflicts and not _same_statement(batch[key], raw):
            raise StatementConflict(f"statement {key} is already stored with other content")
    new = {key: s for key, s in batch.items() if key not in already}
    voiding = {
        key: uuid.UUID(s["object"]["id"]) for key, s in new.items() if s["verb"]["id"] == VOIDED
    }
    stored_targets = _voiding_targets_check(voiding, new, user, authority) if voiding else set()
    voided_in_batch = {str(target) for target in voiding.values()} | voided_by_stored
    users = _users_by_actor(list(new.values()), user)

    now = timezone.now()
    rows = []
    for offset, (key, statement) in enumerate(new.items()):
        # A microsecond apart, so the batch keeps its order in "stored" time.
        stored = now + timedelta(microseconds=offset)
        raw = {**statement, "id": key, "stored": _iso(stored), "authority": authority}
        raw.setdefault("timestamp", raw["stored"])
        raw.setdefault("version", "1.0.0")
        account = statement["actor"].get("account", {})
        registration = statement.get("context", {}).get("registration")
        target = statement["object"]
        rows.append(
            Statement(
                id=uuid.UUID(key),
                user_id=users.get(account.get("name")) if account else None,
                actor=statement["actor"],
                verb=statement["verb"]["id"],
                object_id=_object_id(statement["object"]),
                object=statement["object"],
                result=statement.get("result"),
                context=statement.get("context"),
                registration=uuid.UUID(registration) if registration else None,
                timestamp=parse_timestamp(raw["timestamp"], "timestamp"),
                stored=stored,
                raw=raw,
                voided=key in voided_in_batch and statement["verb"]["id"] != VOIDED,
                client=client,
                target=target["id"] if target.get("objectType") == "StatementRef" else None,
                **statement_tokens(raw),
            )
        )
    try:
        Statement.objects.bulk_create(rows)
    except IntegrityError:
        # Another request stored one of these ids between our read and our write; raising
        # rolls this function's savepoint back, so the caller's transaction stays usable.
        raise StatementConflict("a statement id was stored concurrently; retry") from None
    if stored_targets:
        Statement.objects.filter(pk__in=stored_targets).exclude(verb=VOIDED).update(voided=True)
    if attachments:
        attachments_store(attachments)
    _enqueue_forwarding([row.pk for row in rows])
    return rows


def statements_store(
    *,
    statements: list[dict],
    client: XAPIClient | None = None,
    user: User | None = None,
    attachments: dict[str, Part] | None = None,
) -> list[uuid.UUID]:
    """Store statements sent to the resource by a client or a session; returns every id.

    A session's statements must be about itself: an omitted actor becomes the user's agent,
    any other actor is refused (403) — nothing is replaced silently. The same id twice in
    the batch is refused (400); an id already stored with the same content is accepted
    without change, with other content refused (409). ``stored`` and ``authority`` (the
    client, or for a session the user's own agent: Liaison vouches only for its own events)
    are set here. ``attachments``: the request's attachment parts by SHA-2 (multipart);
    each must belong to a statement, signatures must verify, and they are stored with the
    statements.
    """
    if (client is None) == (user is None):
        raise ValueError("statements_store needs exactly one of client and user")
    if user is not None:
        statements = [
            {**s, "actor": user_agent(user)} if isinstance(s, dict) and "actor" not in s else s
            for s in statements
        ]
    checked = _validated(statements)
    for index, statement in enumerate(checked):
        if user is not None and not _is_own_agent(statement["actor"], user):
            raise StatementForbidden(
                f"statements[{index}].actor: a session may only send its own statements"
            )
    attachments = attachments or {}
    attachments_check(checked, attachments)
    seen = set()
    for index, statement in enumerate(checked):
        if "id" not in statement:
            statement["id"] = str(uuid.uuid4())
        key = statement["id"].lower()
        if key in seen:
            raise StatementInvalid(f"statements[{index}].id", "the same id twice in one batch")
        seen.add(key)
    _statements_persist(
        checked,
        authority=client_agent(client) if client else user_agent(user),
        client=client,
        conflicts=True,
        user=user,
        attachments=attachments,
    )
    return [uuid.UUID(s["id"]) for s in checked]


def statements_receive_from_session(*, user: User, statements: list[dict]) -> list[Statement]:
    """Store what the H5P player sent for the logged-in ``user``; returns the new statements.

    The player's actor is never trusted: it is replaced by the user's agent, who is also the
    authority (never Liaison). Ids are kept
    when valid (else assigned); an id already stored, or repeated in the batch, is ignored
    as already stored. Invalid statements raise ``StatementInvalid`` and store nothing, as
    does a batch larger than the resource's (``defaults.BATCH_MAX``) or a value too deep,
    not finite or not storable (``jsonbody.json_value_check``): whatever parsed the body.
    """
    statements = statements_of(statements)
    json_value_check(statements)
    own = user_agent(user)
    received, seen = [], set()
    for statement in statements:
        if not isinstance(statement, dict):
            received.append(statement)
            continue
        statement = {**statement, "actor": own}
        if not is_uuid(statement.get("id")):
            statement["id"] = str(uuid.uuid4())
        if statement["id"].lower() in seen:
            continue
        seen.add(statement["id"].lower())
        received.append(statement)
    checked = _validated(received)
    attachments_check(checked, {})  # the player sends none; a fileUrl one needs no part
    # The trainee's own word, not Liaison's: only Liaison's own events carry its authority.
    return _statements_persist(checked, authority=own, client=None, conflicts=False, user=user)


def statement_record(
    *,
    user: User,
    verb: str,
    object_id: str,
    object_name: str,
    result: dict | None = None,
    context: dict | None = None,
    object_type: str | None = None,
    timestamp: str | None = None,
) -> Statement:
    """Record one of Liaison's own events (lesson completed, quiz graded …) as a statement.

    ``verb`` is an ADL verb IRI (see ``vocabulary``), ``object_id`` usually an
    ``activity_iri``; ``object_type`` the activity type IRI, when known. The object's name
    is in the content's own language, unknown here, hence the tag ``und``. ``timestamp``
    (ISO 8601): when the event happened, when it is recorded later; default: now.
    """
    definition = {"name": {"und": object_name}}
    if object_type:
        definition["type"] = object_type
    statement = {
        "id": str(uuid.uuid4()),
        "actor": user_agent(user),
        "verb": {"id": verb, "display": {"en-US": verb.rstrip("/").rsplit("/", 1)[-1]}},
        "object": {"objectType": "Activity", "id": object_id, "definition": definition},
    }
    if result is not None:
        statement["result"] = result
    if context is not None:
        statement["context"] = context
    if timestamp is not None:
        statement["timestamp"] = timestamp
    (stored,) = _statements_persist(
        _validated([statement]), authority=liaison_agent(), client=None, conflicts=True, user=user
    )
    return stored
