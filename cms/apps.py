from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """The Wagtail site: home page, base templates, site setup and health checks."""

    name = "cms"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"
