"""Certificate templates, completed courses and issued certificates for the tests."""

import pytest
from wagtail.models import Locale

from certificates.models import Certificate, CertificateTemplate
from courses import services as course_services
from tests.factories.courses import study


def make_template(*, courses=(), locale=None, **fields) -> CertificateTemplate:
    fields.setdefault("title", "Certificate of completion")
    fields.setdefault(
        "body",
        "This certifies that {trainee_name} of {organisation} completed the course "
        "“{course}” ({hours} hours) on {completion_date}.",
    )
    fields.setdefault("signatory_name", "Ann Peeters")
    fields.setdefault("signatory_title", "Head of training")
    template = CertificateTemplate(locale=locale or Locale.get_default(), **fields)
    template.full_clean()
    template.save()
    template.courses.set(courses)
    template.save()
    return template


def complete_course(trainee, lessons, capture) -> None:
    """Study every lesson, running the on-commit callbacks (signal, task) as a commit would."""
    with capture(execute=True):
        for lesson in lessons:
            study(trainee, lesson)


@pytest.fixture
def media(settings, tmp_path):
    """Files on disk in a temporary folder, so a test can remove one."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


@pytest.fixture
def template(course):
    return make_template(courses=[course], validity_months=24)


@pytest.fixture
def enrolment(trainee, course):
    return course_services.enrolment_enrol(trainee=trainee, course=course)[0]


@pytest.fixture
def certificate(media, template, trainee, enrolment, lessons, django_capture_on_commit_callbacks):
    complete_course(trainee, lessons, django_capture_on_commit_callbacks)
    return Certificate.objects.get(enrolment=enrolment)
