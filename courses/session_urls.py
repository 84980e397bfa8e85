from django.urls import path

from .views import sessions

urlpatterns = [
    path("my-sessions/", sessions.session_mine, name="session_mine"),
    path("sessions/check-in/", sessions.session_check_in, name="session_check_in"),
    path("sessions/<int:session_id>/register/", sessions.session_register, name="session_register"),
    path("sessions/<int:session_id>/cancel/", sessions.session_cancel, name="session_cancel"),
    path("trainer/sessions/", sessions.session_list, name="session_list"),
    path("trainer/sessions/new/", sessions.session_create, name="session_create"),
    path(
        "trainer/sessions/<int:session_id>/",
        sessions.session_attendance,
        name="session_attendance",
    ),
    path(
        "trainer/sessions/<int:session_id>/check-in/",
        sessions.session_open_check_in,
        name="session_open_check_in",
    ),
    path("trainer/sessions/<int:session_id>/code/", sessions.session_code, name="session_code"),
]
