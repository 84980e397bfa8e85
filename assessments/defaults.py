"""Per-app defaults, overridable in settings as LIAISON_<NAME>."""

from django.conf import settings

# How long a follow-up survey link stays valid after the invitation is sent.
SURVEY_LINK_DAYS: int = getattr(settings, "LIAISON_SURVEY_LINK_DAYS", 60)
# Days after a follow-up invitation when the one reminder goes to trainees who have not answered.
SURVEY_REMINDER_DAYS: int = getattr(settings, "LIAISON_SURVEY_REMINDER_DAYS", 14)
