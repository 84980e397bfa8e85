"""Template helpers for the site's navigation."""

from django import template
from django.utils.translation import get_language

from .. import selectors
from ..models import CourseIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str:
    """URL of the catalogue in the current language (or any language), or ''."""
    request = context.get("request")
    if request is None:
        return ""
    cached = getattr(request, "_liaison_catalogue_url", None)
    if cached is None:
        catalogues = CourseIndexPage.objects.live().select_related("locale")
        language = (get_language() or "en")[:2]
        catalogue = catalogues.filter(locale__language_code=language).first() or catalogues.first()
        cached = catalogue.get_url(request) if catalogue else ""
        request._liaison_catalogue_url = cached
    return cached


@register.simple_tag(takes_context=True)
def user_is_trainer(context) -> bool:
    """Whether the signed-in user sees the trainer tools in the navigation."""
    request = context.get("request")
    return bool(request and selectors.user_is_trainer(request.user))
