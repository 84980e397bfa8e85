"""The site's own small views."""

from django.contrib.auth import logout
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.http import require_POST


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page names: send them to the SVG icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


@require_POST
def admin_logout(request):
    """Log out from the admin's menu: by POST only, with the CSRF token the middleware checks.

    Wagtail's own view answers a GET with 405 but deletes the session cookie first, so a link
    or an image on another site would log the user out.
    """
    logout(request)
    return redirect("/")
