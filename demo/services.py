"""``demo_seed``: the demo site, its curriculum, accounts and a programme with activity.

Idempotent: every object is looked up by a stable key before it is created, and the
synthetic programme is generated once per seed. Objects that exist are left as editors made
them; a course file changed after seeding does not overwrite the pages.
"""

import hashlib
import logging
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import TextIO

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from accounts.services import demo_accounts_ensure
from assessments.models import Quiz
from certificates.models import CertificateTemplate
from cms.services import site_setup
from courses.models import ClassroomSession, CourseIndexPage, CoursePage
from courses.services.catalogue import catalogue_setup
from courses.services.sessions import session_create
from h5p.models import H5PContent
from h5p.services import h5p_package_import
from reports.models import ReportRun
from reports.services import report_run_execute, report_run_request

from . import assessments, pages
from .content import h5p as h5p_packages
from .content import schema
from .curriculum import demo_courses
from .h5p_packages import build_h5p_package
from .training_data import synthetic_email_domain, training_data_generate

logger = logging.getLogger(__name__)

DEMO_TRAINER = "trainer@liaison.test"
DEMO_ADMIN = "admin@liaison.test"
DEMO_MANAGER = "manager@liaison.test"
SIGNATORY = "Liaison training team"
SIGNATORY_TITLES = {
    "en": "Demo programme on return procedures",
    "fr": "Programme de démonstration sur les procédures de retour",
    "nl": "Demoprogramma over terugkeerprocedures",
}
CERTIFICATE_TITLES = {
    "en": "Certificate of completion",
    "fr": "Certificat de réussite",
    "nl": "Getuigschrift",
}
CERTIFICATE_BODIES = {
    "en": "This certifies that {trainee_name} completed the course “{course}” ({hours} hours) "
    "on {completion_date}.",
    "fr": "Nous certifions que {trainee_name} a suivi avec succès le cours « {course} » "
    "({hours} heures) le {completion_date}.",
    "nl": "Hierbij wordt bevestigd dat {trainee_name} de cursus ‘{course}’ ({hours} uur) "
    "heeft afgerond op {completion_date}.",
}
# Procedures and amounts change: a demo certificate asks for a refresher after three years.
CERTIFICATE_VALIDITY_MONTHS = 36
SESSION_START = time(9, 30)
SESSION_ZONE = zoneinfo.ZoneInfo("Europe/Brussels")


@dataclass
class DemoSummary:
    """What ``demo_seed`` found or made: the courses (every language) and the logins."""

    courses: list[CoursePage] = field(default_factory=list)
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    training_data: dict[str, int] | None = None
    report: ReportRun | None = None


def _h5p_content(key: str, *, uploaded_by: User) -> H5PContent:
    """The demo package ``key`` imported once, like an upload in the admin (same checks)."""
    data = build_h5p_package(**h5p_packages.PACKAGES[key])
    # The builder's bytes are deterministic, so the digest finds an earlier import.
    existing = H5PContent.objects.filter(sha256=hashlib.sha256(data).hexdigest()).first()
    if existing is not None:
        return existing
    upload = SimpleUploadedFile(f"{key}.h5p", data, content_type="application/zip")
    return h5p_package_import(file=upload, uploaded_by=uploaded_by)


def _block_resolver(course: CoursePage, quizzes: dict[str, Quiz], admin: User):
    """Turn schema blocks into StreamField values, with the course's quizzes and H5P."""

    def resolve(block: schema.Block) -> tuple[str, object]:
        kind, value = block
        if kind == "h5p":
            return kind, {
                "content": _h5p_content(value["package"], uploaded_by=admin),
                "required": bool(value.get("required", True)),
                "pass_scaled": Decimal(str(value.get("pass_score", 0.5))),
            }
        if kind == "quiz":
            return kind, {"quiz": quizzes[value["quiz"]], "intro": value.get("intro", "")}
        return kind, value

    return resolve


def _tests_ensure(
    course: CoursePage,
    spec: schema.Course | schema.Translation,
    *,
    originals: dict[str, Quiz] | None = None,
) -> dict[str, Quiz]:
    """The practice quizzes (by key) and the pre- and post-test (by purpose) of a course."""
    language = course.locale.language_code
    topic = course.topics.first()
    quizzes = {}
    for practice in spec.practice_quizzes:
        quizzes[practice.key] = assessments.quiz_ensure(
            course,
            purpose=Quiz.Purpose.PRACTICE,
            title=practice.title,
            questions=practice.questions,
            topic=topic,
            original=(originals or {}).get(practice.key),
        )
    for purpose, questions in (
        (Quiz.Purpose.PRE_TEST, spec.pre_test),
        (Quiz.Purpose.POST_TEST, spec.post_test),
    ):
        quizzes[purpose] = assessments.quiz_ensure(
            course,
            purpose=purpose,
            title=assessments.TEST_TITLES.get(language, assessments.TEST_TITLES["en"])[purpose],
            questions=questions,
            topic=topic,
            original=(originals or {}).get(purpose),
        )
    return quizzes


