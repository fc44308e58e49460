"""Calendars outside Rapport: importing an .ics file (choose it, see what would happen,
Import), and each member's private feed (its settings page, and the feed itself, read by
calendar apps without a login)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.decorators.http import require_safe

from rapport.appointments.feed import member_feed
from rapport.appointments.forms import CalendarImportForm, FeedForm
from rapport.appointments.ics_import import (
    NOTHING_TO_IMPORT,
    CalendarPlan,
    EventOutcome,
    calendar_plan,
    calendar_upload_import,
)
from rapport.appointments.ics_read import MAX_OCCURRENCES, CalendarProblem, calendar_read
from rapport.appointments.models import CalendarUpload
from rapport.lib.tokens import new_token, token_hash
from rapport.practices.access import PracticeRequest, member_required
from rapport.practices.models import Member

# Each list in the preview shows this many; the counts above them say how many in all.
SHOWN = 200
# Longer than any feed token we make: refused without a hash or a query.
LONGEST_TOKEN = 64


@member_required
def calendar_import_page(request: PracticeRequest) -> HttpResponse:
    """Choose a file. A file that can be read is kept for its preview; one that cannot is
    refused here, with what to do."""
    posted = request.method == "POST"
    form = CalendarImportForm(request.POST, request.FILES) if posted else CalendarImportForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            calendar_read(data, request.practice.default_region)
        except CalendarProblem as problem:
            form.add_error("file", str(problem))
        else:
            stored = CalendarUpload.objects.create(
                practice=request.practice,
                member=request.member,
                filename=(upload.name or "calendar.ics")[:200],
                content=data,
            )
            return redirect("calendar_import_preview", upload_id=stored.pk)
    return render(
        request, "appointments/import.html", {"form": form}, status=400 if form.errors else 200
    )


@member_required
def calendar_import_preview(request: PracticeRequest, upload_id: int) -> HttpResponse:
    """What importing would do to each event; Import writes it all at once."""
    upload = get_object_or_404(
        CalendarUpload.objects.for_practice(request.practice).select_related(
            "member__user", "member__practice"
        ),
        pk=upload_id,
    )
    if request.method == "POST":
        try:
            plan = calendar_upload_import(upload=upload)
        except CalendarProblem as problem:
            messages.error(request, str(problem))
            return redirect("calendar_import")
        messages.success(request, _imported(plan))
        return redirect("calendar_import")
    try:
        plan = calendar_plan(data=bytes(upload.content), member=upload.member)
    except CalendarProblem as problem:
        upload.delete()  # it can never be imported: nothing to keep it for
        messages.error(request, str(problem))
        return redirect("calendar_import")
    return render(request, "appointments/import_preview.html", _preview(upload, plan))


def _imported(plan: CalendarPlan) -> str:
    created, updated = len(plan.of(EventOutcome.CREATE)), len(plan.of(EventOutcome.UPDATE))
    cancelled = len(plan.of(EventOutcome.CANCEL))
    return (
        f"Imported: {created} new appointment{pluralize(created)}, {updated} updated"
        + (f", {cancelled} cancelled" if cancelled else "")
        + "."
    )


def _preview(upload: CalendarUpload, plan: CalendarPlan) -> dict[str, Any]:
    lists = {
        name: plan.of(outcome)
        for name, outcome in (
            ("creates", EventOutcome.CREATE),
            ("updates", EventOutcome.UPDATE),
            ("cancels", EventOutcome.CANCEL),
            ("skips", EventOutcome.SKIP),
        )
    }
    return {
        "upload": upload,
        "counts": {name: len(items) for name, items in lists.items()},
        "cut": plan.cut,
        "max_occurrences": MAX_OCCURRENCES,
        "nothing": NOTHING_TO_IMPORT if not plan.writes else "",
        **{name: items[:SHOWN] for name, items in lists.items()},
        **{f"more_{name}": max(len(items) - SHOWN, 0) for name, items in lists.items()},
    }


@member_required
def feed_settings(request: PracticeRequest) -> HttpResponse:
    """The member's feed: its address is shown once, when it is made (only its hash is kept),
    like an API token's key; a lost address is replaced by a new one."""
    member = request.member
    form = FeedForm(request.POST or None, instance=member)
    feed_url = ""
    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "new":
            token = new_token()
            member.feed_token_hash = token_hash(token)
            member.save(update_fields=["feed_token_hash"])
            # Rendered once, never stored or redirected through a cookie.
            feed_url = request.build_absolute_uri(reverse("calendar_feed", args=[token]))
            form = FeedForm(instance=member)
        elif action == "revoke":
            member.feed_token_hash = ""
            member.save(update_fields=["feed_token_hash"])
            messages.success(request, "Your calendar feed is off; its address no longer works.")
            return redirect("calendar_feed_settings")
        elif form.is_valid():
            form.save()
            messages.success(request, "Saved.")
            return redirect("calendar_feed_settings")
    return render(
        request,
        "appointments/feed.html",
        {"form": form, "feed_url": feed_url, "feed_on": bool(member.feed_token_hash)},
    )


@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    if not 20 <= len(token) <= LONGEST_TOKEN:
        raise Http404
    member = (
        Member.objects.filter(feed_token_hash=token_hash(token))
        .select_related("user", "practice")
        .first()
    )
    if member is None:
        raise Http404
    response = HttpResponse(member_feed(member), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rapport.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
