from django.urls import path

from rapport.cases import views

urlpatterns = [
    path("<int:client_id>/cases/new/", views.case_new, name="case_new"),
    path("<int:client_id>/cases/<int:case_id>/", views.case_detail, name="case_detail"),
    path("<int:client_id>/cases/<int:case_id>/edit/", views.case_edit, name="case_edit"),
    path("<int:client_id>/cases/<int:case_id>/steps/new/", views.step_new, name="step_new"),
    path("<int:client_id>/cases/<int:case_id>/advice/new/", views.advice_new, name="advice_new"),
]
