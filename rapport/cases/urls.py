from django.urls import path

from rapport.cases import views

urlpatterns = [
    path("<int:client_id>/cases/new/", views.case_new, name="case_new"),
    path("<int:client_id>/cases/<int:case_id>/", views.case_detail, name="case_detail"),
    path("<int:client_id>/cases/<int:case_id>/edit/", views.case_edit, name="case_edit"),
    path("<int:client_id>/cases/<int:case_id>/steps/new/", views.step_new, name="step_new"),
    path("<int:client_id>/cases/<int:case_id>/advice/new/", views.advice_new, name="advice_new"),
    path(
        "<int:client_id>/cases/<int:case_id>/steps/<int:step_id>/",
        views.step_edit,
        name="step_edit",
    ),
    path(
        "<int:client_id>/cases/<int:case_id>/advice/<int:advice_id>/",
        views.advice_edit,
        name="advice_edit",
    ),
    path("<int:client_id>/cases/<int:case_id>/delete/", views.case_delete, name="case_delete"),
    path("<int:client_id>/cases/<int:case_id>/link/", views.case_link, name="case_link"),
]
