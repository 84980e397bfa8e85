"""Certificate templates: safe placeholders, one template per course and language, trainers."""

from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from certificates.models import CertificateTemplate
from certificates.placeholders import placeholders_fill
from tests.factories.certificates import CertificateTemplateFactory

ADD_URL = "/admin/snippets/certificates/certificatetemplate/add/"


def template_form(**fields) -> dict:
    data = {
        "title": "Certificate of completion",
        "body": "{trainee_name} completed “{course}” on {completion_date}.",
        "signatory_name": "Ann Peeters",
        "signatory_title": "Head of training",
        "validity_months": "24",
    }
    data.update(fields)
    return data


def test_placeholders_are_filled():
    text = placeholders_fill(
        "{trainee_name} ({organisation}) completed {course}: {hours} h on {completion_date}. {{x}}",
        {
            "trainee_name": "Jan Jansen",
            "organisation": "Police zone Gent",
            "course": "Identification",
            "hours": "3.5",
            "completion_date": "1 March 2027",
        },
    )

    assert text == (
        "Jan Jansen (Police zone Gent) completed Identification: 3.5 h on 1 March 2027. {x}"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Dear {name}", "Unknown placeholder {name}"),
        ("{trainee_name.__class__}", "Unknown placeholder {trainee_name.__class__}"),
        ("{course[0]}", "Unknown placeholder {course[0]}"),
        ("{hours:>10}", "Unknown placeholder {hours:>10}"),
        ("{course!r}", "Unknown placeholder {course!r}"),
        ("{}", "Unknown placeholder {}"),
        ("Completed {course", "A brace is not closed"),
        ("Completed course}", "A brace is not closed"),
    ],
)
def test_a_template_refuses_unknown_or_unsafe_placeholders(db, body, message):
    template = CertificateTemplate(
        title="T", body=body, signatory_name="A", signatory_title="B", locale=Locale.get_default()
    )

    with pytest.raises(ValidationError) as caught:
        template.full_clean()

    assert message in " ".join(caught.value.message_dict["body"])


def test_trainers_may_add_a_template_in_the_admin(client, trainer, course):
    client.force_login(trainer)

    response = client.post(ADD_URL, template_form(courses=[course.pk]))

    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[-2000:]
    template = CertificateTemplate.objects.get()
    assert list(template.courses.all()) == [course]
    assert template.latest_revision is not None


def test_the_admin_refuses_an_unknown_placeholder_with_a_clear_message(client, trainer):
    client.force_login(trainer)

    response = client.post(ADD_URL, template_form(body="Well done {first_name}!"))

    assert response.status_code == HTTPStatus.OK
    assert "Unknown placeholder {first_name}" in response.content.decode()
    assert not CertificateTemplate.objects.exists()


def test_a_course_has_at_most_one_template_per_language(client, trainer, course):
    existing = CertificateTemplateFactory(courses=[course], title="Existing template")
    client.force_login(trainer)

    response = client.post(ADD_URL, template_form(title="Second", courses=[course.pk]))

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "already have a certificate template in this language" in content
    assert "Existing template" in content
    assert list(CertificateTemplate.objects.all()) == [existing]


def test_the_translation_of_a_template_may_name_the_same_course(home, course):
    template = CertificateTemplateFactory(courses=[course])
    french = Locale.objects.get(language_code="fr")

    translation = template.copy_for_translation(french)
    translation.save()

    # Translating copies the courses; the rule is per language, so that is allowed.
    translation.courses_clean([course])
    assert list(translation.courses.all()) == [course]


def test_trainees_cannot_open_the_template_admin(client, trainee):
    client.force_login(trainee)

    response = client.get(ADD_URL)

    assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN)
    assert not CertificateTemplate.objects.exists()
