"""The provider's calendar pages (a member's day and week) and the actions on an appointment:
book, edit, start or finish, cancel, and running late."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from rapport.appointments.client_picker import Picker, client_picker, query_describes
from rapport.appointments.clock import client_when
from rapport.appointments.forms import AppointmentForm, LateForm
from rapport.appointments.message_views import message_url
from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.pages import appointment_for, day_url
from rapport.appointments.services import (
    appointment_create,
    appointment_finish,
    appointment_start,
    appointment_update,
    late_draft,
    overlaps,
    punctuality,
)
from rapport.appointments.week_page import week_grid
from rapport.lib.dates import day_param
from rapport.lib.forms import add_service_errors
from rapport.lib.http import id_param, refuse_unless_post
from rapport.practices.access import PracticeRequest, member_required
from rapport.practices.models import Member

PUNCTUALITY_DAYS = 90


def _member_param(request: PracticeRequest) -> Member:
    raw = request.GET.get("member", "")
    if not raw:
        return request.member
    if (member_id := id_param(raw)) is None:
        raise Http404("No such member.")
    return get_object_or_404(
        Member.objects.filter(practice=request.practice).select_related("user"), pk=member_id
    )


def _day_param(request: PracticeRequest) -> date:
    raw = request.GET.get("day", "")
    if raw and (day := day_param(raw)) is not None:
        return day
    if raw:
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
            "grid": week_grid(member, days),
            "members": Member.objects.filter(practice=request.practice).select_related("user"),
            "nav": _nav("calendar_week", member, monday, 7),
            "today": timezone.localdate(),
        },
    )


def _warn_overlaps(request: PracticeRequest, appointment: Appointment) -> None:
    clashes = overlaps(appointment)
    if clashes:
        names = ", ".join(
            f"{other.client.display_name} at {timezone.localtime(other.starts_at):%H:%M}"
            for other in clashes
        )
        messages.warning(request, f"This overlaps with {names}. Saved anyway: check it is meant.")


def _finding(request: PracticeRequest) -> bool:
    """The booking form was sent to find a client (Find, or Enter in a search box that does
    not name the chosen client), not to book: it comes back with the matches, nothing saved."""
    if request.method != "POST":
        return False
    if "find_client" in request.POST:
        return True
    return not query_describes(
        request.practice,
        query=request.POST.get("client_q", ""),
        client_id=id_param(request.POST.get("client", "")),
    )


def _picker(request: PracticeRequest, form: AppointmentForm) -> Picker:
    chosen = form["client"].value()
    return client_picker(
        request.practice,
        query=request.POST.get("client_q", ""),
        selected_id=id_param(str(chosen or "")),
    )


@member_required
def appointment_new(request: PracticeRequest) -> HttpResponse:
    initial: dict[str, object] = {"member": request.member.pk}
    if (client_id := id_param(request.GET.get("client", ""))) is not None:
        initial["client"] = client_id
    if request.GET.get("start"):
        initial["starts_at"] = request.GET["start"][:16]
    if finding := _finding(request):
        initial |= request.POST.dict()
    form = AppointmentForm(
        None if finding else request.POST or None, initial=initial, practice=request.practice
    )
    if request.method == "POST" and not finding and form.is_valid():
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
            return redirect(day_url(appointment))
    return render(
        request,
        "appointments/form.html",
        {"form": form, "appointment": None, "picker": _picker(request, form)},
        status=400 if form.errors else 200,
    )


@member_required
def appointment_edit(request: PracticeRequest, appointment_id: int) -> HttpResponse:
    appointment = appointment_for(request, appointment_id)
    before = (appointment.starts_at, appointment.ends_at)
    finding = _finding(request)
    form = AppointmentForm(
        None if finding else request.POST or None,
        instance=appointment,
        initial=request.POST.dict() if finding else None,
        practice=request.practice,
    )
    if request.method == "POST" and not finding and form.is_valid():
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
            return redirect(day_url(changed))
    return render(
        request,
        "appointments/form.html",
        {
            "form": form,
            "appointment": appointment,
            "clashes": overlaps(appointment),
            "picker": _picker(request, form),
        },
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
    return redirect(day_url(appointment))


@member_required
def appointment_cancel(request: PracticeRequest, appointment_id: int) -> HttpResponse:
    """Cancel, after a second look; then, if the provider wants, on to the composer with the
    client told, on their clock."""
    appointment = appointment_for(request, appointment_id)
    if not appointment.is_open:
        messages.error(
            request, f"This appointment is already {appointment.get_status_display().lower()}."
        )
        return redirect(day_url(appointment))
    name = appointment.client.display_name
    if request.method == "POST":
        try:
            appointment_finish(
                appointment=appointment, status=AppointmentStatus.CANCELLED, member=request.member
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(day_url(appointment))
        if request.POST.get("tell"):
            messages.success(
                request, f"Cancelled. Now tell {name}; nothing goes until you approve."
            )
            return redirect(message_url(appointment, cancelled=1))
        messages.success(
            request, f"Cancelled the appointment with {name}. They have not been told."
        )
        return redirect(day_url(appointment))
    return render(
        request,
        "appointments/cancel.html",
        {
            "appointment": appointment,
            "when": client_when(appointment.starts_at, appointment.member.zone, timezone.now()),
            "back": day_url(appointment),
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
        return redirect(day_url(appointment))
    minutes = form.cleaned_data["minutes"]
    try:
        late_draft(appointment=appointment, minutes=minutes, member=request.member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(day_url(appointment))
    return redirect(message_url(appointment, late=minutes))
