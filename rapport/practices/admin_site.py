"""The admin site, with its login throttled and saying how long to wait, as the app's does."""

from __future__ import annotations

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse

from rapport.practices.throttle import LoginThrottled


class ThrottledAdminLoginForm(AdminAuthenticationForm):
    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except ValidationError:
            refused = getattr(self.request, "login_throttled", None)
            if isinstance(refused, LoginThrottled):
                raise ValidationError(refused.message, code="throttled") from None
            raise


class RapportAdminSite(AdminSite):
    login_form = ThrottledAdminLoginForm

    def login(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        response = super().login(request, extra_context)
        refused = getattr(request, "login_throttled", None)
        if isinstance(refused, LoginThrottled) and response.status_code == 200:
            response.status_code = 429
            response["Retry-After"] = str(refused.seconds)
        return response
