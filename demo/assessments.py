"""The demo courses' question bank, quizzes and surveys, and their translations.

A quiz is found by its course and purpose (practice quizzes also by title); its questions are
created with it, so an existing quiz means its questions exist too.
"""

from wagtail.models import Locale

from assessments.models import Choice, Question, Quiz, QuizQuestion, Survey, SurveyItem
from courses.models import CoursePage, LearningObjective, Topic

from .content import schema

PASS_MARK_PERCENT = 70
FOLLOW_UP_DAYS = 90

TEST_TITLES = {
    "en": {Quiz.Purpose.PRE_TEST: "Pre-test", Quiz.Purpose.POST_TEST: "Final test"},
    "fr": {Quiz.Purpose.PRE_TEST: "Test préalable", Quiz.Purpose.POST_TEST: "Test final"},
    "nl": {Quiz.Purpose.PRE_TEST: "Voortoets", Quiz.Purpose.POST_TEST: "Eindtoets"},
}

L = SurveyItem.Kind
R = SurveyItem.Role
# Reaction (Kirkpatrick level 1) and follow-up (level 3) questionnaires, the same for every
# course; the follow-up asks what changed in the trainee's practice. An item is (kind, text,
# choices) or (kind, text, choices, role): the report reads its EU indicators by role.
SURVEYS = {
    "en": {
        Survey.Purpose.REACTION: (
            "How was this course?",
            "Five minutes of your time tell the trainers what to keep and what to change. "
            "Your answers are reported only in groups of at least five.",
            [
                (L.LIKERT, "The course is useful for my work.", "", R.USEFULNESS),
                (L.LIKERT, "The procedures were explained clearly.", ""),
                (L.LIKERT, "I feel confident applying what I learned.", ""),
                (L.NPS, "How likely are you to recommend this course to a colleague?", ""),
                (L.FREE_TEXT, "What would you change or add?", ""),
            ],
        ),
        Survey.Purpose.FOLLOW_UP: (
            "Three months later: what changed in your practice?",
            "You completed this course three months ago. Tell us whether it changed how you "
            "work; your answers are reported only in groups of at least five.",
            [
                (
                    L.LIKERT,
                    "In the last three months I used what I learned in this course.",
                    "",
                    R.APPLIED,
                ),
                (
                    L.LIKERT,
                    "I handled, referred or explained a case differently because of the course.",
                    "",
                ),
                (
                    L.SINGLE_CHOICE,
                    "How often did you apply the procedures?",
                    "Never\nOnce or twice\nEvery month\nEvery week",
                ),
                (L.FREE_TEXT, "Describe one situation where the course helped, if any.", ""),
            ],
        ),
    },
    "fr": {
        Survey.Purpose.REACTION: (
            "Comment avez-vous trouvé ce cours ?",
            "Cinq minutes de votre temps indiquent aux formateurs ce qu'il faut garder et ce "
            "qu'il faut changer. Vos réponses ne sont présentées que par groupes d'au moins "
            "cinq personnes.",
            [
                (L.LIKERT, "Le cours est utile pour mon travail.", "", R.USEFULNESS),
                (L.LIKERT, "Les procédures ont été expliquées clairement.", ""),
                (L.LIKERT, "Je me sens capable d'appliquer ce que j'ai appris.", ""),
                (
                    L.NPS,
                    "Quelle est la probabilité que vous recommandiez ce cours à un collègue ?",
                    "",
                ),
                (L.FREE_TEXT, "Que changeriez-vous ou qu'ajouteriez-vous ?", ""),
            ],
        ),
        Survey.Purpose.FOLLOW_UP: (
            "Trois mois plus tard : qu'est-ce qui a changé dans votre pratique ?",
            "Vous avez terminé ce cours il y a trois mois. Dites-nous s'il a changé votre "
            "façon de travailler ; vos réponses ne sont présentées que par groupes d'au moins "
            "cinq personnes.",
            [
                (
                    L.LIKERT,
                    "Au cours des trois derniers mois, j'ai utilisé ce que j'ai appris dans ce "
                    "cours.",
                    "",
                    R.APPLIED,
                ),
                (
                    L.LIKERT,
                    "J'ai traité, orienté ou expliqué une situation autrement grâce au cours.",
                    "",
                ),
                (
                    L.SINGLE_CHOICE,
                    "À quelle fréquence avez-vous appliqué les procédures ?",
                    "Jamais\nUne ou deux fois\nChaque mois\nChaque semaine",
                ),
                (
                    L.FREE_TEXT,
                    "Décrivez une situation dans laquelle le cours vous a aidé, s'il y en a une.",
                    "",
                ),
            ],
        ),
    },
    "nl": {
        Survey.Purpose.REACTION: (
            "Hoe vond je deze cursus?",
            "Vijf minuten van je tijd vertellen de trainers wat ze moeten behouden en wat ze "
            "moeten veranderen. Je antwoorden worden alleen getoond in groepen van minstens "
            "vijf personen.",
            [
                (L.LIKERT, "De cursus is nuttig voor mijn werk.", "", R.USEFULNESS),
                (L.LIKERT, "De procedures werden duidelijk uitgelegd.", ""),
                (L.LIKERT, "Ik voel me in staat toe te passen wat ik geleerd heb.", ""),
                (
                    L.NPS,
                    "Hoe waarschijnlijk is het dat je deze cursus aanraadt aan een collega?",
                    "",
                ),
                (L.FREE_TEXT, "Wat zou je veranderen of toevoegen?", ""),
            ],
        ),
        Survey.Purpose.FOLLOW_UP: (
            "Drie maanden later: wat is er veranderd in je praktijk?",
            "Je hebt deze cursus drie maanden geleden afgerond. Laat ons weten of hij je manier "
            "van werken veranderd heeft; je antwoorden worden alleen getoond in groepen van "
            "minstens vijf personen.",
            [
                (
                    L.LIKERT,
                    "In de voorbije drie maanden heb ik gebruikt wat ik in deze cursus leerde.",
                    "",
                    R.APPLIED,
                ),
                (
                    L.LIKERT,
                    "Door de cursus heb ik een situatie anders aangepakt, doorverwezen of "
                    "uitgelegd.",
                    "",
                ),
                (
                    L.SINGLE_CHOICE,
                    "Hoe vaak heb je de procedures toegepast?",
                    "Nooit\nEén of twee keer\nElke maand\nElke week",
                ),
                (
                    L.FREE_TEXT,
                    "Beschrijf een situatie waarin de cursus je hielp, als die er is.",
                    "",
                ),
            ],
        ),
    },
}


