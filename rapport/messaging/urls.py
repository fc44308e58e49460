from django.urls import path

from rapport.messaging import views

urlpatterns = [
    path("<int:client_id>/compose/", views.compose, name="compose"),
    path("<int:client_id>/compose/check/", views.compose_check, name="compose_check"),
    path("<int:client_id>/outbox/<int:outbox_id>/", views.outbox_status, name="outbox_status"),
    path(
        "<int:client_id>/outbox/<int:outbox_id>/resend/", views.outbox_resend, name="outbox_resend"
    ),
    path(
        "<int:client_id>/outbox/<int:outbox_id>/undo/", views.outbox_undo_view, name="outbox_undo"
    ),
]
