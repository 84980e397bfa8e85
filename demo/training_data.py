"""Synthetic training data in bulk, for load tests, report benchmarks and demos (issue 7).

Every user made here has an email at ``@s<seed>.synthetic.liaison.invalid``. A seed that
already has users in the database is refused (``TrainingDataExists``): mixing two runs of
one seed would double its figures, and deleting 100,000 users by cascade takes longer than
recreating the database. Run again with another seed, or on a fresh database.

One ``random.Random(seed)`` drives everything, trainee after trainee, so the same seed, the
same number of trainees, the same courses and the same ``today`` give the same data whatever
the batch size. Trainees' rows are kept as plain lists and written per batch, one
transaction each: on PostgreSQL with ``COPY`` (ids drawn from the tables' sequences), elsewhere
with ``bulk_create``. No signals, no ``full_clean``, no emails, no Celery tasks. Setup rows
(organisations, trainers, cohorts, sessions, the synthetic programme) go through the ORM.

Which enrolments complete, when, and the rule they keep come from the completion rule itself
(``_Rule``): the pure functions of courses.completion and assessments.completion evaluate
each trainee's simulated lessons, sessions and post-test, without a query per enrolment.
"""

import hashlib
import json
import math
import random
import time as clock
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TextIO

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from wagtail import hooks

from accounts import roles
from accounts.models import Audience, Organisation, User
from assessments import completion as assessment_completion
from assessments import defaults as assessment_defaults
from assessments import grading
from assessments.models import (
    Attempt,
    AttemptAnswer,
    Choice,
    PreTestSkip,
    Question,
    Quiz,
    QuizQuestion,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyItem,
    SurveyResponse,
)
from assessments.services.attempts import question_snapshot
from courses import completion
from courses.completion import Requirement
from courses.models import (
    ClassroomSession,
    Cohort,
    CourseAudience,
    CoursePage,
    Enrolment,
    EnrolmentMode,
    LearningObjective,
    LessonPage,
    LessonProgress,
    ModuleCompletion,
    ModulePage,
    SessionRegistration,
    Topic,
)
from courses.selectors import course_outline

SYNTHETIC_DOMAIN = "synthetic.liaison.invalid"
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
MINUTE = timedelta(minutes=1)
# How long a synthetic trainee takes per question, and then to submit (seconds, uniform).
ANSWER_SECONDS = (15, 90)
SUBMIT_SECONDS = (5, 60)

AUDIENCE_SHARES = {
    Audience.POLICE: 45,
    Audience.MUNICIPAL_STAFF: 20,
    Audience.CIVIL_SOCIETY: 20,
    Audience.STUDENT: 10,
    Audience.OTHER: 5,
}
_K = Organisation.Kind
AUDIENCE_KINDS = {
    Audience.POLICE: (_K.POLICE_ZONE, _K.FEDERAL_POLICE),
    Audience.MUNICIPAL_STAFF: (_K.MUNICIPALITY,),
    Audience.CIVIL_SOCIETY: (_K.NGO,),
    Audience.STUDENT: (_K.UNIVERSITY,),
    Audience.OTHER: (_K.FEDERAL_AGENCY, _K.OTHER),
}
# (name, kind, city, weight): weights roughly follow the size of the service.
ORGANISATIONS = [
    ("Politiezone Antwerpen", _K.POLICE_ZONE, "Antwerpen", 5),
    ("Politiezone Gent", _K.POLICE_ZONE, "Gent", 3),
    ("Zone de police Bruxelles-Capitale Ixelles", _K.POLICE_ZONE, "Bruxelles", 4),
    ("Zone de police Bruxelles-Midi", _K.POLICE_ZONE, "Bruxelles", 3),
    ("Zone de police de Liège", _K.POLICE_ZONE, "Liège", 3),
    ("Zone de police de Charleroi", _K.POLICE_ZONE, "Charleroi", 3),
    ("Politiezone Leuven", _K.POLICE_ZONE, "Leuven", 2),
    ("Zone de police Namur Capitale", _K.POLICE_ZONE, "Namur", 2),
    ("Politiezone Brugge", _K.POLICE_ZONE, "Brugge", 2),
    ("Zone de police Mons-Quévy", _K.POLICE_ZONE, "Mons", 1.5),
    ("Politiezone Hasselt", _K.POLICE_ZONE, "Hasselt", 1.5),
    ("Politiezone Mechelen", _K.POLICE_ZONE, "Mechelen", 1.5),
    ("Federale politie – Luchthavenpolitie", _K.FEDERAL_POLICE, "Zaventem", 2),
    ("Police fédérale – Police des chemins de fer", _K.FEDERAL_POLICE, "Bruxelles", 1),
    ("Stad Antwerpen – Dienst Vreemdelingen", _K.MUNICIPALITY, "Antwerpen", 4),
    ("Stad Gent – Burgerzaken", _K.MUNICIPALITY, "Gent", 3),
    ("Ville de Bruxelles – Population-Étrangers", _K.MUNICIPALITY, "Bruxelles", 3),
    ("Commune de Schaerbeek – Population", _K.MUNICIPALITY, "Bruxelles", 2),
    ("Ville de Liège – Population-Étrangers", _K.MUNICIPALITY, "Liège", 3),
    ("Ville de Charleroi – Service Étrangers", _K.MUNICIPALITY, "Charleroi", 2),
    ("Stad Leuven – Burgerzaken", _K.MUNICIPALITY, "Leuven", 1.5),
    ("Ville de Namur – Population", _K.MUNICIPALITY, "Namur", 1.5),
    ("Stad Brugge – Burgerzaken", _K.MUNICIPALITY, "Brugge", 1.5),
    ("Ville de Mons – Service Étrangers", _K.MUNICIPALITY, "Mons", 1),
    ("Stad Hasselt – Burgerzaken", _K.MUNICIPALITY, "Hasselt", 1),
    ("KU Leuven – Rechtsgeleerdheid en criminologie", _K.UNIVERSITY, "Leuven", 3),
    ("Universiteit Gent – Criminologie", _K.UNIVERSITY, "Gent", 3),
    ("Université de Liège – Droit et criminologie", _K.UNIVERSITY, "Liège", 2),
    ("UCLouvain – École de criminologie", _K.UNIVERSITY, "Louvain-la-Neuve", 2),
    ("Universiteit Antwerpen – Rechten", _K.UNIVERSITY, "Antwerpen", 2),
    ("ULB – Droit et criminologie", _K.UNIVERSITY, "Bruxelles", 2),
    ("HOGENT – Sociaal werk", _K.UNIVERSITY, "Gent", 1),
    ("Terugkeerpunt Antwerpen vzw", _K.NGO, "Antwerpen", 3),
    ("Brug naar Thuis vzw", _K.NGO, "Gent", 2),
    ("Réseau Retour Bruxelles asbl", _K.NGO, "Bruxelles", 3),
    ("Maison de l'Accueil asbl", _K.NGO, "Liège", 2),
    ("Solidarité Retour asbl", _K.NGO, "Charleroi", 2),
    ("Open Deur Leuven vzw", _K.NGO, "Leuven", 1),
    ("Passerelle Namur asbl", _K.NGO, "Namur", 1),
    ("Dienst Vreemdelingenzaken – liaison Antwerpen", _K.FEDERAL_AGENCY, "Antwerpen", 2),
    ("Dienst Vreemdelingenzaken – liaison Gent", _K.FEDERAL_AGENCY, "Gent", 1),
    ("Office des Étrangers – liaison Liège", _K.FEDERAL_AGENCY, "Liège", 1),
    ("Office des Étrangers – liaison Charleroi", _K.FEDERAL_AGENCY, "Charleroi", 1),
    ("Office des Étrangers – Bruxelles", _K.FEDERAL_AGENCY, "Bruxelles", 2),
    ("Parquet du Procureur du Roi de Liège", _K.OTHER, "Liège", 1),
    ("Parket Antwerpen", _K.OTHER, "Antwerpen", 1),
]
DUTCH_CITIES = {"Antwerpen", "Gent", "Leuven", "Brugge", "Hasselt", "Mechelen", "Zaventem"}
FIRST_NAMES = {
    "nl": [
        "Jan",
        "Pieter",
        "Sofie",
        "Lotte",
        "Tom",
        "Els",
        "Wouter",
        "Nathalie",
        "Bart",
        "Lien",
        "Koen",
        "Ann",
        "Stijn",
        "Fien",
        "Joris",
        "Hanne",
        "Dries",
        "Ines",
    ],
    "fr": [
        "Marie",
        "Julien",
        "Camille",
        "Nicolas",
        "Sophie",
        "Thomas",
        "Élodie",
        "François",
        "Aurélie",
        "Maxime",
        "Chloé",
        "Antoine",
        "Manon",
        "Olivier",
        "Laura",
        "Mehdi",
        "Sarah",
        "Youssef",
    ],
    "any": ["Amina", "Karim", "Fatima", "Omar", "Aylin", "Emre", "Nadia", "Ivan", "Ana", "Samir"],
}
LAST_NAMES = {
    "nl": [
        "Peeters",
        "Janssens",
        "Maes",
        "Jacobs",
        "Mertens",
        "Willems",
        "Claes",
        "Goossens",
        "Wouters",
        "Vermeulen",
        "Desmet",
        "Verhoeven",
    ],
    "fr": [
        "Dubois",
        "Lambert",
        "Dupont",
        "Martin",
        "Simon",
        "Laurent",
        "Leclercq",
        "Lejeune",
        "Renard",
        "Dumont",
        "Mathieu",
        "Collard",
    ],
    "any": ["El Amrani", "Yilmaz", "Benali", "Kaya", "Diallo", "Nowak", "Bouzid", "Haddad"],
}
REACTION_COMMENTS = [
    "More case studies from the field, please.",
    "The part on reintegration support was the most useful for my desk.",
    "Too long for a shift: shorter lessons would help.",
    "Plus d'exemples pratiques, s'il vous plaît.",
    "Très clair sur le rôle de chaque service.",
    "Graag een overzicht van de contactpersonen per stad.",
    "Nuttig, maar de module over documenten mocht dieper gaan.",
    "I would like a session with the local liaison officer.",
]
FOLLOW_UP_COMMENTS = [
    "I referred a family to the return desk after a conversation at the counter.",
    "We now call the local liaison before a home visit.",
    "J'ai utilisé la fiche de référence pour une personne vulnérable.",
    "Ik gebruik de checklist bij identificatie van reisdocumenten.",
    "Not yet: no case came up in my service.",
]


