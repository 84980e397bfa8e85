"""What the certificates app does when other apps tell it something happened."""

from django.dispatch import receiver

from courses.models import Enrolment
from courses.signals import course_completed
from outbox.services import job_enqueue


@receiver(course_completed, sender=Enrolment, dispatch_uid="certificates_issue_on_completion")
def issue_on_completion(sender, enrolment_id: int, **kwargs) -> None:
    """Issue the certificate of a completed enrolment once the completion commits."""
    job_enqueue("certificates.issue_certificate", enrolment_id=enrolment_id)

