from django.urls import path

from rapport.touches import views

urlpatterns = [
    path("clients/<int:client_id>/touches/new/", views.touch_new, name="touch_new"),
    path("clients/<int:client_id>/touches/<int:touch_id>/", views.touch_edit, name="touch_edit"),
    path(
        "clients/<int:client_id>/touches/<int:touch_id>/done/",
        views.touch_mark_done,
        name="touch_done",
    ),
    path(
        "clients/<int:client_id>/touches/<int:touch_id>/delete/",
        views.touch_remove,
        name="touch_delete",
    ),
    path("reflection/", views.reflection, name="reflection"),
    path("settings/touches/", views.kind_list, name="touch_kinds"),
    path("settings/touches/<int:kind_id>/", views.kind_edit, name="touch_kind_edit"),
    path("settings/touches/<int:kind_id>/delete/", views.kind_delete, name="touch_kind_delete"),
]
