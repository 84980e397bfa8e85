"""Personal pages are never stored by a browser or proxy (cms.personal_pages)."""

import pytest

from cms.personal_pages import PERSONAL_URL_NAMES
from tests.security.conftest import ROLES
from tests.security.test_url_matrix import CASES, request_as


def _readable_cases() -> list[tuple]:
    """Each personal page's matrix rows, with the first role that gets the page itself."""
    cases = []
    for case in CASES:
        if case.name in PERSONAL_URL_NAMES:
            role = next(
                role for role, cell in zip(ROLES, case.expect, strict=True) if cell == "200"
            )
            cases.append((case, role))
    return cases


READABLE = _readable_cases()


def test_every_personal_page_is_walked():
    assert {case.name for case, _role in READABLE} == PERSONAL_URL_NAMES


@pytest.mark.parametrize(("case", "role"), READABLE, ids=lambda value: getattr(value, "key", value))
def test_personal_pages_are_not_stored(client, world, db, case, role):
    response = request_as(client, world, case, role)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
