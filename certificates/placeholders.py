"""The placeholders a certificate template's body may use, and the one safe way to fill them.

Only ``{name}`` fields from ``PLACEHOLDERS`` are allowed: no attribute or index access, no
conversion and no format specification, so a template can never reach into Python objects.
``{{`` and ``}}`` print a literal brace.
"""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The trainee's name, the course title, the completion date, the course's estimated hours and
# the trainee's organisation (empty when they have none).
PLACEHOLDERS = ("trainee_name", "course", "completion_date", "hours", "organisation")

_formatter = string.Formatter()


def placeholders_check(text: str) -> None:
    """Refuse, with a message naming the problem, any field that is not a known placeholder."""
    try:
        fields = [parsed for parsed in _formatter.parse(text) if parsed[1] is not None]
    except ValueError:
        raise ValidationError(
            _(
                "A brace is not closed. Write placeholders like {course}; to print a brace, "
                "write it twice: {{ or }}."
            ),
            code="braces",
        ) from None
    allowed = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    for _literal, name, spec, conversion in fields:
        if name not in PLACEHOLDERS or spec or conversion:
            shown = (
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
            raise ValidationError(
                _("Unknown placeholder %(placeholder)s. You can use: %(allowed)s.")
                % {"placeholder": shown, "allowed": allowed},
                code="placeholder",
            )


def placeholders_fill(text: str, values: dict[str, str]) -> str:
    """``text`` with every placeholder replaced by its value (checked first)."""
    placeholders_check(text)
    return text.format_map({name: str(values.get(name, "")) for name in PLACEHOLDERS})
