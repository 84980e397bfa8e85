"""What a stored statement is indexed by, for the GET filters of xAPI 1.0.3 (Communication 2.1.3).

Agents and activities are kept as short tokens (a digest of the agent's identifier or of
the activity's IRI), space-separated with a space at each end, so one ``contains`` lookup
finds " <token> " on any database: ``agent`` matches the actor and the object (and their
Groups' members), ``related_agents`` also the authority, the context's instructor and team
and the same inside a SubStatement, ``related_activities`` the object, every context
activity and the same inside a SubStatement. A digest makes every token the same length
and lowercase, so SQLite's case-insensitive LIKE cannot match two different identifiers.
"""

import functools
import hashlib

from .validation import IFIS


@functools.lru_cache(maxsize=4096)
def _token(text: str) -> str:
    # A batch names the same few agents and activities again and again.
    return hashlib.blake2b(text.encode(), digest_size=10).hexdigest()


def agent_token(agent: dict) -> str | None:
    """The token of an Agent's or identified Group's identifier; None when it has none."""
    for ifi in IFIS:
        if ifi in agent:
            value = agent[ifi]
            if ifi == "account":
                value = f"{value.get('homePage')}\n{value.get('name')}"
            return _token(f"{ifi}\n{value}")
    return None


def activity_token(iri: str) -> str:
    """The token of an activity IRI."""
    return _token(f"activity\n{iri}")


def _agent_tokens(agent, tokens: set[str]) -> None:
    if not isinstance(agent, dict) or agent.get("objectType") in ("StatementRef", "SubStatement"):
        return
    if agent.get("objectType", "Agent") not in ("Agent", "Group"):
        return
    if token := agent_token(agent):
        tokens.add(token)
    for member in agent.get("member", []) if agent.get("objectType") == "Group" else []:
        if token := agent_token(member):
            tokens.add(token)


def _joined(tokens: set[str]) -> str:
    return f" {' '.join(sorted(tokens))} " if tokens else ""


def _context_activities(context: dict | None) -> list[dict]:
    listed = (context or {}).get("contextActivities", {})
    return [activity for activities in listed.values() for activity in activities]


def _related(statement: dict, agents: set[str], activities: set[str]) -> None:
    target = statement["object"]
    _agent_tokens(statement["actor"], agents)
    if target.get("objectType", "Activity") == "Activity":
        activities.add(activity_token(target["id"]))
    else:
        _agent_tokens(target, agents)
    context = statement.get("context") or {}
    _agent_tokens(context.get("instructor"), agents)
    _agent_tokens(context.get("team"), agents)
    activities.update(activity_token(a["id"]) for a in _context_activities(context))
    if target.get("objectType") == "SubStatement":
        _related(target, agents, activities)


def statement_tokens(statement: dict) -> dict[str, str]:
    """The ``agents``, ``related_agents`` and ``related_activities`` columns of a statement.

    ``statement`` is validated, with ``authority`` set and context activities as lists.
    """
    agents: set[str] = set()
    _agent_tokens(statement["actor"], agents)
    if statement["object"].get("objectType") in ("Agent", "Group"):
        _agent_tokens(statement["object"], agents)
    related_agents: set[str] = set()
    related_activities: set[str] = set()
    _related(statement, related_agents, related_activities)
    _agent_tokens(statement.get("authority"), related_agents)
    return {
        "agents": _joined(agents),
        "related_agents": _joined(related_agents),
        "related_activities": _joined(related_activities),
    }
