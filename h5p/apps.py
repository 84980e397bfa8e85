from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class H5PConfig(AppConfig):
    """H5P packages (validation, import, the player) and the xAPI statement store."""

    name = "h5p"
    verbose_name = _("H5P and xAPI")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (Liaison's own events become statements)
