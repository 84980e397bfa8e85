"""The ADL verbs Liaison uses, and the IRIs it gives its own agents and activities."""

from django.conf import settings

ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
VOIDED = ADL_VERBS + "voided"
COMPLETED = ADL_VERBS + "completed"
PASSED = ADL_VERBS + "passed"
FAILED = ADL_VERBS + "failed"
SCORED = ADL_VERBS + "scored"
ATTENDED = ADL_VERBS + "attended"


def base_url() -> str:
    """The site's own address, the ``homePage`` of every Liaison account agent."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def activity_iri(kind: str, pk) -> str:
    """The IRI of a Liaison object (``lesson``, ``course``, ``session``, ``quiz`` …)."""
    return f"{base_url()}/xapi/activities/{kind}/{pk}"


def user_agent(user) -> dict:
    """The user as an xAPI Agent: an account named by the pseudonym, never by the email.

    The pseudonym is a random UUID that stays when the person erases their account, so the
    statements of an erased user stay together. The person's name is never written into a
    statement: statements are forwarded to other systems, and an erased account must leave
    no name behind in them.
    """
    return {
        "objectType": "Agent",
        "account": {"homePage": base_url(), "name": str(user.pseudonym)},
    }


def liaison_agent() -> dict:
    """Liaison itself: the authority of statements from sessions and of its own events."""
    return {
        "objectType": "Agent",
        "name": "Liaison",
        "account": {"homePage": base_url(), "name": "liaison"},
    }


def client_agent(client) -> dict:
    """An xAPI client as the authority of the statements it posts."""
    return {
        "objectType": "Agent",
        "name": client.name,
        "account": {"homePage": f"{base_url()}/xapi/clients", "name": client.key},
    }
