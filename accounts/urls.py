from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.my_account, name="my_account"),
    path("data/", views.personal_data_download, name="personal_data_download"),
    path("delete/", views.account_delete, name="account_delete"),
]
