"""The project folder and a production environment, for tests that start fresh processes."""

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k" * 20 + "-Zq8#v2!Lm9@xR4$tW7%yB1^nC6&hJ3*pF5(sD0)gK"
# Every variable cms.settings.production requires, pointing at no real server.
PRODUCTION_ENV = {
    "SECRET_KEY": STRONG_KEY,
    "ALLOWED_HOSTS": "liaison.example.org",
    "DATABASE_URL": "postgres://liaison@db.internal:5432/liaison",
    "CELERY_BROKER_URL": "redis://redis.internal:6379/0",
    "CACHE_URL": "redis://redis.internal:6379/1",
    "WAGTAILADMIN_BASE_URL": "https://liaison.example.org",
}


def storages_on_disk(settings, *, public: Path, private: Path) -> None:
    """Files on disk, so a test can look at or remove one: the public media folder
    (``default``) at ``public``, the private storage (no URLs, as in production) at
    ``private``."""
    settings.MEDIA_ROOT = public
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(public)},
        },
        "private": {
            "BACKEND": "cms.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": str(private)},
        },
    }
