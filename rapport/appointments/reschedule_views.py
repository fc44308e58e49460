"""The client's reschedule page, reached from a link in a message and open without a login: it
shows this one appointment and the member's free times, nothing else of the practice. From it
the client keeps the time, takes another, says none of them work, or adds the appointment to
their own calendar."""

from __future__ import annotations

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from rapport.appointments.client_calendar import client_event_ics
from rapport.appointments.forms import OtherTimesForm
from rapport.appointments.links import LinkExpired, LinkInvalid, LinkTarget, reschedule_read
from rapport.appointments.models import HOLDING_TIME, Appointment, AppointmentStatus
from rapport.appointments.rescheduling import (
    reschedule_answer,
    reschedule_decline,
    reschedule_options,
)

DECLINE = "none"


def _gone(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "appointments/reschedule_gone.html", {"reason": reason}, status=404)


def _read(token: str) -> tuple[Appointment, LinkTarget] | str:
    """The appointment the link names, in the practice and for the client the link is for;
    or why not ("expired", "invalid")."""
    try:
        target = reschedule_read(token)
    except LinkExpired:
        return "expired"
    except LinkInvalid:
        return "invalid"
    appointment = (
        Appointment.objects.filter(
            practice_id=target.practice_id, client_id=target.client_id, pk=target.appointment_id
        )
        .select_related("client", "member__user", "practice")
        .first()
    )
    return "invalid" if appointment is None else (appointment, target)


def _state(appointment: Appointment, target: LinkTarget) -> str:
    """The page to show: "open" while the link may change the appointment, or why not."""
    if appointment.status == AppointmentStatus.CANCELLED:
        return "cancelled"
    if appointment.link_nonce == target.nonce and appointment.status == AppointmentStatus.SCHEDULED:
        return "open"
    return "answered" if appointment.client_choice else "changed"


def _answer(
    request: HttpRequest, appointment: Appointment, nonce: str, other: OtherTimesForm
) -> Appointment | str:
    """The client's answer saved, or what to tell them."""
    choice = request.POST.get("choice", "")
    if choice == DECLINE:
        if not other.is_valid():
            return " ".join(str(error) for error in other.errors["message"])
        return reschedule_decline(
            appointment=appointment, nonce=nonce, message=other.cleaned_data["message"]
        )
    new_start = None
    if choice != "keep":
        try:
            new_start = datetime.fromisoformat(choice).astimezone(UTC)
        except (ValueError, OverflowError):  # not a time, or one at year 1 or 9999
            return "Please choose one of the times below."
    return reschedule_answer(appointment=appointment, nonce=nonce, new_start=new_start)


def reschedule(request: HttpRequest, token: str) -> HttpResponse:
    """The client's page, without login: this appointment and the member's free times only."""
    found = _read(token)
    if isinstance(found, str):
        return _gone(request, found)
    appointment, target = found
    timezone.activate(appointment.client.zone)
    context: dict[str, object] = {
        "appointment": appointment,
        "practice": appointment.practice,
        "zone": appointment.client.zone,
        "token": token,
    }
    state = _state(appointment, target)
    if state != "open":
        return render(request, "appointments/reschedule_done.html", context | {"state": state})
    other = OtherTimesForm(request.POST if request.POST.get("choice") == DECLINE else None)
    error = ""
    if request.method == "POST":
        try:
            answer = _answer(request, appointment, target.nonce, other)
        except ValidationError as problem:
            answer = " ".join(problem.messages)
        if isinstance(answer, Appointment):
            done = context | {"appointment": answer, "state": "thanks"}
            return render(request, "appointments/reschedule_done.html", done)
        error = answer
    options = reschedule_options(appointment=appointment)
    return render(
        request,
        "appointments/reschedule.html",
        context | {"options": options, "error": error, "other": other},
        status=400 if error else 200,
    )


def reschedule_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The appointment as an .ics file, for as long as the link lasts and the appointment
    holds its time; a used link still reads it (only changing it needs a fresh link)."""
    found = _read(token)
    if isinstance(found, str):
        return _gone(request, found)
    appointment = found[0]
    if appointment.status not in HOLDING_TIME:
        return _gone(request, "over")
    response = HttpResponse(client_event_ics(appointment), content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="appointment.ics"'
    return response
