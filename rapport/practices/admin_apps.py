"""Django's admin, on the site of rapport.practices.admin_site (its login throttled). A module of
its own: an app config is imported before the models are ready, the site's forms need them."""

from django.contrib.admin.apps import AdminConfig


class RapportAdminConfig(AdminConfig):
    default_site = "rapport.practices.admin_site.RapportAdminSite"
