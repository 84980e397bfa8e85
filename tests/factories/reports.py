"""A small hand-built training programme whose report figures the tests know by heart."""

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from accounts.models import Audience
from assessments.models import (
    Attempt,
    AttemptAnswer,
    Quiz,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyItem,
    SurveyResponse,
)
from assessments.services import attempt_milestone_record
from courses.models import (
    ClassroomSession,
    Cohort,
    Enrolment,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    SessionRegistration,
)
from courses.services import enrolment_milestone_record
from tests.factories import OrganisationFactory, TraineeFactory, TrainerFactory
from tests.factories.assessments import ChoiceQuestionFactory, QuizFactory
from tests.factories.courses import add_course

POLICE_DAYS = [2, 4, 6, 8, 10, None]
PRE = [40, 50, 60, 50, 40, 100]
POST = [80, 90, 80, 70, 60, 100]
REACTION_LIKERT = [5, 4, 4, 3, 5, 2]
REACTION_NPS = [10, 9, 8, 6, 10, 3]
# Question 1 everybody gets right, question 2 four of six, question 3 the first three.
ITEM_CORRECT = [
    (True, True, True),
    (True, True, True),
    (True, True, True),
    (True, True, False),
    (True, False, False),
    (True, False, False),
]


@dataclass
class Programme:
    course: object
    tot_course: object
    police: list = field(default_factory=list)
    municipal: list = field(default_factory=list)
    graduate: object = None
    cohort: object = None
    post_test: object = None
    reaction: object = None
    follow_up: object = None
    questions: list = field(default_factory=list)

    @property
    def filters(self):
        return {"courses": [self.course.pk]}


def _token(*parts) -> str:
    return hashlib.sha256("-".join(map(str, parts)).encode()).hexdigest()


def attempt_graded(quiz, trainee, enrolment, percent, when):
    """A graded attempt, and the enrolment's milestone as attempt_submit keeps it."""
    attempt = Attempt.objects.create(
        quiz=quiz,
        trainee=trainee,
        enrolment=enrolment,
        number=1,
        status=Attempt.Status.SUBMITTED,
        started_at=when,
        submitted_at=when,
        score=percent,
        max_score=100,
        percent=percent,
        passed=percent >= quiz.pass_mark_percent,
    )
    attempt_milestone_record(attempt)
    return attempt


def survey_response_with(survey, enrolment, values: dict[str, object]):
    response = SurveyResponse.objects.create(
        survey=survey, trainee=enrolment.trainee, enrolment=enrolment
    )
    if survey.purpose == Survey.Purpose.FOLLOW_UP:
        enrolment_milestone_record(
            enrolment_id=enrolment.pk, milestone="follow_up_at", at=response.submitted_at
        )
    for item in survey.items.all():
        if item.kind not in values:
            continue
        value = values[item.kind]
        SurveyAnswer.objects.create(
            response=response,
            item=item,
            item_text=item.text,
            kind=item.kind,
            value=None if isinstance(value, str) else value,
            text=value if isinstance(value, str) else "",
        )
    return response


