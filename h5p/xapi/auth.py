"""Who calls the statements resource: an xAPI client (HTTP Basic) or a logged-in session.

Client secrets are made by the server and kept as a SHA-256 digest (see ``XAPIClient``);
``client_credentials_issue`` is the one way Liaison sets one.
"""

import base64
import binascii
import hmac
import secrets
from dataclasses import dataclass

from django.middleware.csrf import CsrfViewMiddleware

from ..models import XAPIClient
from .errors import StatementForbidden, Unauthenticated

_UNKNOWN_KEY_DIGEST = XAPIClient.secret_digest("no such client")


@dataclass(frozen=True)
class Caller:
    """Whoever sent the request: exactly one of ``client`` and ``user`` is set."""

    client: XAPIClient | None = None
    user: object | None = None


def client_credentials_issue(client: XAPIClient) -> str:
    """Give the client a key (when it has none) and a new secret; returns the secret.

    Only the digest is kept: the caller shows the secret once and forgets it.
    """
    if not client.key:
        client.key = secrets.token_hex(10)
    secret = secrets.token_urlsafe(32)
    client.set_secret(secret)
    return secret


def _basic_credentials(header: str) -> tuple[str, str]:
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        raise Unauthenticated("use HTTP Basic authentication")
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        raise Unauthenticated("malformed Basic credentials") from None
    key, separator, secret = decoded.partition(":")
    if not separator:
        raise Unauthenticated("malformed Basic credentials")
    return key, secret


def client_authenticate(header: str) -> XAPIClient:
    """The active client whose key and secret the Authorization header carries."""
    key, secret = _basic_credentials(header)
    client = XAPIClient.objects.filter(key=key).first()
    if client is None:
        # Compare anyway, so an unknown key takes as long as a wrong secret.
        hmac.compare_digest(_UNKNOWN_KEY_DIGEST, XAPIClient.secret_digest(secret))
        raise Unauthenticated("unknown key or wrong secret")
    if not client.check_secret(secret):
        raise Unauthenticated("unknown key or wrong secret")
    if not client.is_active:
        raise StatementForbidden("this client is disabled")
    return client


def _csrf_failure(request) -> str | None:
    """Django's own CSRF check, run for session callers of this csrf-exempt view."""

    class Check(CsrfViewMiddleware):
        def _reject(self, request, reason):
            return reason

    check = Check(lambda request: None)
    check.process_request(request)
    return check.process_view(request, None, (), {})


def caller_identify(request) -> Caller:
    """Basic credentials when sent, else the session; unsafe session requests need CSRF."""
    header = request.META.get("HTTP_AUTHORIZATION")
    if header:
        return Caller(client=client_authenticate(header))
    if request.user.is_authenticated:
        if request.method not in ("GET", "HEAD") and _csrf_failure(request):
            raise StatementForbidden("CSRF verification failed")
        return Caller(user=request.user)
    raise Unauthenticated("credentials required")
