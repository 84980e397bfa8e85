"""One shared world for the security tests: every kind of object, built once.

Building courses, a certificate and an H5P package for each of the ~1500 requests of the URL
matrix would take minutes, so ``world`` builds them once for this folder, inside a transaction
that is rolled back when its tests end. Each test still runs in its own savepoint (the usual
``db`` fixture), so a POST in one test (enrol, withdraw, submit...) never leaks into the next.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.documents.models import Document

from accounts.models import User
from assessments.models import Attempt, Question, Survey, SurveyInvitation
from assessments.services.surveys import survey_token_hash
from certificates.models import Certificate
from cms.services import site_setup
from courses import services as course_services
from courses.models import (
    ClassroomSession,
    CourseAudience,
    Enrolment,
    EnrolmentMode,
    LessonPage,
    ModulePage,
    SessionRegistration,
    Topic,
)
from courses.services.catalogue import catalogue_setup
from courses.services.cohorts import cohort_add_members, cohort_create
from demo.h5p_packages import build_h5p_package
from h5p.models import H5PContent, Statement, XAPIClient
from h5p.services.packages import h5p_package_import
from h5p.xapi.auth import client_credentials_issue
from reports import services as report_services
from reports.models import IndicatorValue, ProgrammeIndicator, ReportRun
from tests.factories import (
    AdminFactory,
    ProgrammeManagerFactory,
    TraineeFactory,
    TrainerFactory,
)
from tests.factories.assessments import (
    AttemptFactory,
    ChoiceQuestionFactory,
    QuizFactory,
    SurveyFactory,
)
from tests.factories.certificates import CertificateTemplateFactory
from tests.factories.courses import add_course, study
from tests.reports.sample import sample_report

# The columns of the matrix, in this order everywhere.
ROLES = (
    "anonymous",
    "trainee",
    "other_trainee",
    "other_trainer",
    "trainer",
    "programme_manager",
    "admin",
)

SURVEY_TOKEN = "security-matrix-follow-up-link-token-0001"
USED_SURVEY_TOKEN = "security-matrix-follow-up-link-token-used"


@dataclass
class World:
    """Everything the URL matrix needs; ``trainee`` owns the personal objects."""

    users: dict[str, User | None]
    home: Any
    catalogue: Any
    course: Any
    module: ModulePage
    lesson: LessonPage
    h5p_lesson: LessonPage
    lesson_document: Document
    unused_document: Document
    h5p_block_id: str
    other_course: Any
    other_lesson: LessonPage
    enrolment: Enrolment
    pending: Enrolment
    quiz: Any
    question: Question
    attempt_done: Attempt
    attempt_open: Attempt
    reaction_survey: Survey
    follow_up_survey: Survey
    certificate: Certificate
    certificate_template: Any
    cohort: Any
    session: ClassroomSession
    report_run: ReportRun
    xapi_client: XAPIClient
    statement: Statement
    h5p_content: H5PContent
    indicator: ProgrammeIndicator
    indicator_value: IndicatorValue
    topic: Topic
    audience: CourseAudience

    @property
    def trainee(self) -> User:
        return self.users["trainee"]

    @property
    def trainer(self) -> User:
        return self.users["trainer"]


def _build() -> World:
    home = site_setup()
    catalogue = next(c for c in catalogue_setup() if c.locale.language_code == "en")
    trainer = TrainerFactory()
    other_trainer = TrainerFactory()
    trainee = TraineeFactory()
    other_trainee = TraineeFactory()
    users = {
        "anonymous": None,
        "trainee": trainee,
        "other_trainee": other_trainee,
        "other_trainer": other_trainer,
        "trainer": trainer,
        "programme_manager": ProgrammeManagerFactory(),
        "admin": AdminFactory(),
    }

    course = add_course(catalogue, trainers=[trainer], enrolment_mode=EnrolmentMode.OPEN)
    other_course = add_course(
        catalogue,
        title="Identification interviews",
        trainers=[other_trainer],
        enrolment_mode=EnrolmentMode.APPROVAL,
        modules=1,
        lessons=1,
    )
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    module = ModulePage.objects.descendant_of(course).live().order_by("path").first()

    # An optional H5P exercise in the last lesson, so completing the course needs no score.
    package = build_h5p_package(title="Who decides on a removal?")
    h5p_content = h5p_package_import(
        file=SimpleUploadedFile("exercise.h5p", package, content_type="application/zip"),
        uploaded_by=trainer,
        course=course,
    )
    # A handout in that lesson, and a document no lesson uses.
    lesson_document = Document.objects.create(
        title="Handout", file=SimpleUploadedFile("handout.txt", b"Removal procedure")
    )
    unused_document = Document.objects.create(
        title="Draft notes", file=SimpleUploadedFile("notes.txt", b"Not for trainees")
    )
    h5p_lesson = lessons[-1]
    h5p_lesson.body = [
        ("rich_text", "<p>Try the exercise.</p>"),
        ("document", {"document": lesson_document, "description": ""}),
        ("h5p", {"content": h5p_content, "required": False, "pass_scaled": Decimal("0.5")}),
    ]
    h5p_lesson.save_revision().publish()
    h5p_lesson = LessonPage.objects.get(pk=h5p_lesson.pk)
    h5p_block_id = next(block.id for block in h5p_lesson.body if block.block_type == "h5p")
    # The same exercise in the other course, where neither trainee is enrolled.
    other_lesson = LessonPage.objects.descendant_of(other_course).live().get()
    other_lesson.body = [("h5p", {"content": h5p_content, "required": False})]
    other_lesson.save_revision().publish()
    other_lesson = LessonPage.objects.get(pk=other_lesson.pk)

    # The trainee: two attempts (one graded, one open), then the whole course and its certificate.
    enrolment = course_services.enrolment_enrol(trainee=trainee, course=course)[0]
    course_services.enrolment_enrol(trainee=other_trainee, course=course)
    question = ChoiceQuestionFactory()
    quiz = QuizFactory(course=course, questions=[question], max_attempts=3)
    attempt_done = AttemptFactory(quiz=quiz, trainee=trainee, right=0)
    attempt_open = AttemptFactory(quiz=quiz, trainee=trainee)
    certificate_template = CertificateTemplateFactory(courses=[course], validity_months=24)
    with TestCase.captureOnCommitCallbacks(execute=True):
        for lesson in lessons:
            study(trainee, lesson)
    enrolment.refresh_from_db()
    certificate = Certificate.objects.get(enrolment=enrolment)

    # A request waiting for the course's trainer (the requester plays no role in the matrix).
    requester = TraineeFactory()
    pending = Enrolment.objects.create(
        trainee=requester, course=course, status=Enrolment.Status.PENDING
    )

    reaction_survey = SurveyFactory(course=course)
    follow_up_survey = SurveyFactory(course=course, purpose=Survey.Purpose.FOLLOW_UP)
    now = timezone.now()
    SurveyInvitation.objects.create(
        enrolment=enrolment,
        survey=follow_up_survey,
        token_hash=survey_token_hash(SURVEY_TOKEN),
        expires_at=now + timedelta(days=30),
    )
    # Another (completed) enrolment's link that was already used: 410 Gone for everybody.
    used_enrolment = Enrolment.objects.create(
        trainee=requester,
        course=other_course,
        status=Enrolment.Status.COMPLETED,
        completed_at=now - timedelta(days=100),
    )
    SurveyInvitation.objects.create(
        enrolment=used_enrolment,
        survey=follow_up_survey,
        token_hash=survey_token_hash(USED_SURVEY_TOKEN),
        expires_at=now + timedelta(days=30),
        used_at=now,
    )

    cohort = cohort_create(
        course=course, name="Antwerp, spring", trainers=[trainer], created_by=trainer
    )
    cohort_add_members(cohort=cohort, trainees=[trainee], added_by=trainer)
    start = now + timedelta(days=7)
    session = ClassroomSession.objects.create(
        course=course,
        title="Briefing",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        trainer=trainer,
        capacity=10,
    )
    SessionRegistration.objects.create(
        session=session, trainee=trainee, status=SessionRegistration.Status.REGISTERED
    )

    report_run = ReportRun.objects.create(
        status=ReportRun.Status.DONE,
        progress=100,
        result=sample_report(),
        started_at=now,
        finished_at=now,
        requested_by=users["programme_manager"],
    )
    report_services.report_run_files_ensure(run=report_run)  # drawn once, not per request
    xapi_client = XAPIClient(name="Reporting")
    client_credentials_issue(xapi_client)
    xapi_client.save()
    statement = Statement.objects.filter(user=trainee).order_by("stored").first()
    indicator = ProgrammeIndicator.objects.create(name="Action plans made", target=10)
    indicator_value = IndicatorValue.objects.create(
        indicator=indicator,
        period_start=now.date() - timedelta(days=90),
        period_end=now.date(),
        value=Decimal(3),
        recorded_by=users["programme_manager"],
    )
    return World(
        users=users,
        home=home,
        catalogue=catalogue,
        course=course,
        module=module,
        lesson=lessons[0],
        h5p_lesson=h5p_lesson,
        lesson_document=lesson_document,
        unused_document=unused_document,
        h5p_block_id=h5p_block_id,
        other_course=other_course,
        other_lesson=other_lesson,
        enrolment=enrolment,
        pending=pending,
        quiz=quiz,
        question=question,
        attempt_done=attempt_done,
        attempt_open=attempt_open,
        reaction_survey=reaction_survey,
        follow_up_survey=follow_up_survey,
        certificate=certificate,
        certificate_template=certificate_template,
        cohort=cohort,
        session=session,
        report_run=report_run,
        xapi_client=xapi_client,
        statement=statement,
        h5p_content=h5p_content,
        indicator=indicator,
        indicator_value=indicator_value,
        topic=Topic.objects.order_by("pk").first(),
        audience=CourseAudience.objects.order_by("pk").first(),
    )


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, tmp_path_factory) -> World:
    """The shared objects; rolled back when the tests of this folder end."""
    # Files on disk: Wagtail streams documents from their path, which memory storage lacks.
    media = tmp_path_factory.mktemp("media")
    storages = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media)},
        },
    }
    with (
        override_settings(STORAGES=storages, MEDIA_ROOT=str(media)),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        built = _build()
        assert built.statement is not None, "completing lessons records xAPI statements"
        assert built.enrolment.status == Enrolment.Status.COMPLETED
        yield built
        transaction.set_rollback(True)
