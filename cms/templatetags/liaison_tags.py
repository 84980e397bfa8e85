"""Template helpers for the site shell."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

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
    translations = None
    if page is not None and hasattr(page, "get_translations"):
        translations = {
            translation.locale.language_code: translation.url
            for translation in page.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .specific(defer=True)
        }
    links = []
    for code, name in settings.LANGUAGES:
        if translations is None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = translations.get(code, f"/{code}/")
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}
