from django.urls import path

from rapport.attention import views

urlpatterns = [
    path("clients/<int:client_id>/health/", views.health_override, name="health_override"),
]