def _question_create(
    spec: schema.Question,
    *,
    course: CoursePage,
    objectives: list[LearningObjective],
    topic: Topic,
) -> Question:
    question = Question(
        course=course,
        kind=spec.kind,
        text=spec.text,
        explanation=spec.explanation,
        objective=objectives[spec.objective],
        locale=topic.locale,
    )
    # Parental many-to-many values are written by save(), so they are set before it.
    question.topics.set([topic])
    question.full_clean()
    question.save()
    for order, choice in enumerate(spec.choices):
        Choice.objects.create(
            question=question,
            text=choice.text,
            is_correct=choice.correct,
            feedback=choice.feedback,
            sort_order=order,
        )
    question.save_revision()
    return question


def _question_translate(
    original: Question,
    spec: schema.Question,
    *,
    course: CoursePage,
    locale: Locale,
    objectives: list[LearningObjective],
    topic: Topic,
) -> Question:
    """The original question copied into ``locale`` (same translation key), translated."""
    question = original.get_translation_or_none(locale)
    if question is not None:
        return question
    question = original.copy_for_translation(locale)
    question.text, question.explanation = spec.text, spec.explanation
    question.objective = objectives[spec.objective]
    for choice, choice_spec in zip(question.choices.all(), spec.choices, strict=True):
        choice.text, choice.feedback = choice_spec.text, choice_spec.feedback
    question.topics.set([topic])
    question.full_clean()
    question.save()
    question.save_revision()
    return question


