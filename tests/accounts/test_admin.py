"""Wagtail admin screens for users and organisations work with Liaison's user model."""

from http import HTTPStatus

from accounts import roles
from accounts.models import Organisation, User
from tests.factories import OrganisationFactory


def test_admin_creates_a_user_with_profile_fields(client, admin_user, home):
    organisation = OrganisationFactory()
    client.force_login(admin_user)
    assert client.get("/admin/users/new/").status_code == HTTPStatus.OK

    from django.contrib.auth.models import Group

    response = client.post(
        "/admin/users/new/",
        {
            "email": "new.trainer@example.org",
            "full_name": "Nadia Benali",
            "audience": "other",
            "organisation": organisation.pk,
            "preferred_language": "fr",
            "password1": "quartz-harbour-71-lime",
            "password2": "quartz-harbour-71-lime",
            "groups": [Group.objects.get(name=roles.TRAINERS).pk],
        },
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    user = User.objects.get(email="new.trainer@example.org")
    assert user.full_name == "Nadia Benali"
    assert user.groups.filter(name=roles.TRAINERS).exists()
    assert client.get(f"/admin/users/edit/{user.pk}/").status_code == HTTPStatus.OK


def test_admin_confirms_a_proposed_organisation(client, admin_user, home):
    proposed = OrganisationFactory(name="Proposed NGO", is_confirmed=False)
    client.force_login(admin_user)

    listing = client.get("/admin/organisations/?is_confirmed=false")
    assert "Proposed NGO" in listing.content.decode()
    response = client.post(
        f"/admin/organisations/edit/{proposed.pk}/",
        {"name": "Proposed NGO", "kind": "ngo", "city": "Gent", "is_confirmed": "on"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert Organisation.objects.get(pk=proposed.pk).is_confirmed


def test_wagtail_account_page_edits_the_full_name(client, trainer, home):
    client.force_login(trainer)
    page = client.get("/admin/account/")
    assert 'name="name_email-full_name"' in page.content.decode()
    assert 'name="name_email-first_name"' not in page.content.decode()

    response = client.post(
        "/admin/account/",
        {
            "name_email-full_name": "Sofie Maes",
            "locale-preferred_language": "en",
            "locale-current_time_zone": "Europe/Brussels",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )

    assert response.status_code == HTTPStatus.FOUND, response.context["panels_by_tab"]
    trainer.refresh_from_db()
    assert trainer.full_name == "Sofie Maes"
