"""The site as served to the browser in end-to-end tests: the real URLs plus media files.

Test settings run with DEBUG off, so ``cms.urls`` does not serve uploads; the H5P player
loads its libraries and content from media storage, which production serves from the web
server or object storage.
"""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import urlpatterns as site_urlpatterns
from h5p.urls import media_urlpatterns


def media(request, path):
    # MEDIA_ROOT is read per request: each test has its own folder.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    *media_urlpatterns(),
    re_path(r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")), media),
    *site_urlpatterns,
]
