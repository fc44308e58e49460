"""The calendar pages, appointment actions, the client's reschedule page and the feed."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from rapport.appointments.clock import client_when
from rapport.appointments.feed import member_feed
from rapport.appointments.forms import (
    AppointmentForm,
    AppointmentMessageForm,
    CalendarImportForm,
    FeedForm,
    LateForm,
)
from rapport.appointments.ics_import import calendar_import
from rapport.appointments.links import LinkExpired, LinkInvalid, reschedule_read
from rapport.appointments.models import Appointment, AppointmentMessage, AppointmentStatus
from rapport.appointments.services import (
    appointment_create,
    appointment_finish,
    appointment_message_draft,
    appointment_message_send,
    appointment_start,
    appointment_update,
    late_draft,
    overlaps,
    punctuality,
    reschedule_answer,
    reschedule_options,
)
from rapport.lib.forms import add_service_errors
from rapport.lib.http import refuse_unless_post
from rapport.lib.templatetags.rapport_tags import moment
from rapport.messaging.composer import composer_open, composer_submit
from rapport.messaging.services import Approved, templates_ensure
from rapport.practices.access import PracticeRequest, member_required
from rapport.practices.models import Member

PUNCTUALITY_DAYS = 90


def appointment_for(request: PracticeRequest, appointment_id: int) -> Appointment:
    return get_object_or_404(
        Appointment.objects.for_practice(request.practice).select_related("client", "member"),
        pk=appointment_id,
    )


def _member_param(request: PracticeRequest) -> Member:
    raw = request.GET.get("member", "")
    if not raw:
        return request.member
    if not raw.isdigit():
        raise Http404("No such member.")
    return get_object_or_404(
        Member.objects.filter(practice=request.practice).select_related("user"), pk=int(raw)
    )


def _day_param(request: PracticeRequest) -> date:
    raw = request.GET.get("day", "")
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            messages.error(request, f"“{raw[:20]}” is not a day: showing today.")
    return timezone.localdate()


def _bounds(first: date, days: int) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = datetime.combine(first, time.min, tzinfo=zone)
    end = datetime.combine(first + timedelta(days=days), time.min, tzinfo=zone)
    return start, end


def _calendar_rows(member: Member, first: date, days: int) -> list[Appointment]:
    start, end = _bounds(first, days)
    rows = list(
        Appointment.objects.for_practice(member.practice)
        .filter(member=member, starts_at__lt=end, ends_at__gt=start)
        .select_related("client")
    )
    holding = [row for row in rows if row.is_open]
    for row in rows:
        row.clashes = [  # type: ignore[attr-defined]
            other
            for other in holding
            if other is not row
            and row.is_open
            and other.starts_at < row.ends_at
            and other.ends_at > row.starts_at
        ]
    return rows


def _nav(view: str, member: Member, day: date, step: int) -> dict[str, str]:
    def link(target: date) -> str:
        return f"{reverse(view)}?{urlencode({'day': target.isoformat(), 'member': member.pk})}"

    return {
        "previous": link(day - timedelta(days=step)),
        "next": link(day + timedelta(days=step)),
        "today": link(timezone.localdate()),
    }


@member_required
def day_view(request: PracticeRequest) -> HttpResponse:
    member, day = _member_param(request), _day_param(request)
    now = timezone.now()
    since = now - timedelta(days=PUNCTUALITY_DAYS)
    appointments = _calendar_rows(member, day, 1)
    for row in appointments:
        # Running late and Starting now: from an hour before the start until the end.
        row.near = row.is_open and row.is_near(now)  # type: ignore[attr-defined]
    return render(
        request,
        "appointments/day.html",
        {
            "member": member,
            "day": day,
            "appointments": appointments,
            "members": Member.objects.filter(practice=request.practice).select_related("user"),
            "nav": _nav("calendar_day", member, day, 1),
            "week_url": f"{reverse('calendar_week')}?day={day.isoformat()}&member={member.pk}",
            "late_form": LateForm(),
            "punctuality": punctuality(member=member, since=since),
            "punctuality_days": PUNCTUALITY_DAYS,
            "now": now,
        },
    )


@member_required
def week_view(request: PracticeRequest) -> HttpResponse:
    member, day = _member_param(request), _day_param(request)
    monday = day - timedelta(days=day.weekday())
    rows = _calendar_rows(member, monday, 7)
    days = []
    for offset in range(7):
        current = monday + timedelta(days=offset)
        start, end = _bounds(current, 1)
        days.append((current, [row for row in rows if row.starts_at < end and row.ends_at > start]))
    return render(
        request,
        "appointments/week.html",
        {
            "member": member,
            "monday": monday,
            "days": days,
            "members": Member.objects.filter(practice=request.practice).select_related("user"),
            "nav": _nav("calendar_week", member, monday, 7),
            "today": timezone.localdate(),
        },
    )


def _day_url(appointment: Appointment) -> str:
    day = timezone.localtime(appointment.starts_at).date()
    return (
        f"{reverse('calendar_day')}?"
        f"{urlencode({'day': day.isoformat(), 'member': appointment.member_id})}"
    )


def _warn_overlaps(request: PracticeRequest, appointment: Appointment) -> None:
    clashes = overlaps(appointment)
    if clashes:
        names = ", ".join(
            f"{other.client.display_name} at {timezone.localtime(other.starts_at):%H:%M}"
            for other in clashes
        )
        messages.warning(request, f"This overlaps with {names}. Saved anyway: check it is meant.")


@member_required
def appointment_new(request: PracticeRequest) -> HttpResponse:
    initial: dict[str, object] = {"member": request.member.pk}
    if request.GET.get("client", "").isdigit():
        initial["client"] = int(request.GET["client"])
    if request.GET.get("start"):
        initial["starts_at"] = request.GET["start"][:16]
    form = AppointmentForm(request.POST or None, initial=initial, practice=request.practice)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            appointment = appointment_create(
                client=data["client"],
                member=data["member"],
                starts_at=data["starts_at"],
                ends_at=form.instance.ends_at,
                place=data["place"],
                video_link=data["video_link"],
                notes=data["notes"],
                created_by=request.member,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            when = timezone.localtime(appointment.starts_at)
            messages.success(
                request,
                f"Booked {appointment.client.display_name} for {when:%A %-d %B, %H:%M}.",
            )
            _warn_overlaps(request, appointment)
            return redirect(_day_url(appointment))
    return render(
        request,
        "appointments/form.html",
        {"form": form, "appointment": None},
        status=400 if form.errors else 200,
    )


@member_required
def appointment_edit(request: PracticeRequest, appointment_id: int) -> HttpResponse:
    appointment = appointment_for(request, appointment_id)
    before = (appointment.starts_at, appointment.ends_at)
    form = AppointmentForm(request.POST or None, instance=appointment, practice=request.practice)
    if request.method == "POST" and form.is_valid():
        changed = form.save(commit=False)
        try:
            appointment_update(
                appointment=changed,
                time_changed=(changed.starts_at, changed.ends_at) != before,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Saved. Subscribed calendars will update.")
            _warn_overlaps(request, changed)
            return redirect(_day_url(changed))
    return render(
        request,
        "appointments/form.html",
        {"form": form, "appointment": appointment, "clashes": overlaps(appointment)},
        status=400 if form.errors else 200,
    )


@member_required
def appointment_status(request: PracticeRequest, appointment_id: int) -> HttpResponse:
    appointment = appointment_for(request, appointment_id)
    if refused := refuse_unless_post(request):
        return refused
    action = request.POST.get("action", "")
    if action == AppointmentStatus.CANCELLED:  # never in one click: ask first
        return redirect("appointment_cancel", appointment.pk)
    try:
        if action == "start":
            appointment_start(appointment=appointment, member=request.member)
            messages.success(request, f"Started with {appointment.client.display_name}.")
        else:
            appointment_finish(appointment=appointment, status=action, member=request.member)
            messages.success(
                request,
                f"{appointment.client.display_name}: {appointment.get_status_display().lower()}.",
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_day_url(appointment))


@member_required
def appointment_cancel(request: PracticeRequest, appointment_id: int) -> HttpResponse:
    """Cancel, after a second look; then, if the provider wants, on to the composer with the
    client told, on their clock."""
    appointment = appointment_for(request, appointment_id)
    if not appointment.is_open:
        messages.error(
            request, f"This appointment is already {appointment.get_status_display().lower()}."
        )
        return redirect(_day_url(appointment))
    name = appointment.client.display_name
    if request.method == "POST":
        try:
            appointment_finish(
                appointment=appointment, status=AppointmentStatus.CANCELLED, member=request.member
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(_day_url(appointment))
        if request.POST.get("tell"):
            messages.success(
                request, f"Cancelled. Now tell {name}; nothing goes until you approve."
            )
            return redirect(_message_url(appointment, cancelled=1))
        messages.success(
            request, f"Cancelled the appointment with {name}. They have not been told."
        )
        return redirect(_day_url(appointment))
    return render(
        request,
        "appointments/cancel.html",
        {
            "appointment": appointment,
            "when": client_when(appointment.starts_at, appointment.member.zone, timezone.now()),
            "back": _day_url(appointment),
        },
    )


@member_required
def appointment_late(request: PracticeRequest, appointment_id: int) -> HttpResponse:
    """Running late: on to the composer with the apology drafted, for the provider to approve."""
    appointment = appointment_for(request, appointment_id)
    if refused := refuse_unless_post(request):
        return refused
    form = LateForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say how many minutes late, between 1 and 240.")
        return redirect(_day_url(appointment))
    minutes = form.cleaned_data["minutes"]
    try:
        late_draft(appointment=appointment, minutes=minutes, member=request.member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_day_url(appointment))
    return redirect(_message_url(appointment, late=minutes))


def _message_url(appointment: Appointment, **query: int) -> str:
    return f"{reverse('appointment_message', args=[appointment.pk])}?{urlencode(query)}"


def _message_asked(request: PracticeRequest) -> tuple[AppointmentMessage, int | None]:
    """Which message the link asks for: ?late=15, ?cancelled=1, or else a reminder."""
    if request.GET.get("cancelled"):
        return AppointmentMessage.CANCELLED, None
    if request.GET.get("late", "").isdigit():
        return AppointmentMessage.LATE, int(request.GET["late"])
    return AppointmentMessage.REMINDER, None


@member_required
def appointment_message(request: PracticeRequest, appointment_id: int) -> HttpResponse:
    """A reminder, a late notice or a cancellation in the composer, drafted on the client's
    clock; approved, a late notice or a reminder is recorded on the appointment too."""
    appointment = appointment_for(request, appointment_id)
    client = appointment.client
    templates_ensure(practice=request.practice)
    about = f"About their appointment {moment(appointment.starts_at)}"
    if request.method == "POST":
        form = AppointmentMessageForm(request.POST, client=client)

        def approve(data: dict[str, Any]) -> Approved:
            return appointment_message_send(
                appointment=appointment,
                member=request.member,
                kind=form.kind,
                channel=data["channel"],
                subject=data["subject"],
                body=data["body"],
                to_address=data["to_address"],
                essential=data["essential"],
                minutes=data["late"],
            )

        return composer_submit(request, client=client, form=form, approve=approve, about=about)
    kind, minutes = _message_asked(request)
    try:
        subject, body = appointment_message_draft(
            appointment=appointment, member=request.member, kind=kind, minutes=minutes
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_day_url(appointment))
    initial = {"subject": subject, "body": body, "essential": True}
    form = AppointmentMessageForm(
        initial=initial | AppointmentMessageForm.marks(kind, minutes), client=client
    )
    return composer_open(request, client=client, form=form, about=about)


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


def _gone(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "appointments/reschedule_gone.html", {"reason": reason}, status=404)


def reschedule(request: HttpRequest, token: str) -> HttpResponse:
    """The client's page, without login: this appointment and the member's free times only."""
    try:
        target = reschedule_read(token)
    except LinkExpired:
        return _gone(request, "expired")
    except LinkInvalid:
        return _gone(request, "invalid")
    appointment = (
        Appointment.objects.filter(pk=target.appointment_id)
        .select_related("client", "member__user", "practice")
        .first()
    )
    if appointment is None:
        return _gone(request, "invalid")
    zone = appointment.client.zone
    timezone.activate(zone)
    context: dict[str, object] = {"appointment": appointment, "zone": zone}
    if appointment.link_nonce != target.nonce or appointment.status != AppointmentStatus.SCHEDULED:
        state = "changed"
        if appointment.status == AppointmentStatus.CANCELLED:
            state = "cancelled"
        elif appointment.client_choice:
            state = "answered"
        return render(request, "appointments/reschedule_done.html", context | {"state": state})
    options = reschedule_options(appointment=appointment)
    error = ""
    if request.method == "POST":
        choice = request.POST.get("choice", "")
        new_start = None
        if choice != "keep":
            try:
                new_start = datetime.fromisoformat(choice).astimezone(UTC)
            except ValueError:
                new_start = None
                error = "Please choose one of the times below."
        if not error:
            try:
                appointment = reschedule_answer(
                    appointment=appointment, nonce=target.nonce, new_start=new_start
                )
            except ValidationError as problem:
                error = " ".join(problem.messages)
                options = reschedule_options(appointment=appointment)
            else:
                return render(
                    request,
                    "appointments/reschedule_done.html",
                    context | {"appointment": appointment, "state": "thanks"},
                )
    return render(
        request,
        "appointments/reschedule.html",
        context | {"options": options, "error": error},
        status=400 if error else 200,
    )
