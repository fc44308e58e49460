"""Logging in and out, the first-run page, and the settings page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from rapport.lib.http import local_target
from rapport.practices.access import PracticeRequest, member_required
from rapport.practices.forms import (
    LoginForm,
    MemberSettingsForm,
    PracticeSettingsForm,
    WelcomeForm,
)
from rapport.practices.models import Practice
from rapport.practices.services import practice_create
from rapport.practices.settings_panels import settings_panels
from rapport.practices.signals import practice_time_zone_changed
from rapport.practices.throttle import LoginThrottled


def login_view(request: HttpRequest) -> HttpResponse:
    if not Practice.objects.exists():
        return redirect("welcome")
    form = LoginForm(request.POST or None)
    status = 200
    refused: LoginThrottled | None = None
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        # The authentication backend counts this try with the login throttle (practices/throttle.py)
        user = authenticate(request, username=email, password=form.cleaned_data["password"])
        refused = getattr(request, "login_throttled", None)
        if refused is not None:
            form.add_error(
                None, refused.advice(", or ask the practice owner to reset your password")
            )
            status = 429
        elif user is None:
            form.add_error(None, "That email and password do not match. Check both and try again.")
        else:
            login(request, user)
            return redirect(local_target(request, "next") or "home")
    response = render(
        request,
        "practices/login.html",
        {"form": form, "next": local_target(request, "next")},
        status=status,
    )
    if refused is not None:
        response["Retry-After"] = str(refused.seconds)
    return response


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You are logged out.")
    return redirect("login")


def welcome(request: HttpRequest) -> HttpResponse:
    """The first-run page: only while no practice exists, so it can never take over an install."""
    if Practice.objects.exists():
        raise Http404("Rapport is already set up.")
    form = WelcomeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            member = practice_create(
                name=data["practice_name"],
                owner_email=data["owner_email"],
                owner_name=data["owner_name"],
                password=data["password"],
                time_zone=data["time_zone"],
                default_region=data["default_region"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.error_dict.items():
                    target = field if field in form.fields else None
                    for item in errors:
                        form.add_error(target, item)
            else:
                form.add_error("password", error)
        else:
            login(request, member.user)
            messages.success(
                request, f"Welcome to Rapport, {member.user.name}. Add your first client."
            )
            return redirect("client_new")
    return render(request, "practices/welcome.html", {"form": form})


@member_required
def settings_page(request: PracticeRequest) -> HttpResponse:
    """A member's own settings; for the owner, the practice's too, and the parts other apps
    add (the mailbox). Each form is posted on its own, named by a hidden field."""
    member, practice = request.member, request.practice
    panels = settings_panels()
    names = ["member", "practice", *(panel.name for panel in panels)]
    posted = next((name for name in names if name in request.POST), "")

    def data(name: str) -> QueryDict | None:
        return request.POST if posted == name else None

    mine = MemberSettingsForm(data("member"), instance=member, prefix="member")
    practice_form = None
    parts = []
    if member.is_owner:
        practice_form = PracticeSettingsForm(data("practice"), instance=practice, prefix="practice")
        parts = [(panel, panel.form(practice, data(panel.name), panel.name)) for panel in panels]
    form = {"member": mine, "practice": practice_form, **{p.name: f for p, f in parts}}.get(posted)
    if form is not None and form.is_valid():
        with transaction.atomic():
            form.save()
            if form is practice_form and "time_zone" in form.changed_data:
                practice_time_zone_changed.send(sender=Practice, practice=practice)
        panel = next((panel for panel, shown in parts if shown is form), None)
        if panel is not None:
            panel.saved(request, form)
        else:
            messages.success(request, "Saved.")
        return redirect("settings")
    return render(
        request,
        "practices/settings.html",
        {"mine": mine, "practice_form": practice_form, "parts": parts},
        status=400 if posted else 200,
    )
