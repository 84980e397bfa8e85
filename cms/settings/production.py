"""Production: DEBUG off, secrets required from the environment, HTTPS everywhere."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


def _required(name: str) -> str:
    """Return an environment variable or stop with a message that names it."""
    value = env.str(name, default="")
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required in production (cms.settings.production)."
        )
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in _required("ALLOWED_HOSTS").split(",") if host.strip()]
# Production never falls back to the embedded defaults: SQLite, eager tasks and a
# per-process cache (which would make login rate limits per gunicorn worker).
_required("DATABASE_URL")
_required("CELERY_BROKER_URL")
CACHES = {"default": env.cache_url_config(_required("CACHE_URL"))}
# Printed into certificate QR codes, xAPI statement IRIs and the links in emails: the base
# default (127.0.0.1) would go out on paper and into other systems.
WAGTAILADMIN_BASE_URL = _required("WAGTAILADMIN_BASE_URL")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="smtp://localhost:25")
vars().update(EMAIL_CONFIG)

LIAISON_REQUIRE_MFA_FOR_STAFF = env.bool("LIAISON_REQUIRE_MFA_FOR_STAFF", default=True)
