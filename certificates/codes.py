"""Verification codes: 160 random bits written in base32, printed in groups of four.

A code is never derived from an id or a date: ``secrets.token_bytes`` gives 20 random bytes,
which base32 (RFC 4648, letters A–Z and digits 2–7) writes as exactly 32 characters with no
padding. It is stored in that compact form and printed as eight groups of four joined by
dashes (``ABCD-EFGH-…``).

What people type is normalised before any database query: spaces and dashes are dropped,
letters are uppercased, and the three characters base32 leaves out because they look like
letters are read as those letters: ``0`` → ``O``, ``1`` → ``I``, ``8`` → ``B``. Anything else
of the wrong length or outside the alphabet is refused with a message that says so.
"""

import base64
import re
import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CODE_BYTES = 20
CODE_LENGTH = 32  # 20 bytes × 8 bits / 5 bits per base32 character
GROUP_SIZE = 4

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―]+")
_CONFUSIONS = str.maketrans({"0": "O", "1": "I", "8": "B"})
_ALPHABET = re.compile(r"[A-Z2-7]+")


def code_new() -> str:
    """A fresh code in its stored form: 32 characters of base32, no padding."""
    return base64.b32encode(secrets.token_bytes(CODE_BYTES)).decode("ascii")


def code_display(code: str) -> str:
    """The printed form: groups of four joined by dashes."""
    return "-".join(code[i : i + GROUP_SIZE] for i in range(0, len(code), GROUP_SIZE))


def code_normalise(raw: str) -> str:
    """The stored form of a code as somebody typed it, or ValidationError saying what is wrong.

    Codes: ``empty``, ``alphabet`` (a character that is in no code) and ``length``.
    """
    code = _SEPARATORS.sub("", raw or "").upper().translate(_CONFUSIONS)
    if not code:
        raise ValidationError(_("Enter the code printed on the certificate."), code="empty")
    if not _ALPHABET.fullmatch(code):
        raise ValidationError(
            _(
                "A certificate code contains only the letters A to Z and the digits 2 to 7. "
                "Check the code printed under the QR code."
            ),
            code="alphabet",
        )
    if len(code) != CODE_LENGTH:
        raise ValidationError(
            _(
                "A certificate code has %(expected)d letters and digits (eight groups of "
                "four); this one has %(length)d."
            )
            % {"expected": CODE_LENGTH, "length": len(code)},
            code="length",
        )
    return code
