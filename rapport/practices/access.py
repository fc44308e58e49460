"""The one way a view reaches a practice: through the logged-in member."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse

from rapport.practices.models import Member, Practice


class PracticeRequest(HttpRequest):
    member: Member
    practice: Practice


View = Callable[..., HttpResponse]


def member_required(view: View) -> View:
    """Logged in and a member of a practice; anything else never learns what exists."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if getattr(request, "member", None) is None:
            raise Http404("You are not a member of a practice.")
        return view(request, *args, **kwargs)

    return wrapper
