"""The site's own small views."""

from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page names: send them to the SVG icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
