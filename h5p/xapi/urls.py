"""URLs of the xAPI statements resource, mounted at /xapi/ without a language prefix."""

from django.urls import path

from .views import StatementsView, about

app_name = "xapi"
urlpatterns = [
    path("statements", StatementsView.as_view(), name="statements"),
    path("about", about, name="about"),
]