class TrainingDataExists(Exception):
    """The database already holds synthetic users of this seed."""


def synthetic_email_domain(seed: int) -> str:
    """The email domain that tags the users generated with ``seed``."""
    return f"s{seed}.{SYNTHETIC_DOMAIN}"


# The programme created when the database has no live course: title, slug, objectives,
# modules with their lessons, 8 test questions (text, right answer, three wrong ones) and
# 4 true/false statements for the graded quiz.
PROGRAMME = [
    {
        "title": "Voluntary return: counselling and referral",
        "slug": "synthetic-voluntary-return",
        "topics": ["voluntary-return"],
        "audiences": [],
        "objectives": [
            "Describe the four components of the voluntary return programme.",
            "Refer a person to a return desk or return partner.",
            "Explain the return premium and the reintegration support a person may receive.",
            "Recognise vulnerable persons and the top-ups they may be entitled to.",
        ],
        "modules": {
            "The voluntary return programme": [
                "Why voluntary return",
                "The four components",
                "Who does what",
            ],
            "Accompaniment and communication": [
                "Return desks and partners",
                "Return places in reception centres",
                "Talking about return",
            ],
            "Return and reintegration": [
                "Organising the journey",
                "The return premium",
                "Reintegration support and top-ups",
            ],
        },
        "questions": [
            (
                0,
                "Which of these is one of the four components of the voluntary return programme?",
                "Reintegration support",
                "Detention in a closed centre",
                "Removal escorted by police",
                "Regularisation of residence",
            ),
            (
                0,
                "Why is voluntary return preferred over forced return?",
                "It is more humane and more cost-effective",
                "It needs no travel documents",
                "It is the only option for rejected applicants",
                "It does not involve the Immigration Office",
            ),
            (
                1,
                "A person at your desk asks about returning home. Where do you refer them?",
                "To a return desk or return partner, or the free phone number",
                "To the local police station",
                "To the public prosecutor",
                "To the Belgian embassy in the country of origin",
            ),
            (
                1,
                "Who takes part in accompanying voluntary return?",
                "Return desks, reception centres and civil-society organisations",
                "Only the federal police",
                "Only the embassies of countries of origin",
                "Only municipal population desks",
            ),
            (
                2,
                "What return premium is paid per adult at departure?",
                "EUR 250",
                "EUR 125",
                "EUR 700",
                "EUR 1,500",
            ),
            (
                2,
                "Who receives no reintegration support?",
                "People who never entered a procedure",
                "Rejected asylum applicants",
                "Asylum seekers",
                "Families with children",
            ),
            (
                3,
                "What may a vulnerable returnee receive on top of the standard support?",
                "A top-up of EUR 500, decided case by case",
                "Nothing more",
                "A residence permit",
                "A second ticket",
            ),
            (
                2,
                "What can EUR 1,500 per file support?",
                "A micro-business or a wage subsidy",
                "The plane ticket",
                "Legal fees in Belgium",
                "A housing deposit in Belgium",
            ),
        ],
        "statements": [
            ("Return places are offered in open reception centres.", True),
            ("Passive communication includes return stories told by returnees.", True),
            ("The return premium for a child is the same as for an adult.", False),
            ("Local authorities play no part in communication on voluntary return.", False),
        ],
    },
    {
        "title": "Forced return and identification for field services",
        "slug": "synthetic-forced-return",
        "topics": ["forced-return", "identification", "fundamental-rights"],
        "audiences": [Audience.POLICE, Audience.MUNICIPAL_STAFF],
        "objectives": [
            "Name the services involved in a forced return and their roles.",
            "Apply the principle of non-refoulement and fundamental rights at each step.",
            "Explain why identification and travel documents decide whether a return happens.",
            "Refer a possible victim of trafficking or a vulnerable person.",
        ],
        "modules": {
            "Roles in a forced return": [
                "The Immigration Office and its liaisons",
                "Police, municipalities and prosecutors",
                "Transit migrants and the governors",
            ],
            "Fundamental rights": [
                "Non-refoulement",
                "Vulnerable persons",
                "Signs of trafficking and smuggling",
            ],
            "Identification and documentation": [
                "Cooperation with countries of origin",
                "Travel documents",
                "Document fraud",
            ],
        },
        "questions": [
            (
                0,
                "Who enforces a forced return?",
                "The Immigration Office, with local police and municipalities",
                "The municipality alone",
                "The reception centre",
                "A return partner NGO",
            ),
            (
                0,
                "Which authority is involved for transit migrants?",
                "The provincial governor",
                "The mayor of the nearest city",
                "The federal ombudsman",
                "The consulate of the country of origin alone",
            ),
            (
                1,
                "What does the principle of non-refoulement forbid?",
                "Returning a person to a country where they face serious harm",
                "Any return before a court decision",
                "Returning families with children",
                "Voluntary return after a rejected application",
            ),
            (
                1,
                "When must fundamental rights be respected in a forced return?",
                "At every step, from the arrest to the arrival",
                "Only during the flight",
                "Only in a closed centre",
                "Only if the person asks for a lawyer",
            ),
            (
                2,
                "Why does an effective return depend on identification?",
                "Without a recognised identity no travel document is issued",
                "It sets the amount of the return premium",
                "It replaces the return decision",
                "It is needed only for voluntary return",
            ),
            (
                2,
                "Which skill helps most when a passport looks altered?",
                "Document-fraud detection",
                "Return counselling",
                "Interpreting",
                "Budget planning",
            ),
            (
                3,
                "A person shows signs of being exploited by those who brought them. You…",
                "refer them through the trafficking referral mechanism",
                "go on with the return as planned",
                "ask the suspected exploiters for documents",
                "close the file",
            ),
            (
                0,
                "What did classic training alone not fix for field services?",
                "Knowing the Immigration Office's return procedures",
                "Using the free phone number",
                "Writing police reports",
                "Booking tickets",
            ),
        ],
        "statements": [
            ("Public prosecutors can be involved in forced return cases.", True),
            ("Non-refoulement protects only recognised refugees.", False),
            ("Travel documents need cooperation with the country of origin.", True),
            ("A trafficking case can involve police, prosecutors and city services.", True),
        ],
    },
    {
        "title": "Training of trainers: teaching return procedures",
        "slug": "synthetic-training-of-trainers",
        "topics": ["training-of-trainers"],
        "audiences": [Audience.POLICE, Audience.CIVIL_SOCIETY, Audience.OTHER],
        "is_training_of_trainers": True,
        "enrolment_mode": EnrolmentMode.COHORT,
        "required_sessions": 1,
        "objectives": [
            "Plan a session for a named group from an assessment of its needs.",
            "Run an interactive workshop on return procedures.",
            "Pass the training on to colleagues and report on the cascade.",
            "Evaluate a session with a reaction survey and a follow-up.",
        ],
        "modules": {
            "Preparing a session": ["Assessing needs", "Choosing formats", "Planning a programme"],
            "Running a workshop": [
                "Opening and ground rules",
                "Role plays and case studies",
                "Handling difficult questions",
            ],
            "Cascading and evaluating": [
                "Training your colleagues",
                "Reaction surveys and follow-ups",
                "Reporting to the programme",
            ],
        },
        "questions": [
            (
                0,
                "What comes first when planning training for a police zone?",
                "An assessment of the group's needs",
                "Booking the largest room",
                "Printing the slides",
                "Choosing the certificate design",
            ),
            (
                1,
                "Which format suits practising a referral conversation?",
                "A role play in a workshop",
                "A lecture",
                "A leaflet",
                "A study visit abroad",
            ),
            (
                1,
                "How many participants suit an interactive workshop best?",
                "About 12 to 20",
                "2 or 3",
                "50 to 80",
                "More than 100",
            ),
            (
                2,
                "What is a training cascade?",
                "Trained trainers train their own colleagues",
                "Tests of growing difficulty",
                "A course taught only online",
                "One trainer visiting several cities in a day",
            ),
            (
                2,
                "What should a trainer report for the cascade?",
                "The sessions given and the people trained in them",
                "Only their own test score",
                "The names of absent trainees",
                "Nothing",
            ),
            (
                3,
                "When do you best ask whether trainees apply what they learned?",
                "About three months after the training",
                "At the end of the session",
                "The next morning",
                "Two years later",
            ),
            (
                3,
                "A reaction survey tells you mostly…",
                "whether participants found the training relevant and useful",
                "whether they changed their practice",
                "the programme's results",
                "their knowledge gain",
            ),
            (
                3,
                "How do you show a gain in knowledge?",
                "Compare matched pre-test and post-test results",
                "Count the certificates issued",
                "Ask trainees whether they learned",
                "Count the hours of training",
            ),
        ],
        "statements": [
            ("A follow-up questionnaire measures behaviour on the job.", True),
            ("Results of small groups may be shown person by person.", False),
            ("Participants from several services can attend the same workshop.", True),
            ("A trainer must repeat the slides of the ToT course word for word.", False),
        ],
    },
]
REACTION_ITEMS = [
    (SurveyItem.Kind.LIKERT, "The course was relevant to my job.", "", SurveyItem.Role.RELEVANCE),
    (
        SurveyItem.Kind.LIKERT,
        "The course will be useful for my work.",
        "",
        SurveyItem.Role.USEFULNESS,
    ),
    (SurveyItem.Kind.LIKERT, "The procedures were explained clearly.", "", SurveyItem.Role.NONE),
    (
        SurveyItem.Kind.LIKERT,
        "I am confident I can apply what I learned.",
        "",
        SurveyItem.Role.NONE,
    ),
    (
        SurveyItem.Kind.NPS,
        "How likely are you to recommend this course to a colleague?",
        "",
        SurveyItem.Role.RECOMMENDATION,
    ),
    (SurveyItem.Kind.FREE_TEXT, "What would you change in this course?", "", SurveyItem.Role.NONE),
]
FOLLOW_UP_ITEMS = [
    (
        SurveyItem.Kind.LIKERT,
        "In the last three months I used the skills acquired in this course in my work.",
        "",
        SurveyItem.Role.APPLIED,
    ),
    (
        SurveyItem.Kind.LIKERT,
        "I handled or referred a case using the course's procedures.",
        "",
        SurveyItem.Role.NONE,
    ),
    (
        SurveyItem.Kind.SINGLE_CHOICE,
        "How often did you apply them?",
        "Never\nOnce or twice\nEvery month\nEvery week",
        SurveyItem.Role.NONE,
    ),
    (SurveyItem.Kind.FREE_TEXT, "Give an example, if you can.", "", SurveyItem.Role.NONE),
]


