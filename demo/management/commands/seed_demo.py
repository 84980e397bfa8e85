import logging
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.services import demo_seed


class Command(BaseCommand):
    help = (
        "Build the demo site (idempotent): home page, catalogue, the demo curriculum with its "
        "tests, surveys, certificates and sessions, one login per role, and a programme of "
        "synthetic trainees for the dashboard."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--trainees", type=int, default=300, help="Synthetic trainees (default 300)."
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Seed of the synthetic programme."
        )
        parser.add_argument(
            "--no-training-data",
            action="store_true",
            help="Skip the synthetic trainees and the programme report.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed even with DEBUG off (never on a real deployment: the logins are public).",
        )

    def handle(self, *args, trainees, seed, no_training_data, allow_production, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "The demo accounts have published passwords; seed_demo runs only with DEBUG on."
            )
        if trainees < 1:
            raise CommandError("--trainees must be at least 1.")
        verbose = options["verbosity"] > 1
        if not verbose:
            # Wagtail logs every page it creates and publishes: hundreds of lines.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        started = time.perf_counter()
        summary = demo_seed(
            training_data=not no_training_data,
            trainees=trainees,
            seed=seed,
            stdout=self.stdout if verbose else None,
        )
        languages = sorted({course.locale.language_code for course in summary.courses})
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready in {time.perf_counter() - started:.1f} s: "
                f"{len(summary.courses)} course pages ({', '.join(languages)})."
            )
        )
        if summary.training_data:
            self.stdout.write(f"Synthetic programme: {summary.training_data['trainees']} trainees.")
        self.stdout.write(f"Demo logins ({settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/):")
        for role, email, password in summary.logins:
            self.stdout.write(f"  {role:<20} {email:<28} {password}")
