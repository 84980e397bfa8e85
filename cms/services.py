"""Setting up the site: locales, the home page in each language, the default Site."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .home_content import HOME_CONTENT
from .models import HomePage


def _fill(page: HomePage, language: str) -> None:
    for field, value in HOME_CONTENT[language].items():
        setattr(page, field, value)


@transaction.atomic
def site_setup() -> HomePage:
    """Create what a fresh database lacks; leave everything editors changed untouched."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }
    default_locale = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's migrations leave a plain "Welcome" page; Liaison's home replaces it.
        Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
        home = HomePage(slug="home", locale=default_locale)
        _fill(home, settings.LANGUAGE_CODE)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name = (
        site.hostname or "localhost",
        site.port or 80,
        "Liaison",
    )
    site.root_page = home
    site.save()
    for code, locale in locales.items():
        if code == settings.LANGUAGE_CODE or home.get_translation_or_none(locale):
            continue
        translation = home.copy_for_translation(locale)
        _fill(translation, code)
        translation.save_revision().publish()
    return home