def _programme_create(*, trainer_ids: list[int]) -> list[CoursePage]:
    """Publish the three synthetic courses with their tests, graded quizzes and surveys."""
    from cms.services import site_setup
    from courses.services.catalogue import catalogue_setup

    site_setup()
    catalogue = next(c for c in catalogue_setup() if c.locale.language_code == "en")
    courses = []
    for spec in PROGRAMME:
        course = CoursePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=f"{spec['objectives'][0]} Synthetic course for reports and load tests.",
            estimated_hours=3,
            enrolment_mode=spec.get("enrolment_mode", EnrolmentMode.OPEN),
            is_training_of_trainers=spec.get("is_training_of_trainers", False),
            required_sessions=spec.get("required_sessions", 0),
        )
        catalogue.add_child(instance=course)
        for text in spec["objectives"]:
            course.objectives.create(text=text)
        course.topics.set(Topic.objects.filter(slug__in=spec["topics"], locale=course.locale))
        course.audiences.set(CourseAudience.objects.filter(code__in=spec["audiences"]))
        course.trainers.set(trainer_ids[:2])
        course.save_revision().publish()
        objectives = list(LearningObjective.objects.filter(course=course).order_by("sort_order"))
        for module_title, lesson_titles in spec["modules"].items():
            module = ModulePage(title=module_title, summary=f"{module_title}.")
            course.add_child(instance=module)
            module.save_revision().publish()
            for lesson_title in lesson_titles:
                lesson = LessonPage(
                    title=lesson_title,
                    body=[("rich_text", f"<p>{lesson_title}: synthetic lesson text.</p>")],
                    estimated_minutes=15,
                )
                module.add_child(instance=lesson)
                lesson.save_revision().publish()
        test_questions = []
        for position, (objective, text, *answers) in enumerate(spec["questions"]):
            question = Question.objects.create(
                course=course, kind=Question.Kind.SINGLE, text=text, objective=objectives[objective]
            )
            # The right answer moves around so that "always the first" is no strategy.
            right = position % len(answers)
            order = answers[1 : right + 1] + answers[:1] + answers[right + 1 :]
            Choice.objects.bulk_create(
                Choice(
                    question=question, text=answer, is_correct=answer == answers[0], sort_order=n
                )
                for n, answer in enumerate(order)
            )
            test_questions.append(question)
        statements = []
        for text, true in spec["statements"]:
            question = Question.objects.create(
                course=course, kind=Question.Kind.TRUE_FALSE, text=text
            )
            Choice.objects.bulk_create(
                [
                    Choice(question=question, text="True", is_correct=true, sort_order=0),
                    Choice(question=question, text="False", is_correct=not true, sort_order=1),
                ]
            )
            statements.append(question)
        short = spec["title"].split(":")[0]
        for purpose, title, questions, feedback in (
            (Quiz.Purpose.PRE_TEST, f"{short}: pre-test", test_questions, Quiz.Feedback.NEVER),
            (Quiz.Purpose.POST_TEST, f"{short}: final test", test_questions, "after_submission"),
            (Quiz.Purpose.GRADED, f"{short}: check your knowledge", statements, "immediate"),
        ):
            quiz = Quiz.objects.create(
                title=title,
                purpose=purpose,
                course=course,
                feedback=feedback,
                pre_test_skippable=purpose == Quiz.Purpose.PRE_TEST,
            )
            QuizQuestion.objects.bulk_create(
                QuizQuestion(quiz=quiz, question=q, sort_order=n) for n, q in enumerate(questions)
            )
        for purpose, title, items in (
            (Survey.Purpose.REACTION, f"{short}: your opinion", REACTION_ITEMS),
            (Survey.Purpose.FOLLOW_UP, f"{short}: three months later", FOLLOW_UP_ITEMS),
        ):
            survey = Survey.objects.create(title=title, purpose=purpose, course=course)
            SurveyItem.objects.bulk_create(
                SurveyItem(
                    survey=survey,
                    kind=kind,
                    text=text,
                    choices=choices,
                    required=kind != SurveyItem.Kind.FREE_TEXT,
                    role=role,
                    sort_order=n,
                )
                for n, (kind, text, choices, role) in enumerate(items)
            )
        courses.append(CoursePage.objects.get(pk=course.pk))
    return courses


