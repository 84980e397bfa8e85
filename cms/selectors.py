"""Reads used by the site shell and the health check."""

from django.db import connection


def database_status() -> dict:
    """Run a trivial query and report which database answered."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (value,) = cursor.fetchone()
    return {
        "database": connection.vendor,
        "name": str(connection.settings_dict["NAME"]),
        "ok": value == 1,
    }
