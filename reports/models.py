"""Report runs (built by Celery) and the programme's own result indicators."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.storage import private_storage


def _report_file_path(instance: "ReportRun", filename: str) -> str:
    # A random folder per file: the download name (the report's date) stays readable,
    # the stored path cannot be guessed from it.
    return f"reports/{uuid.uuid4().hex}/{filename}"


class ReportRun(models.Model):
    """One evaluation report: asked for by a programme manager, built by a Celery task.

    ``result`` holds the whole report as JSON (its shape is ``reports.result.Report``), already
    suppressed for small groups: exports and pages only ever render it.
    """

    class Kind(models.TextChoices):
        FULL = "full", _("Evaluation report")
        MONTHLY = "monthly", _("Monthly report")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.FULL)
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="report_runs",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    # Private storage: served only by the report views, to those who may read reports.
    xlsx = models.FileField(
        _("XLSX workbook"), upload_to=_report_file_path, storage=private_storage, blank=True
    )
    pdf = models.FileField(
        _("PDF"), upload_to=_report_file_path, storage=private_storage, blank=True
    )

    class Meta:
        verbose_name = _("report run")
        verbose_name_plural = _("report runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.get_status_display()})"

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


class ProgrammeIndicator(models.Model):
    """A result indicator of the programme (Kirkpatrick level 4), recorded by managers."""

    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("programme indicator")
        verbose_name_plural = _("programme indicators")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """The value an indicator reached in one period."""

    indicator = models.ForeignKey(
        ProgrammeIndicator, on_delete=models.CASCADE, related_name="values"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "period_start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="reports_indicator_period_ordered",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"],
                name="reports_indicator_one_value_per_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.period_start}–{self.period_end})"
