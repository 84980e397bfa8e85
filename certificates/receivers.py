"""What the certificates app does when other apps tell it something happened."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver

from courses.models import Enrolment
from courses.signals import course_completed
from outbox.services import job_enqueue

from . import services


@receiver(course_completed, sender=Enrolment, dispatch_uid="certificates_issue_on_completion")
def issue_on_completion(sender, enrolment_id: int, **kwargs) -> None:
    """Issue the certificate of a completed enrolment once the completion commits."""
    job_enqueue("certificates.issue_certificate", enrolment_id=enrolment_id)


@receiver(post_save, sender=get_user_model(), dispatch_uid="certificates_forget_erased_holder")
def forget_erased_holder(sender, instance, **kwargs) -> None:
    """An erased account's certificates stop showing its name (see services)."""
    if instance.erased_at is not None:
        services.certificate_holder_erased(user=instance)
