from django.core.management.base import BaseCommand

from certificates.services import certificates_missing_queue


class Command(BaseCommand):
    help = (
        "Queue the certificate of every completion that should have one and has none (for "
        "completions from before the outbox, when a broker outage could lose it). Safe to rerun."
    )

    def handle(self, *args, **options):
        queued = certificates_missing_queue()
        self.stdout.write(f"{queued} certificates queued.")
