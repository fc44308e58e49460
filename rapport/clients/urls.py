from django.urls import path

from rapport.clients import views

urlpatterns = [
    path("", views.client_list, name="client_list"),
    path("new/", views.client_new, name="client_new"),
    path("bulk/", views.client_bulk, name="client_bulk"),
    path("<int:client_id>/edit/", views.client_edit, name="client_edit"),
    path("<int:client_id>/unarchive/", views.client_unarchive, name="client_unarchive"),
    path("<int:client_id>/facts/new/", views.fact_new, name="fact_new"),
    path("<int:client_id>/facts/<int:fact_id>/edit/", views.fact_edit, name="fact_edit"),
    path("<int:client_id>/facts/<int:fact_id>/confirm/", views.fact_confirm, name="fact_confirm"),
    path(
        "<int:client_id>/facts/<int:fact_id>/ask-again/",
        views.fact_ask_again,
        name="fact_ask_again",
    ),
    path("<int:client_id>/facts/<int:fact_id>/delete/", views.fact_delete, name="fact_delete"),
    path("<int:client_id>/dates/new/", views.date_new, name="date_new"),
    path("<int:client_id>/dates/<int:date_id>/edit/", views.date_edit, name="date_edit"),
    path("<int:client_id>/dates/<int:date_id>/delete/", views.date_delete, name="date_delete"),
]
