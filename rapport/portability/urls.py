from django.urls import path

from rapport.portability import import_views, undo_views, views

urlpatterns = [
    path("clients/import/", import_views.import_start, name="import_start"),
    path("clients/import/<int:batch_id>/", import_views.import_batch, name="import_batch"),
    path(
        "clients/import/<int:batch_id>/columns/",
        import_views.import_mapping,
        name="import_mapping",
    ),
    path("settings/export/", views.export_page, name="export"),
    path(
        "settings/imports/<int:batch_id>/undo/",
        undo_views.import_undo_page,
        name="import_undo",
    ),
    path("settings/export/<int:export_id>/", views.export_download, name="export_download"),
    path("clients/<int:client_id>/data/", views.client_data, name="client_data"),
    path("clients/<int:client_id>/erase/", views.client_erase_page, name="client_erase"),
]