@dataclass(slots=True)
class _QuestionPlan:
    pk: int
    revision_id: int | None
    snapshot: dict
    easiness: float  # added to the trainee's logit: > 0 easier than average
    right: Any
    right_points: Decimal
    right_correct: bool
    wrong: Any
    wrong_points: Decimal
    wrong_correct: bool


@dataclass(slots=True)
class _QuizPlan:
    pk: int
    pass_mark: int
    skippable: bool
    questions: list[_QuestionPlan]
    max_score: Decimal

    @property
    def longest(self) -> timedelta:
        """The longest a synthetic attempt at this quiz lasts (see ``attempt_simulate``)."""
        return timedelta(seconds=len(self.questions) * ANSWER_SECONDS[1] + SUBMIT_SECONDS[1])


@dataclass(slots=True)
class _SurveyPlan:
    pk: int
    follow_up_days: int
    items: list[SurveyItem]


@dataclass(slots=True)
class _CohortPlan:
    cohort: Cohort
    sessions: list[ClassroomSession] = field(default_factory=list)


@dataclass(slots=True)
class _Facts:
    """What one enrolment did that its course's completion rule counts, and when."""

    lessons: dict[int, datetime] = field(default_factory=dict)  # lesson pk → completed at
    sessions: list[datetime] = field(default_factory=list)  # attendance marked at
    post_test: datetime | None = None  # passed at


class _Rule:
    """A course's completion rule, the one ``courses.services.enrolment_evaluate`` applies.

    Each check registered for ``liaison_completion_requirement`` is evaluated here by the pure
    function that the check itself calls once it has read the database, fed with the facts the
    generator keeps in memory: no query per enrolment. A check with no such function here
    stops the generator rather than let it write completions the rule would refuse.
    """

    def __init__(self, course: CoursePage, post_test: Quiz | None) -> None:
        self.lessons = completion.course_required_lessons(course)
        self.sessions = course.required_sessions
        self.post_test = post_test
        self.revision = course.live_revision_id
        parts = {
            completion.required_lessons: self._lessons,
            completion.attended_sessions: self._sessions,
            assessment_completion.passed_post_test: self._post_test,
        }
        checks = hooks.get_hooks("liaison_completion_requirement")
        unknown = [
            f"{check.__module__}.{check.__qualname__}" for check in checks if check not in parts
        ]
        if unknown:
            raise NotImplementedError(
                f"The training data generator cannot evaluate {', '.join(unknown)}: "
                "give demo.training_data._Rule the check's pure function."
            )
        self.parts = [parts[check] for check in checks]
        self.records: dict[tuple[Requirement, ...], dict] = {}

    def _lessons(self, facts: _Facts, at: datetime) -> list[Requirement]:
        done = {pk for pk, completed in facts.lessons.items() if completed <= at}
        return completion.lessons_requirement(self.lessons, done)

    def _sessions(self, facts: _Facts, at: datetime) -> list[Requirement]:
        attended = sum(1 for marked in facts.sessions if marked <= at)
        return completion.sessions_requirement(self.sessions, attended)

    def _post_test(self, facts: _Facts, at: datetime) -> list[Requirement]:
        passed = facts.post_test is not None and facts.post_test <= at
        return assessment_completion.post_test_requirement(self.post_test, passed=passed)

    def requirements(self, facts: _Facts, at: datetime) -> list[Requirement]:
        """The rule as it stood at ``at`` for the enrolment with these facts."""
        return [requirement for part in self.parts for requirement in part(facts, at)]

    def completion(self, facts: _Facts) -> tuple[datetime, dict] | None:
        """When the engine completes the enrolment, and the rule it keeps; None: never.

        The engine evaluates the rule after each event, so the enrolment completes at the
        first fact after which the rule is met. Facts only add up: walk back from the last.
        """
        post_test = [facts.post_test] if facts.post_test else []
        times = sorted({*facts.lessons.values(), *facts.sessions, *post_test})
        if not times:
            return None
        met = self.requirements(facts, times[-1])
        if not completion.rule_met(met):
            return None
        n = len(times) - 1
        while n:
            earlier = self.requirements(facts, times[n - 1])
            if not completion.rule_met(earlier):
                break
            met, n = earlier, n - 1
        # Every completion of a course keeps the same rule: one dict for them all.
        key = tuple(met)
        if key not in self.records:
            self.records[key] = completion.rule_record(met, course_revision=self.revision)
        return times[n], self.records[key]


@dataclass(slots=True)
class _CoursePlan:
    pk: int
    title: str
    is_tot: bool
    cohort_only: bool
    approval: bool
    required_sessions: int
    audiences: set[str]
    lessons: list[tuple[int, int, bool, int]]  # (pk, estimated minutes, required, module pk)
    required_per_module: Counter  # module pk → its required lessons
    decider_id: int | None
    pre: _QuizPlan | None
    post: _QuizPlan | None
    graded: _QuizPlan | None
    reaction: _SurveyPlan | None
    follow_up: _SurveyPlan | None
    rule: _Rule
    cohorts: list[_CohortPlan] = field(default_factory=list)
    cohorts_by_org: dict[int, list[_CohortPlan]] = field(default_factory=dict)


def _wrong_answer(snapshot: dict):
    kind = snapshot["kind"]
    wrong_ids = [c["id"] for c in snapshot["choices"] if not c["is_correct"]]
    if kind in (grading.SINGLE, grading.TRUE_FALSE):
        return wrong_ids[0] if wrong_ids else None
    if kind == grading.MULTIPLE:
        return wrong_ids[:1] or None
    if kind == grading.MATCHING:
        ids = [pair["id"] for pair in snapshot["pairs"]]
        return (
            {str(a): b for a, b in zip(ids, ids[1:] + ids[:1], strict=True)}
            if len(ids) > 1
            else None
        )
    return "?"


def _right_answer(snapshot: dict):
    kind = snapshot["kind"]
    right_ids = [c["id"] for c in snapshot["choices"] if c["is_correct"]]
    if kind in (grading.SINGLE, grading.TRUE_FALSE):
        return right_ids[0] if right_ids else None
    if kind == grading.MULTIPLE:
        return right_ids or None
    if kind == grading.MATCHING:
        return {str(pair["id"]): pair["id"] for pair in snapshot["pairs"]} or None
    return (snapshot["accepted_answers"] or [None])[0]


def _quiz_plan(quiz: Quiz | None, rng: random.Random, *, spread: bool) -> _QuizPlan | None:
    """The quiz's fixed questions with an easiness each; ``spread``: one too easy, one too hard."""
    if quiz is None:
        return None
    links = (
        QuizQuestion.objects.filter(quiz=quiz)
        .select_related("question")
        .prefetch_related("question__choices", "question__pairs")
        .order_by("sort_order", "pk")
    )
    questions = []
    for n, link in enumerate(links):
        question = link.question
        # Fixed order: the snapshot is the same for every synthetic attempt.
        snapshot = question_snapshot(question, rng=random.Random(0), shuffle_choices=False)  # noqa: S311
        easiness = rng.gauss(0.0, 0.5)
        if spread and n == 1:
            easiness = 3.2  # nearly everyone knows it, even before the course
        elif spread and n == 4:
            easiness = -2.8  # nearly nobody does, even after
        right, wrong = _right_answer(snapshot), _wrong_answer(snapshot)
        right_grade, wrong_grade = grading.grade(snapshot, right), grading.grade(snapshot, wrong)
        questions.append(
            _QuestionPlan(
                pk=question.pk,
                revision_id=question.latest_revision_id,
                snapshot=snapshot,
                easiness=easiness,
                right=right,
                right_points=right_grade.points,
                right_correct=right_grade.is_correct,
                wrong=wrong,
                wrong_points=wrong_grade.points,
                wrong_correct=wrong_grade.is_correct,
            )
        )
    if not questions:
        return None
    return _QuizPlan(
        pk=quiz.pk,
        pass_mark=quiz.pass_mark_percent,
        skippable=quiz.pre_test_skippable,
        questions=questions,
        max_score=sum((Decimal(q.snapshot["points"]) for q in questions), Decimal("0")),
    )


