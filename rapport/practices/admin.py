"""The admin is for the people who run the server (is_staff), not for practice owners:
an owner's view of their data is the app itself, which is scoped to their practice."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from rapport.practices.models import Member, Practice, User


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):  # type: ignore[type-var]  # email, not a username
    ordering = ["email"]
    list_display = ["email", "name", "is_active", "is_staff"]
    search_fields = ["email", "name"]
    fieldsets = (
        (None, {"fields": ("email", "name", "password")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "name", "password1", "password2")}),
    )
    filter_horizontal = ()
    list_filter = ["is_staff", "is_active"]


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin[Practice]):
    list_display = ["name", "time_zone", "created_at"]
    search_fields = ["name"]


@admin.register(Member)
class MemberAdmin(admin.ModelAdmin[Member]):
    list_display = ["user", "practice", "role"]
    list_filter = ["role"]
    raw_id_fields = ["user", "practice"]
