"""JSON as xAPI clients and the H5P player send it, read without letting any body cause a 500.

``json_parse`` is the one way a request body becomes statements: it refuses what is not
JSON, NaN and Infinity (Python's ``json`` accepts them, JSON does not), numbers too large to
be finite, nesting deeper than ``defaults.JSON_DEPTH_MAX`` (which would otherwise end in a
``RecursionError`` while parsing or storing), and strings PostgreSQL cannot store (NUL,
unpaired surrogates). ``json_value_check`` applies the same rules to a value already parsed:
the player intake runs it on what it is given, and validation on extension values, the only
free-form JSON a valid statement holds.
"""

import json
import math
import re
from typing import Any

from . import defaults
from .errors import StatementInvalid

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# Strict JSON text can hold NUL or a surrogate only as a \u escape: a body without one
# needs no walk through its strings.
_ESCAPED_UNSTORABLE = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")
_ESCAPED_UNSTORABLE_BYTES = re.compile(_ESCAPED_UNSTORABLE.pattern.encode())


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text} is too large")
    return number


def json_value_check(value: Any, field: str = "body") -> None:
    """Refuse (``StatementInvalid``) a parsed value too deep, not finite or not storable.

    Iterative, so a value nested a million times deep cannot exhaust the stack here.
    """
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > defaults.JSON_DEPTH_MAX:
            raise StatementInvalid(field, f"is nested deeper than {defaults.JSON_DEPTH_MAX}")
        if isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str) or _UNSTORABLE.search(key):
                    raise StatementInvalid(field, "holds a key with NUL or unpaired surrogates")
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            if _UNSTORABLE.search(item):
                raise StatementInvalid(field, "holds a string with NUL or unpaired surrogates")
        elif isinstance(item, float) and not math.isfinite(item):
            raise StatementInvalid(field, "holds a number that is not finite")


def json_parse(data: bytes | str, *, field: str = "body") -> Any:
    """The JSON value of a request body; anything unfit raises ``StatementInvalid`` (400).

    Depth is checked where parsing would overflow; below that, validation checks it in
    extensions, the one place a valid statement nests freely.

    ``StatementInvalid`` is a ``ValidationError``: views outside the resource catch it as
    one and answer 400 with its message.
    """
    try:
        value = json.loads(data, parse_constant=_no_constant, parse_float=_finite)
    except RecursionError:
        raise StatementInvalid(
            field, f"is nested deeper than {defaults.JSON_DEPTH_MAX}"
        ) from None
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise StatementInvalid(field, "is not valid JSON") from None
    escapes = _ESCAPED_UNSTORABLE_BYTES if isinstance(data, bytes) else _ESCAPED_UNSTORABLE
    if escapes.search(data):
        json_value_check(value, field)
    return value


def statements_of(value: Any, *, field: str = "body") -> list:
    """The statements a parsed body carries (one statement or a list), at most ``BATCH_MAX``."""
    statements = value if isinstance(value, list) else [value]
    if len(statements) > defaults.BATCH_MAX:
        raise StatementInvalid(field, f"at most {defaults.BATCH_MAX} statements a request")
    return statements
