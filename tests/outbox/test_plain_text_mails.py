"""Plain-text mails are not HTML: names and titles with ' or & arrive as typed."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.models import User

NAME = "O'Brien & Co"
TITLE = "Rights & duties: 'return' in practice"
ENTITIES = ("&#x27;", "&#39;", "&amp;", "&quot;", "&lt;")


def _user() -> User:
    # The greeting uses the first word of the name: the whole name is its one word here.
    return User(full_name=NAME.replace(" ", "\u00a0"), email="obrien@example.org")


class _Course:
    title = TITLE


class _Certificate:
    course_title = TITLE
    expires_at = timezone.now()


MAILS = {
    "certificates/emails/expiry_reminder.txt": lambda: {
        "holder": _user(),
        "certificate": _Certificate(),
        "link": "https://liaison.example.org/en/course/?a=1&b=2",
        "verification_url": "https://liaison.example.org/certificates/verify/X/",
    },
    "assessments/surveys/follow_up_email.txt": lambda: {
        "trainee": _user(),
        "course": _Course(),
        "link": "https://liaison.example.org/en/assessments/follow-up/t/?a=1&b=2",
        "expires_at": datetime.date(2027, 1, 1),
        "reminder": False,
    },
    "reports/emails/monthly_report.txt": lambda: {
        "manager": _user(),
        "period": TITLE,
        "summary": [f"{NAME}: 3 trainees"],
        "link": "https://liaison.example.org/en/reports/runs/1/?a=1&b=2",
    },
}


@pytest.mark.parametrize("template", list(MAILS))
def test_a_plain_text_mail_keeps_quotes_and_ampersands(template):
    body = render_to_string(template, MAILS[template]())

    assert not [entity for entity in ENTITIES if entity in body]
    assert NAME.replace(" ", "\u00a0") in body
    assert "?a=1&b=2" in body
    assert TITLE in body
