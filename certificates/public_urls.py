"""Language-independent verification addresses (the QR code's), mounted without a prefix.

They redirect to the verification pages in the visitor's language, which never need a login.
"""

from django.urls import path

from . import views

app_name = "certificates_public"

urlpatterns = [
    path("verify/", views.verify_form_redirect, name="verify_form"),
    path("verify/<str:code>/", views.verify_redirect, name="verify"),
]
