from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.services import demo_accounts_ensure


class Command(BaseCommand):
    help = "Create one demo account per role (idempotent) and print their logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Create the demo accounts even with DEBUG off (never on a real deployment).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError(
                "Demo accounts have published passwords; they are only created with DEBUG on."
            )
        accounts = demo_accounts_ensure()
        self.stdout.write("Demo logins (http://127.0.0.1:8000/):")
        for role, email, password in accounts:
            self.stdout.write(f"  {role:<20} {email:<28} {password}")
