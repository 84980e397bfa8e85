from django.urls import path

from . import views

app_name = "h5p_content_iri"

urlpatterns = [path("content/<uuid:uuid>/", views.content, name="content")]
