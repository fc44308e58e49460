"""The page behind “I'm not at my best today”: today's clients still to be seen, each with a
note to write and approve in the composer, one by one."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from rapport.appointments.honest_day import still_to_come_today
from rapport.appointments.message_views import message_url
from rapport.practices.access import PracticeRequest, member_required


@member_required
def not_at_my_best(request: PracticeRequest) -> HttpResponse:
    appointments = list(still_to_come_today(member=request.member))
    rows = [
        (appointment, message_url(appointment, not_at_my_best=1)) for appointment in appointments
    ]
    waiting = sum(1 for appointment in appointments if appointment.honest_note_message is None)
    return render(request, "appointments/not_at_my_best.html", {"rows": rows, "waiting": waiting})
