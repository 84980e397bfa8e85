"""The ``format`` of a GET's statements (xAPI 1.0.3 Communication 2.1.3): exact, ids, canonical.

``ids`` keeps only what identifies Agents, Groups, Activities and Verbs (an anonymous
Group by its members); ``canonical`` keeps one language of every language map in
Activities and Verbs, the one the request's ``Accept-Language`` prefers (Liaison keeps no
definition of an Activity apart from the statements, so a statement's own is canonical).
"""

from .validation import IFIS

_COMPONENT_LISTS = ("choices", "scale", "source", "target", "steps")


def accepted_languages(header: str) -> list[str]:
    """The tags of an ``Accept-Language`` header, most wanted first (``q=0`` left out)."""
    ranked = []
    for position, part in enumerate(header.split(",")):
        tag, *parameters = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, position, tag.lower()))
    return [tag for _, _, tag in sorted(ranked)]


def _one_language(language_map: dict, languages: list[str]) -> dict:
    if len(language_map) <= 1:
        return language_map
    by_tag = {tag.lower(): tag for tag in language_map}
    for wanted in languages:
        if wanted == "*":
            break
        if wanted in by_tag:
            return {by_tag[wanted]: language_map[by_tag[wanted]]}
        primary = wanted.split("-")[0]
        for lowered, tag in by_tag.items():
            if lowered.split("-")[0] == primary:
                return {tag: language_map[tag]}
    fallback = ("und", "en-us", "en")
    chosen = next((by_tag[tag] for tag in fallback if tag in by_tag), next(iter(language_map)))
    return {chosen: language_map[chosen]}


def _agent_ids(agent: dict) -> dict:
    kept = {"objectType": agent.get("objectType", "Agent")}
    identifiers = {key: agent[key] for key in IFIS if key in agent}
    if identifiers:
        return {**kept, **identifiers}
    return {**kept, "member": [_agent_ids(member) for member in agent.get("member", [])]}


def _activity(activity: dict, form: str, languages: list[str]) -> dict:
    if form == "ids":
        return {key: activity[key] for key in ("objectType", "id") if key in activity}
    if "definition" not in activity:
        return activity
    definition = dict(activity["definition"])
    for key in ("name", "description"):
        if key in definition:
            definition[key] = _one_language(definition[key], languages)
    for key in _COMPONENT_LISTS:
        if key in definition:
            definition[key] = [
                {**c, "description": _one_language(c["description"], languages)}
                if "description" in c
                else c
                for c in definition[key]
            ]
    return {**activity, "definition": definition}


def _object(target: dict, form: str, languages: list[str]) -> dict:
    object_type = target.get("objectType", "Activity")
    if object_type == "Activity":
        return _activity(target, form, languages)
    if object_type in ("Agent", "Group"):
        return _agent_ids(target) if form == "ids" else target
    if object_type == "SubStatement":
        return _statement(target, form, languages)
    return target


def _statement(statement: dict, form: str, languages: list[str]) -> dict:
    formatted = dict(statement)
    agent = _agent_ids if form == "ids" else (lambda value: value)
    formatted["actor"] = agent(statement["actor"])
    if "authority" in statement:
        formatted["authority"] = agent(statement["authority"])
    verb = statement["verb"]
    if form == "ids":
        formatted["verb"] = {"id": verb["id"]}
    elif "display" in verb:
        formatted["verb"] = {**verb, "display": _one_language(verb["display"], languages)}
    formatted["object"] = _object(statement["object"], form, languages)
    if "context" in statement:
        context = dict(statement["context"])
        for key in ("instructor", "team"):
            if key in context:
                context[key] = agent(context[key])
        if "contextActivities" in context:
            context["contextActivities"] = {
                key: [
                    _activity(activity, form, languages)
                    for activity in (activities if isinstance(activities, list) else [activities])
                ]
                for key, activities in context["contextActivities"].items()
            }
        formatted["context"] = context
    return formatted


def statement_formatted(statement: dict, *, form: str, languages: list[str]) -> dict:
    """The stored statement in the ``form`` asked (``exact`` gives it back unchanged)."""
    if form == "exact":
        return statement
    return _statement(statement, form, languages)
