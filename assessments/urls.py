from django.urls import include, path

app_name = "assessments"

urlpatterns = [
    path("", include("assessments.quiz_urls")),
    path("", include("assessments.survey_urls")),
]
