"""The site's URLs plus a bare view, so a benchmark can compare both in one process."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The cheapest Django response: the floor every page is measured against."""
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
