from django.urls import path

from rapport.attention import views

urlpatterns = [
    path("", views.today, name="home"),
    path("overview/", views.overview, name="overview"),
    path("settings/", views.settings_page, name="settings"),
    path("clients/<int:client_id>/health/", views.health_override, name="health_override"),
    *(
        path(f"today/{route}", views.agenda_item, {"section": section}, name=f"agenda_{section}")
        for route, section in views.SECTION_URLS
    ),
]
