"""The one way a view reaches a practice: through the logged-in member."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from rapport.practices.models import Member, Practice


class PracticeRequest(HttpRequest):
    member: Member
    practice: Practice


View = Callable[..., HttpResponse]

# The mark an owner-only view carries. `functools.wraps` copies it onto any decorator put
# around the view, so the URL configuration alone says which pages are the owner's.
OWNER_ONLY = "owner_only"


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


def owner_required(view: View) -> View:
    """Only the practice's owner: staff are refused (403), anyone else as by member_required.

    The view is marked, and `is_owner_only` reads the mark: the staff walk
    (tests/test_staff_walk.py) lists the owner-only pages from it, so a new one is
    covered without anyone remembering to add it to a list.
    """

    @wraps(view)
    def wrapper(request: PracticeRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.member.is_owner:
            raise PermissionDenied("Only the practice's owner can do this.")
        return view(request, *args, **kwargs)

    guarded = member_required(wrapper)
    setattr(guarded, OWNER_ONLY, True)
    return guarded


def is_owner_only(view: Callable[..., object]) -> bool:
    """Whether a view (as the URL configuration holds it) is for the practice's owner only."""
    return getattr(view, OWNER_ONLY, False) is True
