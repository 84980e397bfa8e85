"""What each role group may and may not do."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission
from wagtail.permissions import policy_registry

from accounts import roles

ADMIN_HOME = "/admin/"
ADMIN_USERS = "/admin/users/"
ADMIN_ORGANISATIONS = "/admin/organisations/"


def test_the_role_groups_exist(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        roles.TRAINEES,
        roles.TRAINERS,
        roles.PROGRAMME_MANAGERS,
    }


@pytest.mark.parametrize(
    ("role_fixture", "admin_home", "users", "organisations", "may_upload_images"),
    [
        ("trainee", HTTPStatus.FOUND, HTTPStatus.FOUND, HTTPStatus.FOUND, False),
        ("trainer", HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.FOUND, True),
        # Programme managers open the admin only to record the programme's indicators.
        ("programme_manager", HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.FOUND, False),
        ("admin_user", HTTPStatus.OK, HTTPStatus.OK, HTTPStatus.OK, True),
    ],
)
def test_admin_access_per_role(
    client, request, home, role_fixture, admin_home, users, organisations, may_upload_images
):
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)

    assert client.get(ADMIN_HOME).status_code == admin_home
    assert client.get(ADMIN_USERS).status_code == users
    assert client.get(ADMIN_ORGANISATIONS).status_code == organisations
    image_policy = policy_registry.get_by_type(get_image_model())
    assert image_policy.user_has_permission(user, "add") is may_upload_images


def test_trainer_has_admin_access_but_no_user_or_group_management(trainer):
    assert trainer.has_perm("wagtailadmin.access_admin")
    assert not trainer.has_perm("accounts.change_user")
    assert not trainer.has_perm("auth.change_group")
    assert not trainer.has_perm("accounts.change_organisation")


def test_trainers_edit_their_own_media_but_not_everyones(db):
    granted = set(
        GroupCollectionPermission.objects.filter(group__name=roles.TRAINERS).values_list(
            "permission__codename", flat=True
        )
    )

    assert granted == {"add_image", "choose_image", "add_document", "choose_document"}


def test_trainees_have_no_admin_access(trainee):
    assert not trainee.has_perm("wagtailadmin.access_admin")


def test_programme_managers_reach_only_the_indicators_in_the_admin(programme_manager):
    assert programme_manager.has_perm("wagtailadmin.access_admin")
    assert programme_manager.has_perm("reports.change_programmeindicator")
    assert not programme_manager.has_perm("accounts.change_user")
    assert not programme_manager.has_perm("wagtailcore.change_page")
    assert not programme_manager.has_perm("assessments.change_question")


def test_anonymous_admin_request_goes_to_the_allauth_login(client, db):
    response = client.get(ADMIN_HOME)

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith("/en/accounts/login/")
