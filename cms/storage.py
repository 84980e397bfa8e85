"""The private file storage: files that only a view checking permissions may hand out.

It lives outside MEDIA_ROOT (``PRIVATE_MEDIA_ROOT``), so a web server serving the media
folder can never reach it, and it has no public URL.
"""

from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty

PRIVATE_STORAGE_ALIAS = "private"


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder on disk whose files have no URL: a view reads them and checks who asks."""

    def url(self, name: str | None) -> str:
        raise ValueError(f"{name} is a private file: it has no URL, a view serves it.")


class _PrivateStorage(LazyObject):
    def _setup(self) -> None:
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


_private_storage = _PrivateStorage()


def private_storage() -> Storage:
    """The ``private`` storage of ``STORAGES``, for ``FileField(storage=private_storage)``."""
    return _private_storage


@receiver(setting_changed)
def _storages_changed(*, setting: str, **kwargs) -> None:
    # As Django does for default_storage: tests that swap STORAGES get the new backend.
    if setting == "STORAGES":
        _private_storage._wrapped = empty
