from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """The transactional outbox: jobs written with the change that makes them due."""

    name = "outbox"
    verbose_name = _("Background jobs")
    default_auto_field = "django.db.models.BigAutoField"
