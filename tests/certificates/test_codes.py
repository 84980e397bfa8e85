"""Verification codes: random, long enough, printed in groups, typed any reasonable way."""

import base64
import re

import pytest
from django.core.exceptions import ValidationError

from certificates.codes import CODE_LENGTH, code_display, code_new, code_normalise

BASE32 = re.compile(r"[A-Z2-7]{32}")


def test_a_new_code_is_32_base32_characters_carrying_160_random_bits():
    code = code_new()

    assert BASE32.fullmatch(code)
    assert len(base64.b32decode(code)) * 8 == 160


def test_codes_are_never_repeated_nor_sequential():
    codes = [code_new() for _ in range(500)]

    assert len(set(codes)) == len(codes)
    # Consecutive codes share no common prefix beyond chance (sequential ids would).
    assert sum(a[:4] == b[:4] for a, b in zip(codes, codes[1:], strict=False)) < 5


def test_the_printed_form_is_eight_groups_of_four():
    code = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

    assert code_display(code) == "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"


@pytest.mark.parametrize(
    "typed",
    [
        "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567",
        "abcd-efgh-ijkl-mnop-qrst-uvwx-yz23-4567",
        "ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567",
        "  abcdefghijklmnopqrstuvwxyz234567  ",
        "ABCD–EFGH—IJKL-MNOP-QRST-UVWX-YZ23-4567",
    ],
    ids=["grouped", "lowercase", "spaces", "padded", "typographic-dashes"],
)
def test_spaces_dashes_and_lowercase_are_normalised(typed):
    assert code_normalise(typed) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def test_digits_base32_leaves_out_are_read_as_the_letters_they_look_like():
    assert code_normalise("08CD-EFGH-1JKL-MNOP-QRST-UVWX-YZ23-4567") == (
        "OBCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    )


@pytest.mark.parametrize(
    ("typed", "error_code"),
    [
        ("", "empty"),
        ("  - -  ", "empty"),
        ("ABCD-EFGH", "length"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ2345678", "length"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ23456", "length"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ23456!", "alphabet"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ23456É", "alphabet"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ23456/", "alphabet"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ23456'", "alphabet"),
    ],
)
def test_malformed_codes_are_refused_with_the_reason(typed, error_code):
    with pytest.raises(ValidationError) as caught:
        code_normalise(typed)

    assert caught.value.code == error_code


def test_the_length_message_says_how_long_a_code_is():
    with pytest.raises(ValidationError, match=f"{CODE_LENGTH} letters and digits"):
        code_normalise("ABCD-EFGH")
