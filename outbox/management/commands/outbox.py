from django.core.management.base import BaseCommand
from django.db.models import Count

from outbox import services
from outbox.models import Job


class Command(BaseCommand):
    help = (
        "Show the background jobs waiting or failed, by task; --retry-failed queues the failed "
        "ones again once their cause is mended."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed", action="store_true", help="Queue every failed job again."
        )

    def handle(self, *args, retry_failed, **options):
        rows = (
            Job.objects.exclude(status=Job.Status.DONE)
            .values("task", "status")
            .annotate(jobs=Count("pk"))
            .order_by("task", "status")
        )
        for row in rows:
            self.stdout.write(f"{row['task']:<36} {row['status']:<8} {row['jobs']}")
        for job in Job.objects.filter(status=Job.Status.FAILED).order_by("pk"):
            self.stdout.write(f"  failed job {job.pk} ({job.task}): {job.last_error[:200]}")
            if retry_failed:
                services.job_retry(job=job)
        if not rows:
            self.stdout.write("No job waiting or failed.")
