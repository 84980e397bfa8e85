"""Statement attachments (xAPI 1.0.3 Data 2.4.11, Communication 1.5.2): multipart/mixed in
and out, each part's SHA-2 checked, the content stored once per digest.

A request with attachments is ``multipart/mixed``: the first part the statements
(``application/json``), every other part one attachment's raw content with the headers
``X-Experience-API-Hash`` (its SHA-2) and ``Content-Transfer-Encoding: binary``. An
attachment with a ``fileUrl`` needs no part. Contents go to the default storage under
``xapi-attachments/`` (``XAPIAttachment``), never a public path: a web server serving
MEDIA_ROOT must deny it; the resource serves them to whoever may read the statement.
"""

import hashlib
import secrets
from dataclasses import dataclass
from http import HTTPStatus

from django.core.files.base import ContentFile
from django.http import HttpResponse

from ..models import XAPIAttachment
from .errors import StatementInvalid
from .signatures import signature_verify
from .validation import SIGNATURE

_DIGESTS = {56: hashlib.sha224, 64: hashlib.sha256, 96: hashlib.sha384, 128: hashlib.sha512}


@dataclass(frozen=True)
class Part:
    """One attachment part of a multipart request."""

    content_type: str
    content: bytes


def _parameters(header: str) -> tuple[str, dict[str, str]]:
    media_type, *pieces = header.split(";")
    parameters = {}
    for piece in pieces:
        name, _, value = piece.strip().partition("=")
        parameters[name.strip().lower()] = value.strip().strip('"')
    return media_type.strip().lower(), parameters


def _headers(block: bytes) -> dict[str, str]:
    headers = {}
    for line in block.decode("latin-1").split("\r\n"):
        if not line.strip():
            continue
        name, separator, value = line.partition(":")
        if not separator:
            raise StatementInvalid("body", "a multipart part has a malformed header")
        headers[name.strip().lower()] = value.strip()
    return headers


def multipart_parse(body: bytes, content_type: str) -> tuple[bytes, dict[str, Part]]:
    """The statements' JSON (first part) and the attachment parts by lowercased SHA-2."""
    _, parameters = _parameters(content_type)
    boundary = parameters.get("boundary", "").encode("latin-1")
    if not boundary:
        raise StatementInvalid("Content-Type", "multipart/mixed needs a boundary")
    sections = (b"\r\n" + body).split(b"\r\n--" + boundary)
    if len(sections) < 3 or not sections[-1].startswith(b"--"):
        raise StatementInvalid("body", "is not multipart/mixed with the given boundary")
    parts = []
    for section in sections[1:-1]:
        _padding, newline, rest = section.partition(b"\r\n")
        head, separator, content = rest.partition(b"\r\n\r\n")
        if not newline or not separator:
            raise StatementInvalid("body", "a multipart part has no headers")
        parts.append((_headers(head), content))
    (first_headers, statements), *attachment_parts = parts
    if _parameters(first_headers.get("content-type", ""))[0] != "application/json":
        raise StatementInvalid("body", "the first part must be the statements, application/json")
    by_hash = {}
    for headers, content in attachment_parts:
        digest = headers.get("x-experience-api-hash", "").lower()
        if not digest:
            raise StatementInvalid("X-Experience-API-Hash", "every attachment part needs one")
        if headers.get("content-transfer-encoding", "").lower() != "binary":
            raise StatementInvalid("Content-Transfer-Encoding", "must be binary")
        algorithm = _DIGESTS.get(len(digest))
        if algorithm is None or algorithm(content).hexdigest() != digest:
            raise StatementInvalid("X-Experience-API-Hash", "does not match the part's content")
        by_hash[digest] = Part(headers.get("content-type", "application/octet-stream"), content)
    return statements, by_hash


def attachments_check(statements: list[dict], parts: dict[str, Part]) -> None:
    """Every attachment without a ``fileUrl`` has its part, every part an attachment, and
    every signature verifies (Data 2.4.11, 2.6). ``statements`` are validated."""
    wanted = set()
    for index, statement in enumerate(statements):
        for number, attachment in enumerate(statement.get("attachments", [])):
            field = f"statements[{index}].attachments[{number}]"
            digest = attachment["sha2"].lower()
            if digest in parts:
                wanted.add(digest)
            elif "fileUrl" not in attachment or attachment["usageType"] == SIGNATURE:
                raise StatementInvalid(f"{field}.sha2", "no part of the request has this hash")
            if attachment["usageType"] == SIGNATURE:
                signature_verify(statement, parts[digest].content, field=field)
    if set(parts) - wanted:
        raise StatementInvalid("body", "a part is no statement's attachment")


def attachments_store(parts: dict[str, Part]) -> None:
    """Store each part's content once, under its digest (a digest already stored is kept)."""
    known = set(XAPIAttachment.objects.filter(sha2__in=parts).values_list("sha2", flat=True))
    for digest, part in parts.items():
        if digest in known:
            continue
        attachment = XAPIAttachment(
            sha2=digest, content_type=part.content_type, length=len(part.content)
        )
        attachment.file.save(digest, ContentFile(part.content), save=False)
        attachment.save()


def multipart_body(document: bytes, statements: list[dict]) -> tuple[bytes, str]:
    """The JSON, then every stored attachment the statements name, each once; and the
    Content-Type that names the boundary (Communication 1.5.2)."""
    digests = {
        attachment["sha2"].lower()
        for statement in statements
        for attachment in statement.get("attachments", [])
        if isinstance(attachment, dict) and isinstance(attachment.get("sha2"), str)
    }
    boundary = secrets.token_hex(16).encode()
    chunks = [b"--" + boundary, b"Content-Type: application/json", b"", document]
    for attachment in XAPIAttachment.objects.filter(sha2__in=digests).order_by("sha2"):
        with attachment.file.open("rb") as stored:
            content = stored.read()
        chunks += [
            b"--" + boundary,
            f"Content-Type: {attachment.content_type}".encode("latin-1", "replace"),
            b"Content-Transfer-Encoding: binary",
            f"X-Experience-API-Hash: {attachment.sha2}".encode(),
            b"",
            content,
        ]
    chunks.append(b"--" + boundary + b"--")
    return b"\r\n".join(chunks), f"multipart/mixed; boundary={boundary.decode()}"


def multipart_response(document: bytes, statements: list[dict]) -> HttpResponse:
    """The answer of ``attachments=true`` (Communication 2.1.3): always multipart."""
    body, content_type = multipart_body(document, statements)
    return HttpResponse(body, status=HTTPStatus.OK, content_type=content_type)


def has_raw_attachments(statements: list[dict]) -> bool:
    """Whether any statement carries an attachment sent as content, not only as fileUrl."""
    return any(
        "fileUrl" not in attachment or attachment.get("usageType") == SIGNATURE
        for statement in statements
        for attachment in statement.get("attachments", [])
    )
