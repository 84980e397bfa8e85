"""Operational tasks."""

from celery import shared_task

from . import selectors


@shared_task(name="cms.healthcheck")
def healthcheck() -> dict:
    """Prove a worker is alive and reaches the database; returns what it saw."""
    return selectors.database_status()
