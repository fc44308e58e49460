"""Password logins, through the login throttle: the one authentication backend, so every path that
checks a password (the app's login page, the admin's, anything later) is throttled the same way."""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from rapport.practices.models import User
from rapport.practices.throttle import LoginThrottled, client_address, password_check


class ThrottledModelBackend(ModelBackend):
    """Django's email-and-password check, each try counted by the login throttle first.

    When the throttle refuses, the password is not checked at all; the refusal is left on the
    request (`request.login_throttled`) for the page to say how long to wait.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None:
            username = kwargs.get("email")
        if username is None or password is None:
            return None
        account = str(username).strip().lower()  # emails are stored in lower case
        try:
            return password_check(
                account=account,
                address=client_address(request),
                check=lambda: super(ThrottledModelBackend, self).authenticate(
                    request, username=account, password=password
                ),
            )
        except LoginThrottled as refused:
            if request is not None:
                request.login_throttled = refused  # type: ignore[attr-defined]
            # Stops django.contrib.auth.authenticate here: no other backend may try.
            raise PermissionDenied(refused.message) from refused

    def get_user(self, user_id: Any) -> User | None:
        """The session's user with their membership and its practice, in one query: every
        page reads all three (`PracticeMiddleware`), so they are not fetched one by one."""
        try:
            user = User._default_manager.select_related("member__practice").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    async def aauthenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        # ModelBackend's own async check would go round the throttle.
        return await sync_to_async(self.authenticate)(request, username, password, **kwargs)
