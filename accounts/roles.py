"""The role groups and what makes a user staff for the MFA rule."""

from django.utils.translation import gettext_lazy as _

TRAINEES = "Trainees"
TRAINERS = "Trainers"
PROGRAMME_MANAGERS = "Programme managers"

ROLE_LABELS = {
    TRAINEES: _("Trainee"),
    TRAINERS: _("Trainer"),
    PROGRAMME_MANAGERS: _("Programme manager"),
}

# Groups whose members must use two-factor authentication when the setting is on.
MFA_REQUIRED_GROUPS = (TRAINERS, PROGRAMME_MANAGERS)
