from django.urls import include, path

from .views import learning

app_name = "courses"

urlpatterns = [
    path("my-learning/", learning.my_learning, name="my_learning"),
    path("courses/<int:course_id>/enrol/", learning.enrol, name="enrol"),
    path("courses/<int:course_id>/withdraw/", learning.withdraw, name="withdraw"),
    path("lessons/<int:lesson_id>/complete/", learning.lesson_complete, name="lesson_complete"),
    path("trainer/requests/", learning.enrolment_requests, name="enrolment_requests"),
    path(
        "trainer/courses/<int:course_id>/progress/",
        learning.course_progress,
        name="course_progress",
    ),
    path(
        "trainer/requests/<int:enrolment_id>/",
        learning.enrolment_decide,
        name="enrolment_decide",
    ),
    path("", include("courses.cohort_urls")),
    path("", include("courses.session_urls")),
]
