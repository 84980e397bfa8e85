from django.core.management.base import BaseCommand

from cms.services import site_setup


class Command(BaseCommand):
    help = "Create the locales, the home page in every language and the default site (idempotent)."

    def handle(self, *args, **options):
        home = site_setup()
        self.stdout.write(self.style.SUCCESS(f"Site ready: home page #{home.pk}."))
