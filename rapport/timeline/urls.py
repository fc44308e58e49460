from django.urls import path

from rapport.timeline import views

urlpatterns = [
    path("<int:client_id>/interactions/new/", views.interaction_new, name="interaction_new"),
    path(
        "<int:client_id>/interactions/<int:interaction_id>/edit/",
        views.interaction_edit,
        name="interaction_edit",
    ),
    path(
        "<int:client_id>/interactions/<int:interaction_id>/delete/",
        views.interaction_delete,
        name="interaction_delete",
    ),
    path(
        "<int:client_id>/promises/<int:promise_id>/done/", views.promise_done, name="promise_done"
    ),
]
