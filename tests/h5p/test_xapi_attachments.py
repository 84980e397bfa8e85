"""Attachments and signed statements (xAPI 1.0.3 Data 2.4.11, 2.6; Communication 1.5.2),
sent as TinCanJS and the ADL conformance suite send them: multipart/mixed, CRLF lines."""

import base64
import datetime
import hashlib
import json
import uuid
from http import HTTPStatus

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import NameOID
from django.core.files.storage import default_storage

from cms.storage import private_storage
from h5p.models import Statement, XAPIAttachment
from h5p.xapi.validation import SIGNATURE
from tests.factories.h5p import XAPI_URL, statement, xapi_client_create, xapi_post

TEXT = b"Here is a simple attachment\r\n--not-a-boundary\r\n"
BOUNDARY = "-------314159265358979323846"


@pytest.fixture
def headers(db):
    return xapi_client_create()[1]


def sha(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def attachment(content: bytes, **changes) -> dict:
    return {
        "usageType": "http://example.com/attachment-usage/test",
        "display": {"en-US": "A test attachment"},
        "description": {"en-US": "A test attachment (description)"},
        "contentType": "text/plain; charset=ascii",
        "length": len(content),
        "sha2": sha(content),
        **changes,
    }


def multipart(document, *parts, first_type="application/json", boundary=BOUNDARY) -> bytes:
    """``parts``: (content, headers) pairs after the JSON part."""
    lines = [f"--{boundary}".encode(), f"Content-Type: {first_type}".encode(), b""]
    lines.append(json.dumps(document).encode())
    for content, headers in parts:
        lines.append(f"--{boundary}".encode())
        lines += [f"{name}: {value}".encode() for name, value in headers.items()]
        lines += [b"", content]
    lines.append(f"--{boundary}--".encode())
    return b"\r\n".join(lines)


def part(content: bytes, **changes) -> tuple[bytes, dict]:
    headers = {
        "Content-Type": "text/plain",
        "Content-Transfer-Encoding": "binary",
        "X-Experience-API-Hash": sha(content),
        **changes,
    }
    return content, {k: v for k, v in headers.items() if v is not None}


def post_multipart(client, body: bytes, headers, boundary=BOUNDARY, method="post", query=""):
    send = getattr(client, method)
    return send(
        f"{XAPI_URL}{query}",
        body,
        content_type=f'multipart/mixed; boundary="{boundary}"',
        **headers,
    )


class TestAttachments:
    def test_data_2_4_11_a_raw_attachment_is_stored_and_returned_with_attachments_true(
        self, client, headers
    ):
        """Communication 1.5.2 / 2.1.3: stored by SHA-2, returned as multipart/mixed."""
        body = multipart(statement(attachments=[attachment(TEXT)]), part(TEXT))

        response = post_multipart(client, body, headers)

        assert response.status_code == HTTPStatus.OK, response.content
        (statement_id,) = response.json()
        stored = XAPIAttachment.objects.get()
        assert stored.sha2 == sha(TEXT) and stored.length == len(TEXT)
        assert stored.file.name.startswith("xapi-attachments/")
        # Private: in the storage without URLs, never where a web server serves media.
        assert private_storage().exists(stored.file.name)
        assert not default_storage.exists(stored.file.name)
        got = client.get(XAPI_URL, {"statementId": statement_id, "attachments": "true"}, **headers)
        assert got["Content-Type"].startswith("multipart/mixed; boundary=")
        boundary = got["Content-Type"].split("boundary=")[1].encode()
        assert got.content.count(b"--" + boundary) == 3
        assert f"X-Experience-API-Hash: {sha(TEXT)}".encode() in got.content
        assert b"\r\n\r\n" + TEXT + b"\r\n--" + boundary + b"--" in got.content
        document = got.content.split(b"\r\n\r\n", 1)[1].split(b"\r\n--" + boundary)[0]
        assert json.loads(document)["id"] == statement_id

    def test_a_statement_result_with_attachments_true_lists_each_attachment_once(
        self, client, headers
    ):
        """Communication 2.1.3 attachments=true: each attachment part once (by SHA-2)."""
        for _ in range(2):
            body = multipart(statement(attachments=[attachment(TEXT)]), part(TEXT))
            assert post_multipart(client, body, headers).status_code == HTTPStatus.OK

        got = client.get(XAPI_URL, {"attachments": "true"}, **headers)

        assert got.content.count(sha(TEXT).encode()) == 2 + 1  # in 2 statements, 1 part
        assert XAPIAttachment.objects.count() == 1

    def test_data_2_4_11_a_file_url_attachment_needs_no_part_and_json_is_enough(
        self, client, headers
    ):
        """Data 2.4.11: fileUrl attachments may be sent as application/json."""
        listed = attachment(TEXT, fileUrl="http://example.com/file.txt")

        response = xapi_post(client, statement(attachments=[listed]), headers)

        assert response.status_code == HTTPStatus.OK
        assert not XAPIAttachment.objects.exists()

    def test_a_put_with_an_attachment(self, client, headers):
        """Communication 1.5.2: PUT takes multipart/mixed like POST."""
        statement_id = str(uuid.uuid4())
        body = multipart(statement(attachments=[attachment(TEXT)]), part(TEXT))

        response = post_multipart(
            client, body, headers, method="put", query=f"?statementId={statement_id}"
        )

        assert response.status_code == HTTPStatus.NO_CONTENT
        assert XAPIAttachment.objects.get().sha2 == sha(TEXT)

    @pytest.mark.parametrize(
        "case",
        [
            "raw attachment sent as application/json (XAPI-00129)",
            "part hash does not match its content (XAPI-00132)",
            "part without X-Experience-API-Hash (XAPI-00132)",
            "part hash names no attachment, excess part (XAPI-00128)",
            "part without Content-Transfer-Encoding binary (XAPI-00135)",
            "first part not application/json (XAPI-00134)",
            "no boundary in the Content-Type (XAPI-00131)",
            "body without the boundary (XAPI-00130)",
            "multipart/form-data (XAPI-00127)",
        ],
    )
    def test_communication_1_5_2_malformed_attachment_requests_are_400(
        self, client, headers, case
    ):
        """Communication 1.5.2 and Data 2.4.11: each malformed request is 400, none stored."""
        document = statement(attachments=[attachment(TEXT)])
        if case.startswith("raw attachment"):
            response = xapi_post(client, document, headers)
        elif case.startswith("part hash does not"):
            body = multipart(document, part(TEXT + b"!", **{"X-Experience-API-Hash": sha(TEXT)}))
            response = post_multipart(client, body, headers)
        elif case.startswith("part without X-"):
            body = multipart(document, part(TEXT, **{"X-Experience-API-Hash": None}))
            response = post_multipart(client, body, headers)
        elif case.startswith("part hash names"):
            body = multipart(document, part(TEXT), part(b"other"))
            response = post_multipart(client, body, headers)
        elif case.startswith("part without Content-Transfer"):
            body = multipart(document, part(TEXT, **{"Content-Transfer-Encoding": None}))
            response = post_multipart(client, body, headers)
        elif case.startswith("first part"):
            body = multipart(document, part(TEXT), first_type="text/plain")
            response = post_multipart(client, body, headers)
        elif case.startswith("no boundary"):
            body = multipart(document, part(TEXT))
            response = client.post(XAPI_URL, body, content_type="multipart/mixed", **headers)
        elif case.startswith("body without"):
            body = multipart(document, part(TEXT), boundary="something-else")
            response = post_multipart(client, body, headers)
        else:
            body = multipart(document, part(TEXT))
            response = client.post(
                XAPI_URL, body, content_type=f"multipart/form-data; boundary={BOUNDARY}", **headers
            )

        assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
        assert response.json()["error"]
        assert not Statement.objects.exists() and not XAPIAttachment.objects.exists()

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"usageType": "not an iri"}, "usageType"),
            ({"display": "A test"}, "display"),
            ({"contentType": 12}, "contentType"),
            ({"length": "12"}, "length"),
            ({"sha2": 12}, "sha2"),
            ({"fileUrl": "not a url"}, "fileUrl"),
        ],
    )
    def test_data_2_4_11_attachment_properties_are_checked(self, client, headers, changes, field):
        """Data 2.4.11 (XAPI-00102 to 00107): each property's type."""
        document = statement(attachments=[attachment(TEXT, **changes)])

        response = post_multipart(client, multipart(document, part(TEXT)), headers)

        assert response.status_code == HTTPStatus.BAD_REQUEST
        assert response.json()["field"] == f"statements[0].attachments[0].{field}"


