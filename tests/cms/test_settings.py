"""Configuration from the environment, checked in fresh processes as a deployment would."""

import os
import shutil
import subprocess
import sys

import pytest

from tests.factories.environment import PRODUCTION_ENV, PROJECT


def run_python(code: str, **env_overrides: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    # A variable the shell running the tests exports must not stand in for a missing one.
    for name in PRODUCTION_ENV:
        env.pop(name, None)
    for key, value in env_overrides.items():
        if value is not None:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


SETUP = "import django; django.setup(); from django.conf import settings; "


@pytest.mark.parametrize("missing", list(PRODUCTION_ENV))
def test_production_refuses_to_start_without_a_required_variable(missing):
    env = dict(PRODUCTION_ENV)
    env.pop(missing)

    result = run_python(SETUP, DJANGO_SETTINGS_MODULE="cms.settings.production", **env)

    assert result.returncode != 0
    assert f"The environment variable {missing} is required in production" in result.stderr


def test_check_deploy_prints_no_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            **PRODUCTION_ENV,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_security_settings():
    code = SETUP + (
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,"
        " settings.SECURE_HSTS_SECONDS > 0, settings.LIAISON_REQUIRE_MFA_FOR_STAFF,"
        " settings.ALLOWED_HOSTS)"
    )
    result = run_python(
        code,
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        **{**PRODUCTION_ENV, "ALLOWED_HOSTS": "a.example.org, b.example.org"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False True True True True ['a.example.org', 'b.example.org']"


@pytest.mark.parametrize("database_url", [None, ""], ids=["unset", "empty"])
def test_database_url_unset_means_sqlite_in_the_project_folder(database_url):
    code = SETUP + "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])"

    result = run_python(code, DJANGO_SETTINGS_MODULE="cms.settings.dev", DATABASE_URL=database_url)

    assert result.stdout.split() == ["django.db.backends.sqlite3", str(PROJECT / "db.sqlite3")]


def test_database_url_postgres_selects_postgresql():
    code = SETUP + "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'], d['HOST'])"

    result = run_python(
        code,
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL="postgres://postgres@db.internal:5432/liaison",
    )

    assert result.stdout.split() == ["django.db.backends.postgresql", "liaison", "db.internal"]


@pytest.mark.parametrize(
    ("broker", "expected"),
    # Without a broker, the in-memory transport is named only so that kombu stays quiet.
    [
        (None, "True memory://localhost/"),
        ("redis://127.0.0.1:6379/0", "False redis://127.0.0.1:6379/0"),
    ],
)
def test_celery_is_eager_only_without_a_broker(broker, expected):
    code = (
        SETUP + "from cms.celery import app; c = app.conf; "
        "print(c.task_always_eager, c.broker_url) if c.broker_url "
        "else print(c.task_always_eager)"
    )

    result = run_python(code, DJANGO_SETTINGS_MODULE="cms.settings.dev", CELERY_BROKER_URL=broker)

    assert result.stdout.strip() == expected, result.stderr


def test_celery_serialises_json_with_time_limits_and_late_acks(settings):
    from cms.celery import app

    assert app.conf.task_serializer == "json"
    assert app.conf.accept_content == ["json"]
    assert app.conf.task_time_limit and app.conf.task_soft_time_limit < app.conf.task_time_limit
    assert app.conf.task_acks_late is True


def test_a_dotenv_file_next_to_manage_py_is_read(tmp_path):
    """A copy of the project with a .env: the real settings module must pick it up."""
    copy = tmp_path / "project"
    shutil.copytree(
        PROJECT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "media", "*.sqlite3")
    )
    (copy / ".env").write_text("ALLOWED_HOSTS=from-dotenv.example.org\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ALLOWED_"))}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"

    result = subprocess.run(
        [sys.executable, "-c", SETUP + "print(settings.ALLOWED_HOSTS)"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.stdout.strip() == "['from-dotenv.example.org']", result.stderr
