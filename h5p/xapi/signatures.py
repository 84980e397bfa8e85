"""Signed statements (xAPI 1.0.3 Data 2.6): the JWS a statement carries as an attachment.

The LRS checks that the signature is a well-formed JWS (compact serialisation) with
algorithm RS256, RS384 or RS512, that its payload is the statement as it was before the
signature was attached (differences the LRS itself makes aside), and, when its header
carries an X.509 certificate (``x5c``), that the certificate's key made the signature.
"""

import base64
import binascii
import json

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from .errors import StatementInvalid
from .validation import context_activities_listed, statement_comparable

_HASHES = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}
# Properties the LRS sets or the signing adds: left out of the comparison (Data 2.6).
_IGNORED = ("id", "stored", "authority", "version", "attachments")


def _decoded(segment: str, field: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError):
        raise StatementInvalid(field, "the signature is not a JWS") from None


def _comparable(statement: dict, *, keep_timestamp: bool) -> dict:
    listed = context_activities_listed(statement)
    return statement_comparable(listed, keep_timestamp=keep_timestamp, ignored=_IGNORED)


def signature_verify(statement: dict, jws: bytes, *, field: str) -> None:
    """Refuse (400) a signature that is malformed, of another algorithm, or not of this
    statement; verify it with the ``x5c`` certificate when there is one."""
    try:
        header_part, payload_part, signature_part = jws.decode("ascii").strip().split(".")
    except (UnicodeDecodeError, ValueError):
        raise StatementInvalid(field, "the signature is not a compact JWS") from None
    try:
        header = json.loads(_decoded(header_part, field))
        payload = json.loads(_decoded(payload_part, field))
    except (ValueError, RecursionError):
        raise StatementInvalid(field, "the signature's header or payload is not JSON") from None
    if not isinstance(header, dict) or not isinstance(header.get("alg"), str) or (
        header["alg"] not in _HASHES
    ):
        raise StatementInvalid(field, "the signature's algorithm must be RS256, RS384 or RS512")
    if not isinstance(payload, dict):
        raise StatementInvalid(field, "the signature's payload is not a statement")
    if "id" in payload and str(payload["id"]).lower() != str(statement.get("id", "")).lower():
        raise StatementInvalid(field, "the signature is of another statement")
    try:
        keep = "timestamp" in payload
        same = _comparable(payload, keep_timestamp=keep) == _comparable(
            statement, keep_timestamp=keep
        )
    except (StatementInvalid, KeyError, TypeError, AttributeError):
        same = False
    if not same:
        raise StatementInvalid(field, "the signed payload differs from the statement")
    if "x5c" in header:
        _verify_with_certificate(header, f"{header_part}.{payload_part}", signature_part, field)


def _verify_with_certificate(header: dict, signed: str, signature: str, field: str) -> None:
    chain = header["x5c"]
    try:
        der = base64.b64decode(chain[0], validate=True)
        key = x509.load_der_x509_certificate(der).public_key()
    except (TypeError, KeyError, IndexError, ValueError, binascii.Error):
        raise StatementInvalid(field, "the signature's x5c certificate cannot be read") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise StatementInvalid(field, "the signature's certificate is not an RSA key")
    try:
        key.verify(
            _decoded(signature, field),
            signed.encode("ascii"),
            padding.PKCS1v15(),
            _HASHES[header["alg"]](),
        )
    except InvalidSignature:
        raise StatementInvalid(field, "the signature does not match its certificate") from None
