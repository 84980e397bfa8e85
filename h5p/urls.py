from django.conf import settings
from django.urls import path, re_path

from . import views

app_name = "h5p"

urlpatterns = [
    path("player/", views.player_frame, name="frame"),
    path(
        "lessons/<int:lesson_id>/exercises/<str:block_id>/statements/",
        views.statements,
        name="statements",
    ),
    path("lessons/<int:lesson_id>/exercises/<str:block_id>/state/", views.state, name="state"),
]


def media_urlpatterns() -> list:
    """H5P files with the headers the sandboxed player needs (development, browser tests;
    production serves them from the web server, README "Serving H5P files")."""
    prefix = settings.MEDIA_URL.lstrip("/")
    return [re_path(rf"^{prefix}h5p/(?P<path>.*)$", views.media)]
