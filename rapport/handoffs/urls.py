from django.urls import path

from rapport.handoffs import views

urlpatterns = [
    path("<int:client_id>/hand-off/", views.handoff_new, name="handoff_new"),
    path(
        "<int:client_id>/cases/<int:case_id>/hand-off/", views.handoff_new, name="case_handoff_new"
    ),
    path(
        "<int:client_id>/handoffs/<int:handoff_id>/introduce/",
        views.handoff_introduce,
        name="handoff_introduce",
    ),
    path(
        "<int:client_id>/handoffs/<int:handoff_id>/got-it/",
        views.handoff_acknowledge,
        name="handoff_acknowledge",
    ),
]
