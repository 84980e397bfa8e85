"""Periodic tasks of the assessments app."""

from celery import shared_task

from . import services


@shared_task(name="assessments.close_expired_attempts")
def close_expired_attempts() -> int:
    """Close attempts abandoned past their time limit; returns how many."""
    return services.attempts_close_expired()


@shared_task(name="assessments.send_survey_invitations")
def send_survey_invitations() -> int:
    """Email follow-up survey invitations whose date has come; returns how many."""
    return services.survey_invitations_send()


@shared_task(name="assessments.send_survey_reminders")
def send_survey_reminders() -> int:
    """Remind once the invited trainees who have not answered; returns how many."""
    return services.survey_reminders_send()
