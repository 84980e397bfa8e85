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


def files_to_private(model, field: str) -> int:
    """Move the files of ``model.field`` from the default storage into the private one.

    For the data migrations that make a field private: rows keep their names (the private
    storage may pick another if taken), and a file already gone is left for the view that
    serves it to draw again. Returns how many files moved.
    """
    from django.core.files.storage import default_storage

    moved = 0
    for row in model.objects.exclude(**{field: ""}).only("pk", field).iterator():
        name = getattr(row, field).name
        if not default_storage.exists(name):
            continue
        with default_storage.open(name, "rb") as content:
            stored = private_storage().save(name, content)
        if stored != name:
            model.objects.filter(pk=row.pk).update(**{field: stored})
        default_storage.delete(name)
        moved += 1
    return moved