def _quiz_settings(purpose: str) -> dict:
    if purpose == Quiz.Purpose.PRE_TEST:
        # A pre-test measures what trainees knew before: no feedback, not skippable.
        return {"feedback": Quiz.Feedback.NEVER, "pass_mark_percent": PASS_MARK_PERCENT}
    if purpose == Quiz.Purpose.POST_TEST:
        return {"feedback": Quiz.Feedback.AFTER_SUBMISSION, "pass_mark_percent": PASS_MARK_PERCENT}
    return {"feedback": Quiz.Feedback.IMMEDIATE, "pass_mark_percent": 0}


def _quiz_find(course: CoursePage, purpose: str, title: str) -> Quiz | None:
    quizzes = Quiz.objects.filter(course=course, purpose=purpose, locale_id=course.locale_id)
    if purpose == Quiz.Purpose.PRACTICE:
        quizzes = quizzes.filter(title=title)
    return quizzes.first()


def quiz_ensure(
    course: CoursePage,
    *,
    purpose: str,
    title: str,
    questions: list[schema.Question],
    topic: Topic,
    original: Quiz | None = None,
) -> Quiz:
    """The course's quiz with this purpose (and title), created with its questions if new.

    With ``original`` the quiz is its translation: the same translation key, and each
    question a translation of the original's question at the same position.
    """
    quiz = _quiz_find(course, purpose, title)
    if quiz is not None:
        return quiz
    objectives = list(LearningObjective.objects.filter(course=course).order_by("sort_order"))
    if original is None:
        quiz = Quiz(title=title, purpose=purpose, course=course, locale=course.locale)
        rows = [
            _question_create(q, course=course, objectives=objectives, topic=topic)
            for q in questions
        ]
    else:
        originals = [item.question for item in original.quiz_questions.order_by("sort_order")]
        rows = [
            _question_translate(
                source,
                spec,
                course=course,
                locale=course.locale,
                objectives=objectives,
                topic=topic,
            )
            for source, spec in zip(originals, questions, strict=True)
        ]
        quiz = original.copy_for_translation(course.locale)
        quiz.title, quiz.course = title, course
        quiz.quiz_questions.set([])
    for field, value in _quiz_settings(purpose).items():
        setattr(quiz, field, value)
    quiz.full_clean()
    quiz.save()
    QuizQuestion.objects.bulk_create(
        QuizQuestion(quiz=quiz, question=question, sort_order=order)
        for order, question in enumerate(rows)
    )
    quiz.save_revision()
    return quiz


def surveys_ensure(course: CoursePage, *, originals: dict[str, Survey] | None = None) -> dict:
    """The course's reaction and follow-up surveys in its language, by purpose."""
    language = course.locale.language_code
    surveys = {}
    for purpose, (title, intro, items) in SURVEYS.get(language, SURVEYS["en"]).items():
        survey = Survey.objects.filter(
            course=course, purpose=purpose, locale_id=course.locale_id
        ).first()
        if survey is None:
            original = (originals or {}).get(purpose)
            if original is not None:
                survey = original.copy_for_translation(course.locale)
                survey.items.set([])
            else:
                survey = Survey(locale=course.locale)
            survey.title, survey.intro, survey.purpose = title, intro, purpose
            survey.course, survey.follow_up_days = course, FOLLOW_UP_DAYS
            survey.full_clean()
            survey.save()
            SurveyItem.objects.bulk_create(
                SurveyItem(
                    survey=survey,
                    kind=kind,
                    text=text,
                    choices=choices,
                    role=role[0] if role else R.NONE,
                    sort_order=order,
                )
                for order, (kind, text, choices, *role) in enumerate(items)
            )
            survey.save_revision()
        surveys[purpose] = survey
    return surveys
