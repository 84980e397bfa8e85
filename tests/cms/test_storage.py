"""The private storage, and the move of files written before a field became private."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cms.storage import files_to_private, private_storage
from h5p.models import XAPIAttachment
from tests.factories.environment import storages_on_disk


@pytest.fixture
def on_disk(settings, tmp_path):
    storages_on_disk(settings, public=tmp_path / "public", private=tmp_path / "private")
    return tmp_path


def test_private_files_have_no_url(on_disk):
    name = private_storage().save("certificates/x.pdf", ContentFile(b"%PDF"))
    with pytest.raises(ValueError, match="private file"):
        private_storage().url(name)


def test_files_written_before_move_out_of_the_public_folder(on_disk, db):
    """As the certificates and xAPI attachment migrations do: every file moves, a row whose
    file is gone is left alone (its view draws it again or reports it), names are kept."""
    old = default_storage.save("xapi-attachments/aaa", ContentFile(b"old content"))
    rows = [
        XAPIAttachment.objects.create(sha2=sha2, content_type="text/plain", length=11, file=name)
        for sha2, name in (("aaa", old), ("bbb", "xapi-attachments/bbb"))
    ]

    assert files_to_private(XAPIAttachment, "file") == 1

    assert not (on_disk / "public" / old).exists()
    assert (on_disk / "private" / old).read_bytes() == b"old content"
    assert [XAPIAttachment.objects.get(pk=row.pk).file.name for row in rows] == [
        old,
        "xapi-attachments/bbb",
    ]
    assert files_to_private(XAPIAttachment, "file") == 0  # run again: nothing left to move
