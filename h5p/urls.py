from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("lessons/<int:lesson_id>/exercises/<str:block_id>/", views.player, name="player"),
    path(
        "lessons/<int:lesson_id>/exercises/<str:block_id>/statements/",
        views.statements,
        name="statements",
    ),
]
