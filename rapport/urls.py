from django.contrib import admin
from django.urls import include, path

from rapport.api import case_endpoints  # noqa: F401 (registers the case operations on the API)
from rapport.api import views as api_views
from rapport.api.endpoints import api
from rapport.messaging import views as messaging_views
from rapport.messaging.views import unsubscribe

urlpatterns = [
    path("", include("rapport.practices.urls")),
    path("", include("rapport.desk.urls")),
    path("", include("rapport.attention.urls")),
    path("clients/", include("rapport.clients.urls")),
    path("clients/", include("rapport.timeline.urls")),
    path("clients/", include("rapport.cases.urls")),
    path("clients/", include("rapport.messaging.urls")),
    path("clients/", include("rapport.handoffs.urls")),
    path("", include("rapport.appointments.urls")),
    path("", include("rapport.touches.urls")),
    path("", include("rapport.referrals.urls")),
    path("", include("rapport.portability.urls")),
    path("", include("rapport.feedback.urls")),
    path("u/<str:token>/", unsubscribe, name="unsubscribe"),
    path("templates/", messaging_views.template_list, name="template_list"),
    path("templates/new/", messaging_views.template_new, name="template_new"),
    path("templates/<int:template_id>/", messaging_views.template_edit, name="template_edit"),
    path(
        "templates/<int:template_id>/delete/",
        messaging_views.template_delete,
        name="template_delete",
    ),
    path("settings/words/", messaging_views.word_rules, name="word_rules"),
    path("mail/", messaging_views.mail_triage, name="mail_triage"),
    path("mail/<int:mail_id>/", messaging_views.mail_triage_place, name="mail_triage_place"),
    path(
        "settings/words/<int:rule_id>/delete/",
        messaging_views.word_rule_delete,
        name="word_rule_delete",
    ),
    path("api/", api.urls),
    path("settings/api/", api_views.token_list, name="api_tokens"),
    path(
        "settings/api/<int:token_id>/revoke/",
        api_views.token_revoke_view,
        name="api_token_revoke",
    ),
    path("admin/", admin.site.urls),
]
