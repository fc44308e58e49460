from django.urls import path

from rapport.desk.client import views as client
from rapport.desk.today import views as today

urlpatterns = [
    path("", today.today, name="home"),
    path("overview/", today.overview, name="overview"),
    path("clients/<int:client_id>/", client.client_detail, name="client_detail"),
    path("clients/<int:client_id>/capture/", client.quick_capture, name="quick_capture"),
    *(
        path(f"today/{route}", today.agenda_item, {"section": section}, name=f"agenda_{section}")
        for route, section in today.SECTION_URLS
    ),
]
