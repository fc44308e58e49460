from django.urls import path

from rapport.appointments import (
    honest_views,
    ics_views,
    message_views,
    picker_views,
    reschedule_views,
    views,
)

urlpatterns = [
    path("calendar/", views.day_view, name="calendar_day"),
    path("calendar/week/", views.week_view, name="calendar_week"),
    path("calendar/import/", ics_views.calendar_import_page, name="calendar_import"),
    path(
        "calendar/import/<int:upload_id>/",
        ics_views.calendar_import_preview,
        name="calendar_import_preview",
    ),
    path("calendar/feed/", ics_views.feed_settings, name="calendar_feed_settings"),
    path("calendar/feed/<str:token>.ics", ics_views.calendar_feed, name="calendar_feed"),
    path("appointments/new/", views.appointment_new, name="appointment_new"),
    path("appointments/not-at-my-best/", honest_views.not_at_my_best, name="not_at_my_best"),
    path(
        "appointments/clients/",
        picker_views.appointment_client_picker,
        name="appointment_client_picker",
    ),
    path("appointments/<int:appointment_id>/", views.appointment_edit, name="appointment_edit"),
    path(
        "appointments/<int:appointment_id>/status/",
        views.appointment_status,
        name="appointment_status",
    ),
    path(
        "appointments/<int:appointment_id>/cancel/",
        views.appointment_cancel,
        name="appointment_cancel",
    ),
    path(
        "appointments/<int:appointment_id>/late/", views.appointment_late, name="appointment_late"
    ),
    path(
        "appointments/<int:appointment_id>/message/",
        message_views.appointment_message,
        name="appointment_message",
    ),
    path("r/<str:token>/", reschedule_views.reschedule, name="reschedule"),
    path(
        "r/<str:token>/appointment.ics",
        reschedule_views.reschedule_calendar,
        name="reschedule_calendar",
    ),
]