def _survey_plan(survey: Survey | None) -> _SurveyPlan | None:
    if survey is None:
        return None
    items = list(survey.items.order_by("sort_order", "pk"))
    return (
        _SurveyPlan(pk=survey.pk, follow_up_days=survey.follow_up_days, items=items)
        if items
        else None
    )


def _course_plan(course: CoursePage, rng: random.Random, decider_id: int) -> _CoursePlan:
    # The lessons a trainee can reach, as the course page lists them.
    lessons = [
        (lesson.pk, lesson.estimated_minutes, lesson.is_required, outline.module.pk)
        for outline in course_outline(course)
        for lesson in outline.lessons
    ]
    quizzes = {
        quiz.purpose: quiz
        for quiz in Quiz.objects.filter(course=course).order_by("-pk")  # first one wins
    }
    # The post-test the completion rule names, not merely one like it.
    post_test = assessment_completion.course_post_test(course.pk)
    surveys = {s.purpose: s for s in Survey.objects.filter(course=course).order_by("-pk")}
    owners = list(course.trainers.order_by("pk").values_list("pk", flat=True))
    return _CoursePlan(
        pk=course.pk,
        title=course.title,
        is_tot=course.is_training_of_trainers,
        cohort_only=course.enrolment_mode == EnrolmentMode.COHORT or course.required_sessions > 0,
        approval=course.enrolment_mode == EnrolmentMode.APPROVAL,
        required_sessions=course.required_sessions,
        audiences=set(course.audiences.values_list("code", flat=True)),
        lessons=lessons,
        required_per_module=Counter(module for *_, required, module in lessons if required),
        decider_id=owners[0] if owners else decider_id,
        pre=_quiz_plan(quizzes.get(Quiz.Purpose.PRE_TEST), rng, spread=True),
        post=_quiz_plan(post_test, rng, spread=True),
        graded=_quiz_plan(quizzes.get(Quiz.Purpose.GRADED), rng, spread=False),
        reaction=_survey_plan(surveys.get(Survey.Purpose.REACTION)),
        follow_up=_survey_plan(surveys.get(Survey.Purpose.FOLLOW_UP)),
        rule=_Rule(course, post_test),
    )


def _clip(value: float, low: float, high: float) -> float:
    return low if value < low else high if value > high else value


def _logit(share: float) -> float:
    share = _clip(share, 0.02, 0.98)
    return math.log(share / (1 - share))


class _Table:
    """Rows of one table as plain lists, ``[pk, *columns]``: far cheaper than model instances.

    A foreign-key column holds either an existing pk or the parent's row list, whose pk is
    known once the parent table is written (parents are written first).
    """

    def __init__(self, model, columns: str, *, json_columns: str = "") -> None:
        self.model = model
        self.columns = columns.split()
        fields = {f.attname: f for f in model._meta.concrete_fields}
        self.fields = [fields[name] for name in self.columns]
        self.keys = [n + 1 for n, f in enumerate(self.fields) if f.is_relation]
        self.json = [self.columns.index(name) + 1 for name in json_columns.split()]
        self.rows: list[list] = []

    def add(self, *values) -> list:
        row = [None, *values]
        self.rows.append(row)
        return row

    def _resolved(self, row: list) -> list:
        values = row[:]
        for n in self.keys:
            if type(values[n]) is list:
                values[n] = values[n][0]
        return values

    def write(self, connection, batch_size: int, parent: bool) -> None:
        if connection.vendor == "postgresql":
            self._copy(connection, parent)
            return
        instances = [
            self.model(**dict(zip(self.columns, self._resolved(row)[1:], strict=True)))
            for row in self.rows
        ]
        self.model.objects.bulk_create(instances, batch_size=batch_size)
        if parent:
            for row, instance in zip(self.rows, instances, strict=True):
                row[0] = instance.pk

    def _copy(self, connection, parent: bool) -> None:
        """PostgreSQL: ids drawn from the table's sequence, then one COPY."""
        table = self.model._meta.db_table
        columns = self.columns
        with connection.cursor() as cursor:
            if parent:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                    [table, len(self.rows)],
                )
                for row, (pk,) in zip(self.rows, cursor.fetchall(), strict=True):
                    row[0] = pk
                columns = ["id", *columns]
            dumped: dict[int, str] = {}  # snapshots are shared by every answer to a question
            names = ", ".join(connection.ops.quote_name(c) for c in columns)
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in self.rows:
                    values = self._resolved(row)
                    for n in self.json:
                        value = values[n]
                        if type(value) is dict:
                            if id(value) not in dumped:
                                dumped[id(value)] = json.dumps(value)
                            values[n] = dumped[id(value)]
                        elif value is not None:
                            values[n] = json.dumps(value)
                    copy.write_row(values if parent else values[1:])


class _Rows:
    """The rows of one batch, written parent tables first."""

    def __init__(self) -> None:
        self.users = _Table(
            User,
            "email full_name audience organisation_id preferred_language password is_superuser "
            "is_staff is_active date_joined pseudonym",
        )
        self.memberships = _Table(User.groups.through, "user_id group_id")
        self.enrolments = _Table(
            Enrolment,
            "trainee_id course_id cohort_id status source created_at activated_at completed_at "
            "withdrawn_at decided_by_id last_activity_at completion_rule first_viewed_at "
            "pre_test_at post_test_passed_at follow_up_at",
            json_columns="completion_rule",
        )
        self.progress = _Table(
            LessonProgress,
            "enrolment_id lesson_id first_viewed_at last_viewed_at completed_at time_spent_seconds",
        )
        self.module_completions = _Table(ModuleCompletion, "enrolment_id module_id completed_at")
        self.skips = _Table(PreTestSkip, "enrolment_id skipped_at")
        self.attempts = _Table(
            Attempt,
            "quiz_id trainee_id enrolment_id number status started_at submitted_at score "
            "max_score percent passed",
        )
        self.answers = _Table(
            AttemptAnswer,
            "attempt_id question_id position question_revision_id snapshot answer answered_at "
            "points is_correct",
            json_columns="snapshot answer",
        )
        self.registrations = _Table(
            SessionRegistration,
            "session_id trainee_id status registered_at attended attendance_marked_at",
        )
        self.responses = _Table(SurveyResponse, "survey_id trainee_id enrolment_id submitted_at")
        self.survey_answers = _Table(SurveyAnswer, "response_id item_id item_text kind value text")
        self.invitations = _Table(
            SurveyInvitation,
            "enrolment_id survey_id token_hash reminder_token_hash sent_at reminded_at "
            "expires_at used_at",
        )

    def write(self, batch_size: int, counts: Counter) -> None:
        parents = {"users", "enrolments", "attempts", "responses"}
        for key, table in vars(self).items():  # in the order of __init__: parents first
            if table.rows:
                table.write(connection, batch_size, parent=key in parents)
                counts[key] += len(table.rows)


# Column positions in the rows the generator changes after adding them.
_E_STATUS, _E_SOURCE, _E_ACTIVATED, _E_COMPLETED, _E_WITHDRAWN = 4, 5, 7, 8, 9
_E_DECIDED, _E_LAST, _E_RULE, _E_FIRST_VIEWED = 10, 11, 12, 13
_E_PRE_TEST, _E_POST_TEST_PASSED, _E_FOLLOW_UP = 14, 15, 16
_A_SUBMITTED, _A_SCORE, _A_MAX, _A_PERCENT, _A_PASSED = 7, 8, 9, 10, 11
_P_LAST, _P_COMPLETED, _P_SPENT = 4, 5, 6
_I_REMINDER_HASH, _I_REMINDED, _I_USED = 4, 6, 8


