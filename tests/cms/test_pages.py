"""The site shell: home page in three languages, accessibility landmarks, security headers."""

from http import HTTPStatus

import pytest

from cms.models import HomePage
from cms.services import site_setup
from cms.tasks import healthcheck


def test_site_setup_is_idempotent(home):
    site_setup()
    site_setup()

    assert HomePage.objects.count() == 3
    assert set(HomePage.objects.values_list("locale__language_code", flat=True)) == {
        "en",
        "fr",
        "nl",
    }


def test_root_redirects_to_a_language(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="nl-BE,nl;q=0.9")

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == "/nl/"


@pytest.mark.parametrize(
    ("language", "content_text", "interface_text"),
    [
        ("en", "Liaison trains the people who work on return procedures", "Skip to main content"),
        ("fr", "Liaison forme les personnes", "Aller au contenu principal"),
        ("nl", "Liaison leidt de mensen op", "Naar de hoofdinhoud"),
    ],
)
def test_home_page_in_each_language(client, home, language, content_text, interface_text):
    response = client.get(f"/{language}/")

    assert response.status_code == HTTPStatus.OK
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert content_text in html
    assert interface_text in html


def test_language_switcher_links_to_the_translations(client, home):
    html = client.get("/fr/").content.decode()

    assert 'href="/en/" lang="en"' in html
    assert 'href="/nl/" lang="nl"' in html
    assert '<span aria-current="true" lang="fr">' in html


def test_language_switcher_keeps_the_path_on_other_views(client, home):
    html = client.get("/en/accounts/login/").content.decode()

    assert 'href="/fr/accounts/login/"' in html
    assert 'href="/nl/accounts/login/"' in html


def test_base_template_has_skip_link_landmarks_and_labelled_forms(client, home):
    html = client.get("/en/accounts/login/").content.decode()

    assert '<a class="skip-link" href="#main-content">' in html
    assert '<main id="main-content"' in html
    assert "<header" in html and "<footer" in html
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<label for="id_login"' in html and '<label for="id_password"' in html


def test_security_headers_on_public_pages(client, home):
    response = client.get("/en/")

    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_admin_has_its_own_policy_without_unsafe_eval(client, trainer):
    client.force_login(trainer)

    response = client.get("/admin/")

    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-eval" not in csp


def test_home_page_query_count_is_bounded(client, home, django_assert_max_num_queries):
    client.get("/en/")  # warm Wagtail's site-root cache

    with django_assert_max_num_queries(10):
        assert client.get("/en/").status_code == HTTPStatus.OK


def test_unknown_page_gets_the_site_404(client, home):
    response = client.get("/en/no-such-page/")

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert "Page not found" in response.content.decode()


def test_the_site_has_its_own_icon(client, home):
    response = client.get("/favicon.ico")

    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert response["Location"] == "/static/favicon.svg"
    assert b'<link rel="icon" href="/static/favicon.svg"' in client.get("/en/").content
    icon = client.get(response["Location"])
    assert icon.status_code == HTTPStatus.OK
    assert b"<svg" in b"".join(icon.streaming_content)


def test_admin_avatars_never_call_gravatar(client, admin_user):
    client.force_login(admin_user)

    page = client.get("/admin/").content.decode()

    assert "avatar" in page
    assert "gravatar" not in page


def test_eager_tasks_do_not_warn_about_a_missing_broker_host(db, caplog):
    healthcheck.delay()

    assert not [record for record in caplog.records if record.name.startswith("kombu")]
