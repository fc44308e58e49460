from django.urls import path

from rapport.referrals import views

urlpatterns = [
    path("partners/", views.partner_list, name="partner_list"),
    path("partners/new/", views.partner_new, name="partner_new"),
    path("partners/<int:partner_id>/", views.partner_detail, name="partner_detail"),
    path("partners/<int:partner_id>/edit/", views.partner_edit, name="partner_edit"),
    path("partners/<int:partner_id>/delete/", views.partner_delete, name="partner_delete"),
    path("clients/<int:client_id>/refer/", views.refer, name="refer"),
    path(
        "referrals/<int:referral_id>/introduction/",
        views.introduction,
        name="referral_introduction",
    ),
    path("referrals/<int:referral_id>/outcome/", views.outcome, name="referral_outcome"),
]
