from django.urls import path

from .views import surveys

urlpatterns = [
    path("surveys/<int:survey_id>/", surveys.survey_answer, name="survey_answer"),
    path("surveys/follow-up/<str:token>/", surveys.survey_follow_up, name="survey_follow_up"),
    path("surveys/thanks/", surveys.survey_thanks, name="survey_thanks"),
]
