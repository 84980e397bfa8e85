"""Periodic tasks of the assessments app."""

from celery import shared_task

from . import services


@shared_task(name="assessments.close_expired_attempts")
def close_expired_attempts() -> int:
    """Close attempts abandoned past their time limit; returns how many."""
    return services.attempts_close_expired()
