"""manage.py generate_training_data: synthetic trainees and their year of training, in bulk."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage
from demo.training_data import TrainingDataExists, training_data_generate


class Command(BaseCommand):
    help = (
        "Generate deterministic synthetic training data (users @s<seed>.synthetic.liaison."
        "invalid). A seed already generated in this database is refused: use another seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=300)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--courses",
            nargs="+",
            metavar="SLUG",
            help="Slugs of live courses (default: every live course, or a synthetic "
            "programme of three when there is none).",
        )
        parser.add_argument("--batch-size", type=int, default=5000)
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            help="Anchor date YYYY-MM-DD; data covers the 365 days before it (default: today).",
        )

    def handle(self, *args, trainees, seed, courses, batch_size, today, **options):
        if trainees < 1 or batch_size < 1:
            raise CommandError("--trainees and --batch-size must be at least 1.")
        selected = None
        if courses:
            found = {c.slug: c for c in CoursePage.objects.live().filter(slug__in=courses)}
            unknown = sorted(set(courses) - set(found))
            if unknown:
                raise CommandError(f"No live course with the slug(s): {', '.join(unknown)}")
            selected = [found[slug] for slug in dict.fromkeys(courses)]
        try:
            counts = training_data_generate(
                trainees=trainees,
                seed=seed,
                courses=selected,
                stdout=self.stdout,
                today=today,
                batch_size=batch_size,
            )
        except TrainingDataExists as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Generated {counts['trainees']} trainees."))