def _certificate_template_ensure(
    course: CoursePage, text: str, *, original: CertificateTemplate | None = None
) -> CertificateTemplate:
    existing = CertificateTemplate.objects.filter(
        courses=course, locale_id=course.locale_id
    ).first()
    if existing is not None:
        return existing
    language = course.locale.language_code
    if original is not None:
        template = original.copy_for_translation(course.locale)
    else:
        template = CertificateTemplate(locale=course.locale)
    template.title = CERTIFICATE_TITLES[language]
    # The course's own statement is plain text: braces are doubled so none is a placeholder.
    statement = text.replace("{", "{{").replace("}", "}}")
    template.body = f"{CERTIFICATE_BODIES[language]} {statement}".strip()
    template.signatory_name = SIGNATORY
    template.signatory_title = SIGNATORY_TITLES[language]
    template.validity_months = CERTIFICATE_VALIDITY_MONTHS
    template.courses.set([course])
    template.courses_clean([course])
    template.full_clean()
    template.save()
    template.save_revision()
    return template


def _sessions_ensure(course: CoursePage, sessions: list[schema.Session], trainer: User) -> None:
    today = timezone.localdate()
    for spec in sessions:
        location = f"{spec.venue}, {spec.city}"
        if ClassroomSession.objects.filter(
            course=course, title=spec.title, location=location
        ).exists():
            continue
        starts_at = datetime.combine(
            today + timedelta(days=spec.days_from_now), SESSION_START, tzinfo=SESSION_ZONE
        )
        session_create(
            course=course,
            title=spec.title,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=spec.hours),
            trainer=trainer,
            capacity=spec.capacity,
            location=location,
            created_by=trainer,
        )


def course_seed(
    spec: schema.Course, *, catalogue: CourseIndexPage, trainer: User, admin: User
) -> list[CoursePage]:
    """One demo course with everything around it, and its translations; returns the pages."""
    course, created = pages.course_page_ensure(spec, catalogue=catalogue, trainer=trainer)
    quizzes = _tests_ensure(course, spec)
    pages.modules_ensure(course, spec.modules, _block_resolver(course, quizzes, admin))
    surveys = assessments.surveys_ensure(course)
    template = _certificate_template_ensure(course, spec.certificate_text)
    _sessions_ensure(course, spec.sessions, trainer)
    if created:
        logger.info("Demo course %s created", spec.slug)
    seeded = [course]
    for translation_spec in spec.translations:
        locale = Locale.objects.get(language_code=translation_spec.language)
        translation, _created = pages.course_translation_ensure(
            course, translation_spec, locale=locale, trainer=trainer
        )
        translated_quizzes = _tests_ensure(translation, translation_spec, originals=quizzes)
        pages.modules_translation_ensure(
            course,
            translation_spec.modules,
            locale=locale,
            resolve=_block_resolver(translation, translated_quizzes, admin),
        )
        assessments.surveys_ensure(translation, originals=surveys)
        _certificate_template_ensure(
            translation, translation_spec.certificate_text, original=template
        )
        seeded.append(translation)
    return seeded


def _training_data_ensure(
    courses: list[CoursePage], *, trainees: int, seed: int, stdout: TextIO | None
) -> dict[str, int] | None:
    """Synthetic trainees in the demo courses, once per seed (the generator refuses twice)."""
    domain = synthetic_email_domain(seed)
    if User.objects.filter(email__endswith=f"@{domain}").exists():
        return None
    return training_data_generate(trainees=trainees, seed=seed, courses=courses, stdout=stdout)


def _programme_report_ensure(manager: User) -> ReportRun | None:
    """A finished programme-wide report, so the dashboard shows figures on the first visit."""
    if ReportRun.objects.filter(status=ReportRun.Status.DONE, filters={}).exists():
        return None
    run = report_run_request(user=manager, filters={})
    # Built here rather than left to a worker that may not run yet; the queued task then
    # finds the run done and returns.
    return report_run_execute(run_id=run.pk)


@transaction.atomic
def demo_seed(
    *,
    training_data: bool = True,
    trainees: int = 300,
    seed: int = 2026,
    stdout: TextIO | None = None,
) -> DemoSummary:
    """Build the demo site; running it again creates nothing twice.

    The site and catalogue (``site_setup``, ``catalogue_setup``), one account per role
    (``demo_accounts_ensure``), every course of ``demo/content`` with its tests, surveys,
    certificate template, sessions and translations, then ``trainees`` synthetic trainees
    (``training_data``) and a programme-wide report for the dashboard.
    """
    summary = DemoSummary()
    site_setup()
    catalogues = {c.locale.language_code: c for c in catalogue_setup()}
    english = catalogues[settings.LANGUAGE_CODE]
    summary.logins = demo_accounts_ensure()
    trainer = User.objects.get(email=DEMO_TRAINER)
    admin = User.objects.get(email=DEMO_ADMIN)
    originals = []
    for spec in demo_courses():
        seeded = course_seed(spec, catalogue=english, trainer=trainer, admin=admin)
        originals.append(seeded[0])
        summary.courses.extend(seeded)
    if training_data:
        summary.training_data = _training_data_ensure(
            originals, trainees=trainees, seed=seed, stdout=stdout
        )
        summary.report = _programme_report_ensure(User.objects.get(email=DEMO_MANAGER))
    return summary
