"""Report pages for programme managers (mounted under the language prefix)."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.run_list, name="run_list"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("runs/<int:pk>/status/", views.run_status, name="run_status"),
    path("runs/<int:pk>/retry/", views.run_retry, name="run_retry"),
    path("runs/<int:pk>/csv/<slug:table_key>/", views.run_csv, name="run_csv"),
    path("runs/<int:pk>/xlsx/", views.run_xlsx, name="run_xlsx"),
    path("runs/<int:pk>/pdf/", views.run_pdf, name="run_pdf"),
]
