from django.core.management.base import BaseCommand

from courses.services.catalogue import catalogue_setup


class Command(BaseCommand):
    help = "Create the catalogue in each language, the Legal review workflow and trainer rights."

    def handle(self, *args, **options):
        catalogues = catalogue_setup()
        self.stdout.write(self.style.SUCCESS(f"Catalogue ready in {len(catalogues)} languages."))
