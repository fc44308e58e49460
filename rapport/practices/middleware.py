"""Puts the logged-in member's practice on the request, and works in its time zone."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from rapport.practices.models import Member


class PracticeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.member = None  # type: ignore[attr-defined]
        request.practice = None  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            try:
                # Read with the user by the authentication backend (`backends.get_user`).
                member = request.user.member
            except Member.DoesNotExist:
                member = None
            if member is not None:
                request.member = member  # type: ignore[attr-defined]
                request.practice = member.practice  # type: ignore[attr-defined]
                timezone.activate(member.practice.zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
