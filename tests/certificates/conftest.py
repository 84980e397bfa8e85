"""Fixtures of the certificates tests: media on disk, a template, an issued certificate."""

import pytest

from tests.factories.certificates import CertificateFactory, CertificateTemplateFactory
from tests.factories.environment import storages_on_disk


@pytest.fixture
def media(settings, tmp_path):
    """Files on disk in a temporary folder, so a test can remove one: the private storage
    (where PDFs go) is ``tmp_path``, the public media folder ``tmp_path / "public"``."""
    storages_on_disk(settings, public=tmp_path / "public", private=tmp_path)
    return tmp_path


@pytest.fixture
def template(course):
    return CertificateTemplateFactory(courses=[course], validity_months=24)


@pytest.fixture
def certificate(media, template, trainee, enrolment, lessons, django_capture_on_commit_callbacks):
    return CertificateFactory(
        enrolment=enrolment, lessons=lessons, capture=django_capture_on_commit_callbacks
    )