def _key_and_certificate():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "xAPI test signer")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return key, certificate


KEY, CERTIFICATE = _key_and_certificate()
OTHER_KEY, _ = _key_and_certificate()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jws(payload, *, alg="RS256", key=KEY, x5c=True, header=None) -> bytes:
    """A compact JWS of ``payload`` as a signing client (TinCanJS, the conformance suite)
    makes it."""
    header = header or {"alg": alg, **({"x5c": [base64.b64encode(
        CERTIFICATE.public_bytes(Encoding.DER)).decode()]} if x5c else {})}  # fmt: skip
    signed = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(payload).encode())}"
    algorithm = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}.get(
        alg, hashes.SHA256
    )
    signature = key.sign(signed.encode(), padding.PKCS1v15(), algorithm())
    return f"{signed}.{_b64(signature)}".encode()


def signed_request(document: dict, signature: bytes, **attachment_changes) -> bytes:
    described = attachment(signature, **{
        "usageType": SIGNATURE, "contentType": "application/octet-stream", **attachment_changes,
    })  # fmt: skip
    return multipart(
        {**document, "attachments": [described]},
        part(signature, **{"Content-Type": "application/octet-stream"}),
    )


class TestSignedStatements:
    @pytest.mark.parametrize("alg", ["RS256", "RS384", "RS512"])
    def test_data_2_6_a_statement_signed_with_rs256_384_512_is_accepted(
        self, client, headers, alg
    ):
        """Data 2.6 (XAPI-00117): RS256, RS384, RS512 verify against the x5c certificate."""
        document = statement(id=str(uuid.uuid4()), timestamp="2026-01-05T10:00:00Z")

        body = signed_request(document, jws(document, alg=alg))
        response = post_multipart(client, body, headers)

        assert response.status_code == HTTPStatus.OK, response.content
        assert Statement.objects.get().raw["attachments"][0]["usageType"] == SIGNATURE

    def test_data_2_6_a_signature_without_certificate_is_checked_for_form_and_payload(
        self, client, headers
    ):
        """Data 2.6: without x5c the LRS can only check the JWS and its payload."""
        document = statement()

        response = post_multipart(client, signed_request(document, jws(document, x5c=False)),
                                  headers)  # fmt: skip

        assert response.status_code == HTTPStatus.OK, response.content

    def test_data_2_6_lrs_set_properties_do_not_break_the_comparison(self, client, headers):
        """Data 2.6: differences the LRS makes (id, context activities as lists) are ignored."""
        document = statement(context={"contextActivities": {"parent": {"id": "http://x.org/p"}}})

        response = post_multipart(client, signed_request(document, jws(document)), headers)

        assert response.status_code == HTTPStatus.OK, response.content

    @pytest.mark.parametrize(
        "case",
        [
            "another algorithm, HS256 (XAPI-00117)",
            "an algorithm that is an object",
            "an x5c that is not a certificate",
            "payload is not JSON (XAPI-00116)",
            "payload is another statement (XAPI-00116)",
            "not a JWS (XAPI-00115)",
            "signature by another key than the certificate's",
            "content type not application/octet-stream (XAPI-00115)",
            "signature attachment without its part (XAPI-00115)",
        ],
    )
    def test_data_2_6_malformed_or_wrong_signatures_are_400(self, client, headers, case):
        """Data 2.6: a malformed signature is 400 with a message, and nothing is stored."""
        document = statement(id=str(uuid.uuid4()))
        changes = {}
        if case.startswith("another algorithm"):
            signature = jws(document, header={"alg": "HS256"})
        elif case.startswith("an algorithm that"):
            signature = jws(document, header={"alg": {"name": "RS256"}})
        elif case.startswith("an x5c"):
            signature = jws(document, header={"alg": "RS256", "x5c": "not base64!"})
        elif case.startswith("payload is not JSON"):
            signature = jws(document)
            head, _payload, tail = signature.split(b".")
            signature = b".".join([head, _b64(b"{'id': 1}").encode(), tail])
        elif case.startswith("payload is another"):
            signature = jws({**document, "verb": {"id": "http://x.org/other"}})
        elif case.startswith("not a JWS"):
            signature = b"this is not a signature"
        elif case.startswith("signature by another"):
            signature = jws(document, key=OTHER_KEY)
        elif case.startswith("content type"):
            signature = jws(document)
            changes = {"contentType": "text/plain; charset=ascii"}
        else:
            signature = jws(document)
            body = json.dumps({**document, "attachments": [attachment(
                signature, usageType=SIGNATURE, contentType="application/octet-stream",
                fileUrl="http://x.org/sig")]})  # fmt: skip
            response = client.post(XAPI_URL, body, content_type="application/json", **headers)
        if not case.startswith("signature attachment without"):
            response = post_multipart(client, signed_request(document, signature, **changes),
                                      headers)  # fmt: skip

        assert response.status_code == HTTPStatus.BAD_REQUEST, response.content
        assert response.json()["error"]
        assert not Statement.objects.exists()
