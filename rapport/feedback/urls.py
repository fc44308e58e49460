from django.urls import path

from rapport.feedback import views

urlpatterns = [
    path("clients/<int:client_id>/feedback/ask/", views.feedback_ask, name="feedback_ask"),
    path(
        "clients/<int:client_id>/feedback/<int:feedback_id>/message/",
        views.feedback_message,
        name="feedback_message",
    ),
    path(
        "clients/<int:client_id>/feedback/<int:feedback_id>/reply/",
        views.feedback_reply,
        name="feedback_reply",
    ),
    path("feedback/themes/", views.feedback_themes, name="feedback_themes"),
    path("f/<str:token>/", views.feedback_answer_page, name="feedback_answer"),
]
