"""Factories for certificate templates and the certificates issued from them."""

import factory
from wagtail.models import Locale

from certificates.models import Certificate, CertificateTemplate
from tests.factories.base import CleanModelFactory
from tests.factories.courses import complete_course


class CertificateTemplateFactory(CleanModelFactory):
    """A valid template in the default locale, naming ``courses``."""

    class Meta:
        model = CertificateTemplate

    title = "Certificate of completion"
    body = (
        "This certifies that {trainee_name} of {organisation} completed the course "
        "“{course}” ({hours} hours) on {completion_date}."
    )
    signatory_name = "Ann Peeters"
    signatory_title = "Head of training"
    locale = factory.LazyFunction(Locale.get_default)

    @factory.post_generation
    def courses(template, create, extracted, **kwargs):
        template.courses.set(extracted or ())
        template.save()


class CertificateFactory(factory.Factory):
    """The certificate of ``enrolment``, issued as the trainee completes every lesson.

    ``capture`` is pytest-django's ``django_capture_on_commit_callbacks``: completion issues
    the certificate after the commit, as in production. The course needs a template.
    """

    class Meta:
        model = Certificate

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise TypeError("A certificate is issued by completing the course: use the factory.")

    @classmethod
    def _create(cls, model_class, *, enrolment, lessons, capture):
        complete_course(enrolment.trainee, lessons, capture)
        return Certificate.objects.get(enrolment=enrolment, superseded_at__isnull=True)
