"""Trainers' cohort pages, under /<lang>/learning/trainer/cohorts/."""

from django.urls import path

from .views import cohorts

urlpatterns = [
    path("trainer/cohorts/", cohorts.cohort_list, name="cohort_list"),
    path("trainer/cohorts/new/", cohorts.cohort_create, name="cohort_create"),
    path("trainer/cohorts/<int:cohort_id>/", cohorts.cohort_detail, name="cohort_detail"),
    path(
        "trainer/cohorts/<int:cohort_id>/members/",
        cohorts.cohort_add_members,
        name="cohort_add_members",
    ),
    path(
        "trainer/cohorts/<int:cohort_id>/import/",
        cohorts.cohort_csv_upload,
        name="cohort_csv_upload",
    ),
    path(
        "trainer/cohorts/<int:cohort_id>/import/confirm/",
        cohorts.cohort_csv_confirm,
        name="cohort_csv_confirm",
    ),
    path(
        "trainer/cohorts/<int:cohort_id>/progress/",
        cohorts.cohort_progress,
        name="cohort_progress",
    ),
    path(
        "trainer/cohorts/<int:cohort_id>/progress.csv",
        cohorts.cohort_progress_csv,
        name="cohort_progress_csv",
    ),
]