class _Generator:
    """Holds the seed's random generator, the anchor date and the setup shared by batches."""

    def __init__(self, *, seed: int, today: date, batch_size: int) -> None:
        self.seed = seed
        # Reproducible on purpose; nothing here is a secret.
        self.rng = random.Random(seed)  # noqa: S311
        self.anchor = datetime.combine(today, time(17, 0), tzinfo=UTC)
        self.start = self.anchor - timedelta(days=365)
        self.batch_size = batch_size
        self.domain = synthetic_email_domain(seed)
        # Unusable for login, and hashed once: make_password(None) is a random "!…" string.
        self.password = make_password(None)
        self.counts: Counter = Counter()
        self.sessions_seats: Counter = Counter()
        self.groups = {
            name: Group.objects.get(name=name).pk for name in (roles.TRAINEES, roles.TRAINERS)
        }
        self.person_index = 0
        self.invitations_made = 0
        self.languages = {code for code, _name in settings.LANGUAGES}

    # Small helpers on the one random generator --------------------------------------------

    def days(self, low: float, high: float) -> timedelta:
        return timedelta(days=self.rng.uniform(low, high))

    def weighted(self, items: list, weights: list[float]):
        return self.rng.choices(items, weights=weights)[0]

    # Setup ----------------------------------------------------------------------------------

    def organisations_ensure(self) -> None:
        existing = {(o.name.lower(), o.city.lower()): o for o in Organisation.objects.all()}
        missing = [
            Organisation(name=name, kind=kind, city=city, is_confirmed=True, created_at=self.start)
            for name, kind, city, _weight in ORGANISATIONS
            if (name.lower(), city.lower()) not in existing
        ]
        Organisation.objects.bulk_create(missing)
        self.counts["organisations"] += len(missing)
        existing = {(o.name.lower(), o.city.lower()): o for o in Organisation.objects.all()}
        self.organisations = [
            existing[name.lower(), city.lower()] for name, _k, city, _w in ORGANISATIONS
        ]
        self.org_weights = [weight for *_rest, weight in ORGANISATIONS]
        self.orgs_by_audience = {
            audience: [
                n for n, (_name, kind, _city, _w) in enumerate(ORGANISATIONS) if kind in kinds
            ]
            for audience, kinds in AUDIENCE_KINDS.items()
        }

    def user_values(self, *, kind: str, audience: str, org_index: int, joined: datetime) -> tuple:
        """A user's columns, in the order of ``_Rows.users``."""
        org = self.organisations[org_index]
        language = self.language(org.city)
        first_pool = FIRST_NAMES["any"] if self.rng.random() < 0.2 else FIRST_NAMES[language]
        last_pool = LAST_NAMES["any"] if self.rng.random() < 0.15 else LAST_NAMES[language]
        email = f"{kind}-{self.person_index:06d}@{self.domain}"
        self.person_index += 1
        if self.rng.random() < 0.08:
            language = "en"
        return (
            email,
            f"{self.rng.choice(first_pool)} {self.rng.choice(last_pool)}",
            audience,
            org.pk,
            language if language in self.languages else settings.LANGUAGE_CODE,
            self.password,
            False,
            False,
            True,
            joined,
            uuid.uuid5(uuid.NAMESPACE_URL, f"liaison-synthetic:{email}"),
        )

    def language(self, city: str) -> str:
        if city in DUTCH_CITIES:
            return "nl"
        if city == "Bruxelles":
            return "nl" if self.rng.random() < 0.3 else "fr"
        return "fr"

    def trainers_create(self, trainees: int, tot: bool) -> tuple[list[User], list[User]]:
        """Liaison officers and counsellors, and (with a ToT course) trainers it trained."""
        agencies = self.orgs_by_audience[Audience.OTHER]
        base = [
            self.user_values(
                kind="trainer",
                audience=Audience.OTHER,
                org_index=self.rng.choice(agencies),
                joined=self.start - self.days(30, 400),
            )
            for _ in range(max(3, trainees // 300))
        ]
        cascade = []
        for _ in range(max(2, trainees // 300) if tot else 0):
            audience = self.rng.choice([Audience.POLICE, Audience.CIVIL_SOCIETY])
            orgs = self.orgs_by_audience[audience]
            org_index = self.weighted(orgs, [self.org_weights[n] for n in orgs])
            cascade.append(
                self.user_values(
                    kind="trainer",
                    audience=audience,
                    org_index=org_index,
                    joined=self.start - self.days(1, 20),
                )
            )
        columns = _Rows().users.columns
        base = [User(**dict(zip(columns, values, strict=True))) for values in base]
        cascade = [User(**dict(zip(columns, values, strict=True))) for values in cascade]
        users = base + cascade
        User.objects.bulk_create(users, batch_size=self.batch_size)
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=u.pk, group_id=self.groups[roles.TRAINERS]) for u in users]
            + [
                User.groups.through(user_id=u.pk, group_id=self.groups[roles.TRAINEES])
                for u in cascade
            ]
        )
        self.counts["trainers"] += len(users)
        return base, cascade

    def cohorts_create(
        self, plans: list[_CoursePlan], trainees: int, base: list[User], cascade: list[User]
    ) -> None:
        """Cohorts of about 20, spread over the year, with one or more classroom sessions."""
        ordinary = [p for p in plans if not p.is_tot]
        cohorts, links, sessions = [], [], []
        for plan in plans:
            if plan.is_tot:
                expected = trainees * 0.02
            else:
                expected = trainees * 1.35 / max(1, len(ordinary))
                expected *= 1 if plan.cohort_only else 0.55
            starts = [
                (self.start + self.days(7, 340)).date() for _ in range(max(1, round(expected / 20)))
            ]
            if plan.is_tot and cascade:
                # The first wave trains the trainers who lead cohorts later in the year.
                starts.insert(0, (self.start + self.days(2, 5)).date())
            for n, starts_on in enumerate(sorted(starts)):
                orgs = range(len(self.organisations))
                if plan.audiences:
                    orgs = [
                        i for a in sorted(plan.audiences) for i in self.orgs_by_audience.get(a, [])
                    ]
                org_index = self.weighted(list(orgs), [self.org_weights[i] for i in orgs])
                org = self.organisations[org_index]
                leaders = [self.rng.choice(base)]
                late = starts_on >= (self.anchor - timedelta(days=240)).date()
                if not plan.is_tot and cascade and late and self.rng.random() < 0.5:
                    leaders = [self.rng.choice(cascade)]
                cohort = Cohort(
                    name=f"{plan.title[:60]} – {org.city} – {starts_on:%Y-%m} #{n + 1}",
                    course_id=plan.pk,
                    organisation_id=org.pk,
                    starts_on=starts_on,
                    ends_on=starts_on + timedelta(days=42),
                    created_at=datetime.combine(starts_on, time(9), tzinfo=UTC) - 14 * DAY,
                )
                cohort_plan = _CohortPlan(cohort)
                cohorts.append(cohort)
                links.extend((cohort, leader) for leader in leaders)
                for k in range(max(1, plan.required_sessions)):
                    begins = datetime.combine(starts_on, time(8), tzinfo=UTC) + (7 + 14 * k) * DAY
                    online = self.rng.random() < 0.3
                    session = ClassroomSession(
                        course_id=plan.pk,
                        cohort=cohort,
                        title=f"{plan.title[:120]} – session {k + 1}",
                        starts_at=begins,
                        ends_at=begins + 3 * HOUR,
                        location="" if online else f"{org.name}, {org.city}",
                        online_url="https://meet.synthetic.liaison.invalid/" if online else "",
                        trainer=leaders[0],
                        capacity=30,
                        check_in_code="".join(
                            self.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)
                        ),
                        check_in_open_until=begins + 3 * HOUR,
                    )
                    sessions.append(session)
                    cohort_plan.sessions.append(session)
                plan.cohorts.append(cohort_plan)
                plan.cohorts_by_org.setdefault(org_index, []).append(cohort_plan)
        Cohort.objects.bulk_create(cohorts, batch_size=self.batch_size)
        Cohort.trainers.through.objects.bulk_create(
            [Cohort.trainers.through(cohort_id=c.pk, user_id=u.pk) for c, u in links],
            batch_size=self.batch_size,
        )
        ClassroomSession.objects.bulk_create(sessions, batch_size=self.batch_size)
        self.counts["cohorts"] += len(cohorts)
        self.counts["sessions"] += len(sessions)

    # One person ----------------------------------------------------------------------------

    def trainee_plan(self, plans: list[_CoursePlan], rows: _Rows) -> None:
        """Draw one trainee, their courses and everything they did in them."""
        rng = self.rng
        audience = self.weighted(list(AUDIENCE_SHARES), list(AUDIENCE_SHARES.values()))
        orgs = self.orgs_by_audience[audience]
        org_index = self.weighted(orgs, [self.org_weights[n] for n in orgs])
        ordinary = [p for p in plans if not p.is_tot]
        chosen: list[_CoursePlan] = []
        if ordinary:
            chosen.append(self.weighted(ordinary, [_affinity(p, audience) for p in ordinary]))
            others = [p for p in ordinary if p is not chosen[0]]
            if others and rng.random() < 0.35:
                chosen.append(self.weighted(others, [_affinity(p, audience) for p in others]))
        tot = [p for p in plans if p.is_tot]
        trains_others = audience in (Audience.POLICE, Audience.CIVIL_SOCIETY, Audience.OTHER)
        if tot and trains_others and rng.random() < 0.03:
            chosen.append(rng.choice(tot))
        if not chosen:
            chosen.append(rng.choice(plans))
        entries = []
        for plan in chosen:
            cohort = None
            if plan.cohorts and (plan.cohort_only or rng.random() < 0.55):
                pool = plan.cohorts_by_org.get(org_index) or plan.cohorts
                if plan.is_tot and len(pool) > 1 and pool[0] is plan.cohorts[0]:
                    pool = pool[1:]  # the first ToT wave is the cascade trainers' own
                cohort = rng.choice(pool)
                created = datetime.combine(cohort.cohort.starts_on, time(8), tzinfo=UTC)
                created -= self.days(0, 10)
            else:
                created = self.start + self.days(0, 360)
            entries.append((plan, cohort, created))
        joined = min(created for _p, _c, created in entries) - self.days(0, 3)
        user = rows.users.add(
            *self.user_values(kind="trainee", audience=audience, org_index=org_index, joined=joined)
        )
        rows.memberships.add(user, self.groups[roles.TRAINEES])
        for plan, cohort, created in entries:
            self.enrolment_simulate(rows, user, plan, cohort, created, force=False)

    def enrolment_simulate(
        self,
        rows: _Rows,
        user: list | int,
        plan: _CoursePlan,
        cohort: _CohortPlan | None,
        created: datetime,
        *,
        force: bool,
    ) -> None:
        """Enrolled → started → pre-test → lessons → post-test → completed, with drop-out."""
        rng, anchor = self.rng, self.anchor
        source = Enrolment.Source.COHORT if cohort else Enrolment.Source.SELF
        enrolment = rows.enrolments.add(
            user, plan.pk, cohort.cohort.pk if cohort else None, Enrolment.Status.ACTIVE,
            source, created, None, None, None, None, None, None, None, None, None, None,
        )  # fmt: skip
        activated = created
        if plan.approval and not cohort:
            enrolment[_E_SOURCE] = Enrolment.Source.APPROVAL
            if not force and rng.random() < 0.06:
                enrolment[_E_STATUS] = Enrolment.Status.PENDING
                return
            enrolment[_E_DECIDED] = plan.decider_id
            activated = min(anchor, created + self.days(0.1, 3))
        enrolment[_E_ACTIVATED] = activated
        events = [activated]
        facts = _Facts()
        for session in cohort.sessions if cohort else ():
            marked = self.registration_simulate(rows, user, session, activated, force)
            if marked:
                facts.sessions.append(marked)
        ability = _clip(rng.gauss(45, 15), 0, 100)
        gain = _clip(rng.gauss(30, 12), -10, 80)
        if not force and rng.random() > 0.86:
            completed = self.completion_simulate(rows, user, enrolment, plan, facts, gain)
            if not completed and rng.random() < 0.3:
                self.drop_out(enrolment, activated)
            return
        t = activated + timedelta(days=rng.expovariate(1 / 3))
        if t > anchor:
            self.completion_simulate(rows, user, enrolment, plan, facts, gain)
            return
        if plan.pre:
            if plan.pre.skippable and not force and rng.random() < 0.07:
                rows.skips.add(enrolment, t)
            else:
                t = self.attempt_simulate(rows, user, enrolment, plan.pre, ability, t, 1)[0]
                enrolment[_E_PRE_TEST] = t
                events.append(t)
        required = [lesson for lesson in plan.lessons if lesson[2]]
        half = math.ceil(len(required) / 2)
        finishes = force or rng.random() < 0.74
        stop = len(required) if finishes else rng.randrange(max(1, len(required)))
        done = 0
        modules_done: Counter = Counter()
        for pk, minutes, is_required, module in plan.lessons:
            if t > anchor or done > stop or (not is_required and rng.random() > 0.3):
                continue
            spent = timedelta(minutes=minutes * rng.uniform(0.6, 1.8))
            progress = rows.progress.add(
                enrolment, pk, t, t + spent, None, int(spent.total_seconds())
            )
            if enrolment[_E_FIRST_VIEWED] is None:
                enrolment[_E_FIRST_VIEWED] = t
            events.append(t)
            if (is_required and done == stop) or t + spent > anchor:
                # Opened, not finished: where this trainee dropped out (or is today).
                progress[_P_LAST] = min(anchor, t + spent / 3)
                progress[_P_SPENT] //= 3
                break
            progress[_P_COMPLETED] = facts.lessons[pk] = t + spent
            events.append(t + spent)
            if is_required:
                modules_done[module] += 1
                if modules_done[module] == plan.required_per_module[module]:
                    rows.module_completions.add(enrolment, module, t + spent)
            t += spent + timedelta(days=rng.expovariate(1 / 2))
            if is_required:
                done += 1
                if plan.graded and done == half and t <= anchor:
                    target = ability + gain * 0.6
                    t = self.attempt_simulate(rows, user, enrolment, plan.graded, target, t, 1)[0]
                    events.append(t)
        if done == len(required) and plan.post:
            passed, number, target = False, 0, ability + gain
            t += timedelta(hours=rng.uniform(0.5, 48))
            # Only attempts submitted by today: a pass tomorrow must not count today.
            while not passed and t + plan.post.longest <= anchor and number < (8 if force else 2):
                number += 1
                if number == 2 and not force and rng.random() > 0.7:
                    break
                t, passed = self.attempt_simulate(
                    rows, user, enrolment, plan.post, target, t, number
                )
                if passed:
                    enrolment[_E_POST_TEST_PASSED] = facts.post_test = t
                events.append(t)
                target += 12
                t += self.days(1, 10)
        last = enrolment[_E_LAST] = max(events)
        completed = self.completion_simulate(rows, user, enrolment, plan, facts, gain)
        if not completed and not force and rng.random() < 0.25:
            self.drop_out(enrolment, last)

    def completion_simulate(
        self, rows: _Rows, user, enrolment: list, plan: _CoursePlan, facts: _Facts, gain: float
    ) -> bool:
        """Complete the enrolment when and as its course's rule says, then answer the surveys;
        False when the rule is not met."""
        completed = plan.rule.completion(facts)
        if completed is None:
            return False
        completed_at, enrolment[_E_RULE] = completed
        enrolment[_E_STATUS] = Enrolment.Status.COMPLETED
        enrolment[_E_COMPLETED] = completed_at
        self.surveys_simulate(rows, user, enrolment, plan, gain, completed_at)
        return True

    def drop_out(self, enrolment: list, since: datetime) -> None:
        withdrawn = since + self.days(3, 40)
        if withdrawn <= self.anchor:
            enrolment[_E_STATUS] = Enrolment.Status.WITHDRAWN
            enrolment[_E_WITHDRAWN] = withdrawn

    def registration_simulate(
        self, rows: _Rows, user, session: ClassroomSession, activated: datetime, force: bool
    ) -> datetime | None:
        """A seat in a session of the trainee's cohort; when their attendance was marked, if
        they attended."""
        rng = self.rng
        registered = min(activated + self.days(0, 3), session.starts_at - HOUR)
        if registered > self.anchor:
            return None
        status = SessionRegistration.Status.REGISTERED
        if self.sessions_seats[session.pk] >= session.capacity:
            status = SessionRegistration.Status.WAITLISTED
        elif not force and rng.random() < 0.04:
            status = SessionRegistration.Status.CANCELLED
        else:
            self.sessions_seats[session.pk] += 1
        held = session.ends_at <= self.anchor
        attended = (
            held
            and status == SessionRegistration.Status.REGISTERED
            and (force or rng.random() < 0.85)
        )
        marked = session.ends_at if held else None
        rows.registrations.add(session.pk, user, status, registered, attended, marked)
        return marked if attended else None

    def attempt_simulate(
        self,
        rows: _Rows,
        user,
        enrolment: list,
        quiz: _QuizPlan,
        target: float,
        started: datetime,
        number: int,
    ) -> tuple[datetime, bool]:
        """One submitted attempt whose answers add up to its score: (submitted at, passed)."""
        rng = self.rng
        theta = _logit(target / 100)
        attempt = rows.attempts.add(
            quiz.pk, user, enrolment, number, Attempt.Status.SUBMITTED, started,
            None, None, None, None, None,
        )  # fmt: skip
        score = Decimal("0")
        answered = started
        add = rows.answers.add
        for position, q in enumerate(quiz.questions, start=1):
            answered += timedelta(seconds=rng.randint(*ANSWER_SECONDS))
            # The item's chance for this trainee: a logistic curve around their ability.
            if rng.random() < 1 / (1 + math.exp(-(theta + q.easiness))):
                answer, points, correct = q.right, q.right_points, q.right_correct
            else:
                answer, points, correct = q.wrong, q.wrong_points, q.wrong_correct
            add(
                attempt, q.pk, position, q.revision_id, q.snapshot, answer,
                answered if answer is not None else None, points, correct,
            )  # fmt: skip
            score += points
        percent = (score * 100 / quiz.max_score).quantize(Decimal("0.01"))
        submitted = answered + timedelta(seconds=rng.randint(*SUBMIT_SECONDS))
        passed = percent >= quiz.pass_mark
        attempt[_A_SUBMITTED], attempt[_A_SCORE], attempt[_A_MAX] = submitted, score, quiz.max_score
        attempt[_A_PERCENT], attempt[_A_PASSED] = percent, passed
        return submitted, passed

    def surveys_simulate(
        self, rows: _Rows, user, enrolment: list, plan: _CoursePlan, gain: float,
        completed: datetime,
    ) -> None:  # fmt: skip
        """The reaction survey (~70 %), and the follow-up 90 days later (~45 % answer)."""
        rng, anchor = self.rng, self.anchor
        mood = rng.gauss(0, 0.8) + 0.25 * (gain - 30) / 12
        if plan.reaction and rng.random() < 0.7:
            submitted = completed + timedelta(hours=rng.expovariate(1 / 20))
            if submitted <= anchor:
                self.response_add(
                    rows, user, enrolment, plan.reaction, submitted, mood, 4.0, REACTION_COMMENTS
                )
        survey = plan.follow_up
        if not survey or completed + timedelta(days=survey.follow_up_days) > anchor:
            return
        sent = completed + timedelta(days=survey.follow_up_days, hours=rng.uniform(0, 12))
        self.invitations_made += 1
        token = f"liaison-synthetic:{self.seed}:{self.invitations_made}"
        invitation = rows.invitations.add(
            enrolment, survey.pk, hashlib.sha256(token.encode()).hexdigest(), None, sent, None,
            sent + timedelta(days=assessment_defaults.SURVEY_LINK_DAYS), None,
        )  # fmt: skip
        used = sent + timedelta(days=rng.expovariate(1 / 6))
        if rng.random() < 0.45 and used <= min(anchor, invitation[7]):
            invitation[_I_USED] = enrolment[_E_FOLLOW_UP] = used
            self.response_add(rows, user, enrolment, survey, used, mood, 3.4, FOLLOW_UP_COMMENTS)
        reminder = sent + timedelta(days=assessment_defaults.SURVEY_REMINDER_DAYS)
        if reminder <= anchor and (invitation[_I_USED] is None or invitation[_I_USED] > reminder):
            invitation[_I_REMINDED] = reminder
            invitation[_I_REMINDER_HASH] = hashlib.sha256(f"{token}:r".encode()).hexdigest()

    def response_add(
        self, rows: _Rows, user, enrolment: list, survey: _SurveyPlan, submitted: datetime,
        mood: float, centre: float, comments: list[str],
    ) -> None:  # fmt: skip
        rng = self.rng
        response = rows.responses.add(survey.pk, user, enrolment, submitted)
        for n, item in enumerate(survey.items):
            value, text = None, ""
            if item.kind == SurveyItem.Kind.LIKERT:
                value = round(_clip(centre + mood - 0.1 * (n % 4) + rng.gauss(0, 0.6), 1, 5))
            elif item.kind == SurveyItem.Kind.NPS:
                value = round(_clip(8.2 + 1.6 * mood + rng.gauss(0, 1), 0, 10))
            elif item.kind == SurveyItem.Kind.SINGLE_CHOICE:
                choices = item.choice_list()
                value = round(_clip(1.5 + mood + rng.gauss(0, 0.8), 0, len(choices) - 1))
                text = choices[value]
            elif item.required or rng.random() < 0.35:
                text = rng.choice(comments)
            else:
                continue
            rows.survey_answers.add(response, item.pk, item.text, item.kind, value, text)


