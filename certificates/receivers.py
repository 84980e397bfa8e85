"""What the certificates app does when other apps tell it something happened."""

import logging
from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from kombu.exceptions import OperationalError

from courses.models import Enrolment
from courses.signals import course_completed

from . import services
from .tasks import issue_certificate

logger = logging.getLogger(__name__)


def _enqueue_issue(enrolment_id: int) -> None:
    try:
        issue_certificate.delay(enrolment_id)
    except OperationalError:
        # The completion is already committed; a broker outage must not turn the trainee's
        # last lesson into an error page. The log names the enrolment to issue by hand.
        logger.exception("Certificate for enrolment %s could not be queued", enrolment_id)


@receiver(course_completed, sender=Enrolment, dispatch_uid="certificates_issue_on_completion")
def issue_on_completion(sender, enrolment_id: int, **kwargs) -> None:
    """Queue the certificate of a completed enrolment once the completion is committed."""
    transaction.on_commit(partial(_enqueue_issue, enrolment_id))


@receiver(post_save, sender=get_user_model(), dispatch_uid="certificates_forget_erased_holder")
def forget_erased_holder(sender, instance, **kwargs) -> None:
    """An erased account's certificates stop showing its name (see services)."""
    if instance.erased_at is not None:
        services.certificate_holder_erased(user=instance)
