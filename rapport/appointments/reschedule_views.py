"""The client's reschedule page, reached from a link in a message and open without a login: it
shows this one appointment and the member's free times, nothing else of the practice."""

from __future__ import annotations

from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from rapport.appointments.links import LinkExpired, LinkInvalid, reschedule_read
from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.services import reschedule_answer, reschedule_options


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
        Appointment.objects.filter(
            practice_id=target.practice_id, client_id=target.client_id, pk=target.appointment_id
        )
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
            except (ValueError, OverflowError):  # not a time, or one at year 1 or 9999
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