def _affinity(plan: _CoursePlan, audience: str) -> int:
    """Trainees pick courses written for their audience three times as often."""
    return 3 if audience in plan.audiences else 1


def training_data_generate(
    *,
    trainees: int,
    seed: int,
    courses: list[CoursePage] | None = None,
    stdout: TextIO | None = None,
    today: date | None = None,
    batch_size: int = 5000,
) -> dict[str, int]:
    """Generate ``trainees`` synthetic trainees and their year of training; return row counts.

    ``courses`` None: every live course, or a synthetic programme of three when there is none.
    Dates fall in the 365 days before ``today`` (default: the real today).
    """
    domain = synthetic_email_domain(seed)
    taken = User.objects.filter(email__endswith=f"@{domain}").count()
    if taken:
        raise TrainingDataExists(
            f"Seed {seed} was already generated here ({taken} users @{domain}). "
            "Use another --seed, or a fresh database."
        )
    started = clock.perf_counter()

    def say(message: str) -> None:
        if stdout is not None:
            stdout.write(f"[{clock.perf_counter() - started:7.1f}s] {message}\n")

    generator = _Generator(seed=seed, today=today or date.today(), batch_size=batch_size)
    with transaction.atomic():
        generator.organisations_ensure()
        if courses is None:
            courses = list(CoursePage.objects.live().order_by("path"))
        programme = not courses
        base, cascade = generator.trainers_create(
            trainees, tot=programme or any(c.is_training_of_trainers for c in courses)
        )
        if programme:
            courses = _programme_create(trainer_ids=[u.pk for u in base])
            generator.counts["courses"] += len(courses)
            say(f"created a synthetic programme of {len(courses)} courses")
        plans = [_course_plan(course, generator.rng, base[0].pk) for course in courses]
        generator.cohorts_create(plans, trainees, base, cascade)
        tot = [p for p in plans if p.is_tot]
        if tot and cascade:
            rows = _Rows()
            for user in cascade:
                created = datetime.combine(tot[0].cohorts[0].cohort.starts_on, time(8), tzinfo=UTC)
                generator.enrolment_simulate(
                    rows, user.pk, tot[0], tot[0].cohorts[0], created - DAY, force=True
                )
            rows.write(batch_size, generator.counts)
    say(f"{generator.counts['trainers']} trainers, {generator.counts['cohorts']} cohorts")
    done = 0
    while done < trainees:
        rows = _Rows()
        for _ in range(min(batch_size, trainees - done)):
            generator.trainee_plan(plans, rows)
        with transaction.atomic():
            rows.write(batch_size, generator.counts)
        done += len(rows.users.rows)
        say(f"{done}/{trainees} trainees")
    counts = dict(generator.counts)
    counts["trainees"] = counts.pop("users", 0)
    say("done: " + ", ".join(f"{key} {value}" for key, value in sorted(counts.items())))
    return counts
