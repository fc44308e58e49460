from django.urls import path

from rapport.practices import views

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("welcome/", views.welcome, name="welcome"),
    path("settings/", views.settings_page, name="settings"),
]