def build_programme(catalogue) -> Programme:
    """Nine trainees in one course: six police officers in a cohort led by a graduate of
    training of trainers, three municipal staff in a session led by a second graduate."""
    now = timezone.now()
    base = now - timedelta(days=40)
    course = add_course(
        catalogue, title="Forced return procedures", modules=2, lessons=1, estimated_hours=2
    )
    tot_course = add_course(
        catalogue, title="Train the trainers", modules=1, lessons=1, is_training_of_trainers=True
    )
    antwerp = OrganisationFactory(name="Police zone Antwerpen", city="Antwerpen")
    ghent = OrganisationFactory(name="City of Gent", city="Gent", kind="municipality")
    programme = Programme(course=course, tot_course=tot_course)
    programme.graduate = TrainerFactory(organisation=antwerp)
    Enrolment.objects.create(
        trainee=programme.graduate,
        course=tot_course,
        status=Enrolment.Status.COMPLETED,
        source=Enrolment.Source.SELF,
        created_at=base - timedelta(days=30),
        completed_at=base - timedelta(days=20),
    )
    programme.cohort = Cohort.objects.create(
        name="Antwerpen 2026", course=course, organisation=antwerp
    )
    programme.cohort.trainers.add(programme.graduate)

    lessons = list(LessonPage.objects.descendant_of(course).order_by("path"))
    # One lesson per module: finishing a lesson finishes its module.
    modules = [lesson.get_parent().specific for lesson in lessons]
    programme.post_test = QuizFactory(
        course=course,
        purpose=Quiz.Purpose.POST_TEST,
        questions=[ChoiceQuestionFactory(text=f"Question {n}") for n in range(1, 4)],
        pass_mark_percent=70,
    )
    programme.questions = [qq.question for qq in programme.post_test.quiz_questions.all()]
    pre_test = QuizFactory(course=course, purpose=Quiz.Purpose.PRE_TEST, questions=[])
    programme.reaction = Survey.objects.create(
        title="How was it?", purpose=Survey.Purpose.REACTION, course=course
    )
    # The usefulness statement is not the first: the report reads it by its role.
    for order, (kind, text, role) in enumerate(
        [
            (SurveyItem.Kind.LIKERT, "The examples were realistic.", SurveyItem.Role.NONE),
            (
                SurveyItem.Kind.LIKERT,
                "The course was useful for my work.",
                SurveyItem.Role.USEFULNESS,
            ),
            (SurveyItem.Kind.NPS, "Would you recommend it?", SurveyItem.Role.RECOMMENDATION),
            (SurveyItem.Kind.FREE_TEXT, "What would you change?", SurveyItem.Role.NONE),
        ]
    ):
        SurveyItem.objects.create(
            survey=programme.reaction, kind=kind, text=text, role=role, sort_order=order
        )
    programme.follow_up = Survey.objects.create(
        title="Three months later", purpose=Survey.Purpose.FOLLOW_UP, course=course
    )
    SurveyItem.objects.create(
        survey=programme.follow_up,
        kind=SurveyItem.Kind.LIKERT,
        text="I apply the procedure at work.",
        role=SurveyItem.Role.APPLIED,
        sort_order=0,
    )

    for index, days in enumerate(POLICE_DAYS):
        trainee = TraineeFactory(audience=Audience.POLICE, organisation=antwerp)
        programme.police.append(trainee)
        enrolment = Enrolment.objects.create(
            trainee=trainee,
            course=course,
            cohort=programme.cohort,
            status=Enrolment.Status.COMPLETED if days else Enrolment.Status.ACTIVE,
            source=Enrolment.Source.COHORT,
            created_at=base - timedelta(days=1),
            activated_at=base,
            first_viewed_at=base,
            completed_at=base + timedelta(days=days) if days else None,
        )
        for number, (lesson, module) in enumerate(zip(lessons, modules, strict=True)):
            done = bool(days or number == 0)
            LessonProgress.objects.create(
                enrolment=enrolment,
                lesson=lesson,
                first_viewed_at=base,
                completed_at=base + timedelta(days=1) if done else None,
            )
            if done:
                ModuleCompletion.objects.create(
                    enrolment=enrolment, module=module, completed_at=base + timedelta(days=1)
                )
        attempt_graded(pre_test, trainee, enrolment, PRE[index], base)
        attempt = attempt_graded(programme.post_test, trainee, enrolment, POST[index], base)
        for position, (question, correct) in enumerate(
            zip(programme.questions, ITEM_CORRECT[index], strict=True)
        ):
            AttemptAnswer.objects.create(
                attempt=attempt,
                question=question,
                position=position,
                snapshot={},
                is_correct=correct,
            )
        survey_response_with(
            programme.reaction,
            enrolment,
            {
                "likert": REACTION_LIKERT[index],
                "nps": REACTION_NPS[index],
                "free_text": f"Comment number {index}",
            },
        )
        SurveyInvitation.objects.create(
            enrolment=enrolment,
            survey=programme.follow_up,
            token_hash=_token("invite", index),
            expires_at=now + timedelta(days=30),
        )
        if index < 5:
            survey_response_with(programme.follow_up, enrolment, {"likert": 4})

    # A police officer who also completed training of trainers leads a session for the
    # three municipal staff: they are the cascade's second level.
    second = programme.police[0]
    Enrolment.objects.create(
        trainee=second,
        course=tot_course,
        status=Enrolment.Status.COMPLETED,
        source=Enrolment.Source.SELF,
        created_at=base - timedelta(days=3),
        completed_at=base - timedelta(days=2),
    )
    session = ClassroomSession.objects.create(
        course=course,
        title="Forced return in practice",
        starts_at=base + timedelta(days=2),
        ends_at=base + timedelta(days=2, hours=3),
        trainer=second,
        capacity=20,
    )
    for trainee_number in range(3):
        trainee = TraineeFactory(audience=Audience.MUNICIPAL_STAFF, organisation=ghent)
        programme.municipal.append(trainee)
        enrolment = Enrolment.objects.create(
            trainee=trainee,
            course=course,
            status=Enrolment.Status.COMPLETED,
            source=Enrolment.Source.SELF,
            created_at=base - timedelta(days=1),
            activated_at=base,
            first_viewed_at=base,
            completed_at=base + timedelta(days=1),
        )
        for lesson, module in zip(lessons, modules, strict=True):
            LessonProgress.objects.create(
                enrolment=enrolment, lesson=lesson, first_viewed_at=base, completed_at=base
            )
            ModuleCompletion.objects.create(enrolment=enrolment, module=module, completed_at=base)
        SessionRegistration.objects.create(
            session=session,
            trainee=trainee,
            status=SessionRegistration.Status.REGISTERED,
            attended=True,
        )
        survey_response_with(
            programme.reaction, enrolment, {"free_text": f"Municipal comment {trainee_number}"}
        )
    # Not in the report: a request still pending.
    Enrolment.objects.create(
        trainee=TraineeFactory(audience=Audience.POLICE, organisation=antwerp),
        course=course,
        status=Enrolment.Status.PENDING,
        source=Enrolment.Source.APPROVAL,
    )
    return programme
