from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificate templates, issuance on completion, PDFs, public verification, expiry."""

    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from accounts.registry import register_personal_data

        from . import panels, receivers  # noqa: F401  (register the course panel and receivers)
        from .selectors import certificate_personal_data

        register_personal_data("certificates", certificate_personal_data)
