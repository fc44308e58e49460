"""Calendars outside Rapport: importing an .ics file, and each member's private feed (its
settings page, and the feed itself, read by calendar apps without a login)."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from rapport.appointments.feed import member_feed
from rapport.appointments.forms import CalendarImportForm, FeedForm
from rapport.appointments.ics_import import calendar_import
from rapport.lib.forms import add_service_errors
from rapport.practices.access import PracticeRequest, member_required
from rapport.practices.models import Member


@member_required
def calendar_import_page(request: PracticeRequest) -> HttpResponse:
    form = CalendarImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = calendar_import(data=upload.read(), member=request.member)
        except ValidationError as error:
            add_service_errors(form, error)
    return render(
        request,
        "appointments/import.html",
        {"form": form, "report": report},
        status=400 if form.errors else 200,
    )


@member_required
def feed_settings(request: PracticeRequest) -> HttpResponse:
    member = request.member
    form = FeedForm(request.POST or None, instance=member)
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "new":
            member.feed_token = secrets.token_urlsafe(32)
            member.save(update_fields=["feed_token"])
            messages.success(
                request, "Your calendar has a new private address; the old one no longer works."
            )
            return redirect("calendar_feed_settings")
        if action == "revoke":
            member.feed_token = ""
            member.save(update_fields=["feed_token"])
            messages.success(request, "Your calendar feed is off; its address no longer works.")
            return redirect("calendar_feed_settings")
        if form.is_valid():
            form.save()
            messages.success(request, "Saved.")
            return redirect("calendar_feed_settings")
    feed_url = ""
    if member.feed_token:
        feed_url = request.build_absolute_uri(reverse("calendar_feed", args=[member.feed_token]))
    return render(request, "appointments/feed.html", {"form": form, "feed_url": feed_url})


@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    if len(token) < 20:
        raise Http404
    member = Member.objects.filter(feed_token=token).select_related("user", "practice").first()
    if member is None:
        raise Http404
    response = HttpResponse(member_feed(member), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rapport.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
