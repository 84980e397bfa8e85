"""Template helpers for the site shell."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale

register = template.Library()


@register.inclusion_tag("cms/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in every interface language.

    A Wagtail page links to its translation (or that language's home page when it has none);
    any other view keeps its path and swaps the language prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(request.get_full_path(), code)
        if page is not None and hasattr(page, "get_translation_or_none"):
            locale = Locale.objects.filter(language_code=code).first()
            translation = page.get_translation_or_none(locale) if locale else None
            url = translation.url if translation and translation.live else f"/{code}/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}
