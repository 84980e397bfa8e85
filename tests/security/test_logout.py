"""Logging out takes a POST with the CSRF token: a link or image on another site cannot."""

from http import HTTPStatus

import pytest
from allauth.account import app_settings as allauth_settings
from django.test import Client
from django.urls import reverse

from tests.factories import AdminFactory


@pytest.fixture
def admin_client(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(AdminFactory())
    return client


def signed_in(client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == HTTPStatus.OK


def csrf_token(client) -> str:
    client.get(reverse("wagtailadmin_home"))  # the admin's pages set the CSRF cookie
    return client.cookies["csrftoken"].value


def test_a_get_of_the_admin_logout_keeps_the_session(admin_client):
    response = admin_client.get("/admin/logout/")

    assert response.status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert signed_in(admin_client)


def test_a_post_without_the_csrf_token_keeps_the_session(admin_client):
    response = admin_client.post("/admin/logout/")

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert signed_in(admin_client)


def test_the_admin_menu_logs_out_by_post_and_lands_on_the_home_page(admin_client):
    url = reverse("wagtailadmin_logout")  # the address Wagtail's menu posts its form to

    response = admin_client.post(url, {"csrfmiddlewaretoken": csrf_token(admin_client)})

    assert url == "/admin/logout/"
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/"
    assert not signed_in(admin_client)


def test_the_sites_own_logout_asks_before_logging_out_on_get(admin_client):
    assert allauth_settings.LOGOUT_ON_GET is False

    response = admin_client.get(reverse("account_logout"))

    assert response.status_code == HTTPStatus.OK
    assert signed_in(admin_client)
