"""`seed_accounts`: one verified login per role, safe to run twice, refused with DEBUG off."""

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User


def test_seed_accounts_twice_creates_one_login_per_role(db, settings, capsys):
    settings.DEBUG = True
    call_command("seed_accounts")
    call_command("seed_accounts")

    output = capsys.readouterr().out
    assert User.objects.filter(email__endswith="@liaison.test").count() == 4
    for email in ("trainee@", "trainer@", "manager@", "admin@"):
        assert email in output
    trainer = User.objects.get(email="trainer@liaison.test")
    assert trainer.check_password("trainer-demo-2026")
    assert trainer.groups.get().name == "Trainers"
    assert User.objects.get(email="admin@liaison.test").is_superuser


def test_seed_accounts_refuses_without_debug(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="only created with DEBUG on"):
        call_command("seed_accounts")
    assert not User.objects.exists()
