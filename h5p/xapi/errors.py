"""Errors of the statements resource, each with the HTTP status it answers with.

They subclass Django's own exceptions where one fits, so callers outside the resource (the
H5P player's endpoint) can catch ``ValidationError`` and ``PermissionDenied`` as usual.
The messages are for machines (tools and LRSs), so they stay in English.
"""

from http import HTTPStatus

from django.core.exceptions import PermissionDenied, ValidationError


class StatementInvalid(ValidationError):
    """A statement, or a request parameter, breaks an xAPI rule; ``field`` names where."""

    status = HTTPStatus.BAD_REQUEST

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}", code="invalid_statement")
        self.field = field
        self.detail = message

    def at(self, prefix: str) -> "StatementInvalid":
        """The same error with the field path prefixed (``statements[3].`` + field)."""
        return StatementInvalid(f"{prefix}{self.field}", self.detail)


class StatementConflict(Exception):
    """A statement id is already stored with other content (409)."""

    status = HTTPStatus.CONFLICT


class StatementForbidden(PermissionDenied):
    """The credentials are valid but do not allow this (403)."""

    status = HTTPStatus.FORBIDDEN


class Unauthenticated(Exception):
    """No usable credentials (401, with a WWW-Authenticate challenge)."""

    status = HTTPStatus.UNAUTHORIZED
