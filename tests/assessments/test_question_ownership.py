"""Questions belong to courses, or to the shared bank owned by named trainers: a trainer
changes only questions of the courses they own and the shared ones they own, and asks in a
quiz only those and the shared bank."""

import importlib
from http import HTTPStatus

import pytest
from django.apps import apps
from django.urls import reverse

from assessments.models import Question, Quiz, QuizQuestion
from tests.assessments.test_admin import QUESTION_URL, QUIZ_URL, question_form, quiz_form
from tests.factories import TrainerFactory
from tests.factories.assessments import ChoiceQuestionFactory, QuizFactory
from tests.factories.courses import add_course

pytestmark = pytest.mark.django_db

ADMIN_HOME = reverse("wagtailadmin_home")


@pytest.fixture
def other_trainer():
    return TrainerFactory()


@pytest.fixture
def other_course(catalogue, other_trainer):
    return add_course(catalogue, title="Someone else's course", trainers=[other_trainer])


@pytest.fixture
def questions(course, other_course, trainer):
    """A question of ``course`` (the ``trainer``'s), one of ``other_course``, one shared
    and owned by ``trainer``, and one shared with no owner."""
    return {
        "own": ChoiceQuestionFactory(course=course, text="Own course"),
        "foreign": ChoiceQuestionFactory(course=other_course, text="Other course"),
        "shared": ChoiceQuestionFactory(text="Shared, owned", owners=[trainer]),
        "orphan": ChoiceQuestionFactory(text="Shared, no owner"),
    }


def _edit(question: Question) -> str:
    return f"{QUESTION_URL}edit/{question.pk}/"


def _post_edit(client, question: Question, text: str):
    form = question_form(text=text)
    if question.course_id:
        form["course"] = question.course_id
    return client.post(_edit(question), form)


@pytest.mark.parametrize(
    ("key", "allowed"), [("own", True), ("foreign", False), ("shared", True), ("orphan", False)]
)
def test_a_trainer_changes_only_their_courses_and_the_shared_questions_they_own(
    client, trainer, questions, key, allowed
):
    question = questions[key]
    client.force_login(trainer)

    opened = client.get(_edit(question))
    posted = _post_edit(client, question, "Rewritten key")

    question.refresh_from_db()
    if allowed:
        assert opened.status_code == HTTPStatus.OK
        assert posted.status_code == HTTPStatus.FOUND
        assert question.latest_revision.as_object().text == "Rewritten key"
    else:
        assert opened.url == ADMIN_HOME
        assert posted.url == ADMIN_HOME
        assert question.latest_revision is None
    # The row keeps the live version either way: the change waits for review.
    assert question.text != "Rewritten key"


def test_another_courses_trainer_cannot_delete_the_question(client, other_trainer, questions):
    client.force_login(other_trainer)

    response = client.post(f"{QUESTION_URL}delete/{questions['own'].pk}/")

    assert response.url == ADMIN_HOME
    assert Question.objects.filter(pk=questions["own"].pk).exists()


@pytest.mark.parametrize("key", ["own", "foreign", "shared", "orphan"])
def test_an_admin_changes_every_question(client, admin_user, questions, key):
    client.force_login(admin_user)

    assert client.get(_edit(questions[key])).status_code == HTTPStatus.OK


def test_the_listing_shows_a_trainer_what_they_may_change(client, trainer, questions):
    client.force_login(trainer)

    listed = set(client.get(QUESTION_URL).context["object_list"])

    assert listed == {questions["own"], questions["shared"]}


def test_the_chooser_offers_their_courses_and_the_whole_shared_bank(client, trainer, questions):
    client.force_login(trainer)

    response = client.get(reverse("wagtailsnippetchoosers_assessments_question:choose"))

    offered = set(response.context["results"].object_list)
    assert offered == {questions["own"], questions["shared"], questions["orphan"]}


def test_a_trainer_creating_a_shared_question_becomes_its_owner(client, trainer):
    client.force_login(trainer)

    response = client.post(f"{QUESTION_URL}add/", question_form())

    assert response.status_code == HTTPStatus.FOUND
    question = Question.objects.get()
    assert question.course is None
    assert list(question.owners.all()) == [trainer]
    assert list(question.latest_revision.as_object().owners.all()) == [trainer]


def test_a_trainer_cannot_give_a_question_to_someone_elses_course(
    client, trainer, other_course
):
    client.force_login(trainer)

    response = client.post(f"{QUESTION_URL}add/", question_form(course=other_course.pk))

    assert response.status_code == HTTPStatus.OK
    assert "course" in response.context["form"].errors
    assert not Question.objects.exists()


def test_a_trainer_cannot_build_a_quiz_with_another_courses_question(
    client, trainer, course, questions
):
    client.force_login(trainer)
    form = quiz_form(course, [questions["foreign"]], purpose="graded", feedback="never")

    response = client.post(f"{QUIZ_URL}add/", form)

    assert response.status_code == HTTPStatus.OK
    assert "Other course" in str(response.context["form"].non_field_errors())
    assert not Quiz.objects.exists()


def test_a_trainer_builds_a_quiz_with_their_own_and_shared_questions(
    client, trainer, course, questions
):
    client.force_login(trainer)
    chosen = [questions["own"], questions["shared"], questions["orphan"]]
    form = quiz_form(course, chosen, purpose="graded", feedback="never")

    response = client.post(f"{QUIZ_URL}add/", form)

    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    quiz = Quiz.objects.get()
    assert {item.question for item in quiz.quiz_questions.all()} == set(chosen)


def test_an_admin_builds_a_quiz_with_any_question(client, admin_user, course, questions):
    client.force_login(admin_user)
    form = quiz_form(course, [questions["foreign"]], purpose="graded", feedback="never")

    response = client.post(f"{QUIZ_URL}add/", form)

    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors


def test_the_migration_gives_existing_questions_a_course_or_owners(
    catalogue, course, trainer, other_course, other_trainer
):
    migration = importlib.import_module(
        "assessments.migrations.0010_question_owners_and_live_versions"
    )
    unowned_course = add_course(catalogue, title="Nobody's course", trainers=[])
    one = ChoiceQuestionFactory(text="One course")
    two = ChoiceQuestionFactory(text="Two courses")
    nobody = ChoiceQuestionFactory(text="Course without trainers")
    unused = ChoiceQuestionFactory(text="Unused")
    # Built as before the migration: the quizzes' questions have no course yet.
    for quiz_course, asked in ((course, [one, two]), (other_course, [two]), (unowned_course, [])):
        quiz = QuizFactory(course=quiz_course)
        for order, question in enumerate(asked):
            QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=order)
    for quiz_course in (unowned_course, course):
        QuizQuestion.objects.create(quiz=QuizFactory(course=quiz_course), question=nobody)

    migration.owners_assign(apps, None)

    for question in (one, two, nobody, unused):
        question.refresh_from_db()
    assert (one.course, set(one.owners.all())) == (course, set())
    assert (two.course, set(two.owners.all())) == (None, {trainer, other_trainer})
    assert (nobody.course, set(nobody.owners.all())) == (None, {trainer})
    assert (unused.course, set(unused.owners.all())) == (None, set())
