from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo curriculum and ``seed_demo``: a platform to show on the first visit."""

    name = "demo"
    verbose_name = _("Demo curriculum")
    default_auto_field = "django.db.models.BigAutoField"
