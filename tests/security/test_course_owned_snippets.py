"""Quizzes, surveys and certificate templates belong to courses: a trainer lists, changes and
deletes only those of the courses they own, and cannot give one to someone else's course."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from assessments.models import Quiz, Survey
from certificates.models import CertificateTemplate
from tests.factories import TrainerFactory
from tests.factories.assessments import (
    ChoiceQuestionFactory,
    QuizFactory,
    SurveyFactory,
    survey_admin_form,
)
from tests.factories.certificates import CertificateTemplateFactory
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
def snippets(course, other_course):
    """A quiz, a survey and a template of ``course``, the same of ``other_course``, and a
    template of no course yet."""
    return {
        "quiz": QuizFactory(course=course, questions=[ChoiceQuestionFactory()]),
        "survey": SurveyFactory(course=course),
        "template": CertificateTemplateFactory(courses=[course]),
        "other_quiz": QuizFactory(course=other_course, questions=[ChoiceQuestionFactory()]),
        "other_survey": SurveyFactory(course=other_course),
        "other_template": CertificateTemplateFactory(
            courses=[other_course], title="Other certificate"
        ),
        "loose_template": CertificateTemplateFactory(title="Not yet used"),
    }


def _url(obj, view):
    meta = obj._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{view}", args=[obj.pk])


@pytest.mark.parametrize("key", ["quiz", "survey", "template"])
def test_the_trainer_of_another_course_cannot_open_change_or_delete(
    client, snippets, other_trainer, key
):
    obj = snippets[key]
    client.force_login(other_trainer)

    for view in ("edit", "history", "usage"):
        assert client.get(_url(obj, view)).url == ADMIN_HOME, view
    if key != "template":  # only admins delete templates at all
        assert client.post(_url(obj, "delete")).url == ADMIN_HOME
    assert type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("key", ["quiz", "survey", "template"])
def test_the_owning_trainer_and_an_admin_open_them(client, snippets, trainer, admin_user, key):
    for user in (trainer, admin_user):
        client.force_login(user)
        assert client.get(_url(snippets[key], "edit")).status_code == HTTPStatus.OK


def test_listings_show_a_trainer_only_their_courses_and_what_has_no_course(
    client, snippets, trainer, admin_user
):
    client.force_login(trainer)
    quizzes = client.get(reverse("wagtailsnippets_assessments_quiz:list")).context["object_list"]
    surveys = client.get(reverse("wagtailsnippets_assessments_survey:list")).context["object_list"]
    templates = client.get(
        reverse("wagtailsnippets_certificates_certificatetemplate:list")
    ).context["object_list"]

    assert [q.pk for q in quizzes] == [snippets["quiz"].pk]
    assert [s.pk for s in surveys] == [snippets["survey"].pk]
    assert {t.pk for t in templates} == {snippets["template"].pk, snippets["loose_template"].pk}

    client.force_login(admin_user)
    quizzes = client.get(reverse("wagtailsnippets_assessments_quiz:list")).context["object_list"]
    assert len(quizzes) == 2


def test_choosers_offer_a_trainer_only_their_courses(client, snippets, trainer, admin_user):
    url = reverse("wagtailsnippetchoosers_assessments_quiz:choose_results")

    client.force_login(trainer)
    assert [q.pk for q in client.get(url).context["results"]] == [snippets["quiz"].pk]
    client.force_login(admin_user)
    assert len(client.get(url).context["results"]) == 2


def test_a_trainer_cannot_move_a_survey_to_someone_elses_course(
    client, snippets, trainer, other_course
):
    survey = snippets["survey"]
    client.force_login(trainer)

    response = client.post(_url(survey, "edit"), survey_admin_form(other_course))

    assert response.status_code == HTTPStatus.OK  # the form again, with its error
    assert response.context["form"].errors["course"]
    survey.refresh_from_db()
    assert survey.course_id != other_course.pk
    # Nor create one there.
    response = client.post(
        reverse("wagtailsnippets_assessments_survey:add"),
        survey_admin_form(other_course, {"title": "Hijack"}),
    )
    assert response.context["form"].errors["course"]
    assert not Survey.objects.filter(title="Hijack").exists()


@pytest.mark.parametrize(
    ("model", "field"),
    [(Quiz, "course"), (Survey, "course"), (CertificateTemplate, "courses")],
)
def test_the_course_choices_are_the_trainers_own(
    trainer, admin_user, course, other_course, model, field
):
    form_class = model.snippet_viewset.get_edit_handler().get_form_class()

    offered = form_class(for_user=trainer).fields[field].queryset
    assert course in offered
    assert other_course not in offered
    assert other_course in form_class(for_user=admin_user).fields[field].queryset
