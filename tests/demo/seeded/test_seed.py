"""seed_demo: everything exists once after a second run, and the dashboard shows figures."""

from http import HTTPStatus

from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale

from accounts.models import User
from accounts.services import DEMO_ACCOUNTS
from assessments.models import Question, Quiz, Survey
from certificates.models import CertificateTemplate
from courses.models import ClassroomSession, CoursePage, LessonPage, ModulePage
from demo.curriculum import demo_courses
from demo.services import demo_seed
from h5p.models import H5PContent


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            CoursePage,
            ModulePage,
            LessonPage,
            Question,
            Quiz,
            Survey,
            CertificateTemplate,
            ClassroomSession,
            H5PContent,
            User,
        )
    }


def test_a_second_run_creates_nothing(seeded, db):
    before = _counts()

    call_command("seed_demo", "--no-training-data", "--allow-production", verbosity=0)

    assert _counts() == before


def test_every_course_and_its_parts_exist_once(seeded, db):
    call_command("seed_demo", "--no-training-data", "--allow-production", verbosity=0)

    for spec in demo_courses():
        course = CoursePage.objects.get(slug=spec.slug, locale__language_code="en")
        pages = [
            course,
            *(
                course.get_translation(Locale.objects.get(language_code=t.language))
                for t in spec.translations
            ),
        ]
        assert CoursePage.objects.filter(translation_key=course.translation_key).count() == len(
            pages
        )
        assert course.live and course.trainers.filter(email="trainer@liaison.test").exists()
        assert ClassroomSession.objects.filter(course=course).count() == len(spec.sessions)
        for page in pages:
            assert ModulePage.objects.child_of(page).live().count() == len(spec.modules)
            tests = Quiz.objects.filter(course=page, purpose__in=["pre_test", "post_test"])
            assert sorted(tests.values_list("purpose", flat=True)) == ["post_test", "pre_test"]
            for quiz in tests:
                assert quiz.quiz_questions.count() >= 8
            assert sorted(Survey.objects.filter(course=page).values_list("purpose", flat=True)) == [
                "follow_up",
                "reaction",
            ]
            assert CertificateTemplate.objects.filter(courses=page).count() == 1
    for _role, email, *_rest in DEMO_ACCOUNTS:
        assert User.objects.filter(email=email).count() == 1


def test_translations_share_keys_with_the_original(seeded, db):
    course = CoursePage.objects.get(slug="voluntary-return", locale__language_code="en")
    french = course.get_translation(Locale.objects.get(language_code="fr"))
    english_test = Quiz.objects.get(course=course, purpose="post_test")
    french_test = Quiz.objects.get(course=french, purpose="post_test")

    assert french.live and french.title.startswith("Le retour volontaire")
    assert french_test.translation_key == english_test.translation_key
    english_questions = [item.question for item in english_test.quiz_questions.all()]
    french_questions = [item.question for item in french_test.quiz_questions.all()]
    assert [q.translation_key for q in french_questions] == [
        q.translation_key for q in english_questions
    ]
    assert {q.objective.course_id for q in french_questions} == {french.pk}
    assert {q.locale.language_code for q in french_questions} == {"fr"}


def test_the_dashboard_shows_the_synthetic_programme(seeded, db, client):
    summary = demo_seed(training_data=True, trainees=40, seed=77)
    assert summary.training_data["trainees"] == 40
    assert summary.report is not None and summary.report.status == "done"
    client.force_login(User.objects.get(email="manager@liaison.test"))

    response = client.get(reverse("reports:dashboard"))

    assert response.status_code == HTTPStatus.OK
    enrolled = next(f for f in response.context["headlines"] if f["label"] == "Trainees enrolled")
    assert not enrolled["suppressed"] and enrolled["value"] >= 40
    again = demo_seed(training_data=True, trainees=40, seed=77)
    assert again.training_data is None and again.report is None
