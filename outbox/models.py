from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    """A Celery task to run once, written in the same transaction as the change that needs it.

    Dispatched after the commit and again by the beat task until it is done, so that a broker
    outage delays the work and never loses it (``outbox.services``).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    task = models.CharField(_("task"), max_length=200)
    kwargs = models.JSONField(_("arguments"), default=dict, encoder=DjangoJSONEncoder)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Not before: a retry waits here.
    due_at = models.DateTimeField(_("due"), default=timezone.now)
    # Last handed to the broker; empty while it never reached it.
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # A worker runs it until then; a worker that died leaves it to the next one after that.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        indexes = [
            models.Index(
                fields=["due_at"], condition=Q(status="pending"), name="outbox_job_pending"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task} ({self.get_status_display()})"
