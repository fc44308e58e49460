from django.urls import path

from rapport.portability import views

urlpatterns = [
    path("settings/export/", views.export_page, name="export"),
    path("clients/<int:client_id>/data/", views.client_data, name="client_data"),
    path("clients/<int:client_id>/erase/", views.client_erase_page, name="client_erase"),
]
