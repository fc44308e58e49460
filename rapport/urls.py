from django.contrib import admin
from django.urls import include, path

from rapport.messaging.views import unsubscribe

urlpatterns = [
    path("", include("rapport.practices.urls")),
    path("", include("rapport.attention.urls")),
    path("clients/", include("rapport.clients.urls")),
    path("clients/", include("rapport.timeline.urls")),
    path("clients/", include("rapport.messaging.urls")),
    path("u/<str:token>/", unsubscribe, name="unsubscribe"),
    path("admin/", admin.site.urls),
]
