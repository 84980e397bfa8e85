"""Liaison's hooks: each declared once in cms.hooks, implemented by an app, and documented."""

from pathlib import Path

import pytest
from wagtail import hooks

from cms.hooks import HOOKS

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_every_declared_hook_has_an_implementation(name):
    assert hooks.get_hooks(name), f"no app registers {name}"


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_every_declared_hook_is_documented(name):
    assert HOOKS[name].__doc__.startswith(f"``{name}``")
    assert f"`{name}`" in ARCHITECTURE.read_text()


def test_every_liaison_hook_registered_is_declared():
    hooks.search_for_hooks()
    # Wagtail keeps registrations by name in hooks._hooks; a misspelt name would land there.
    registered = {name for name, found in hooks._hooks.items() if found}

    assert {name for name in registered if name.startswith("liaison_")} <= set(HOOKS)
