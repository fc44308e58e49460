"""What the provider's appointment pages share: the appointment a request may see, and the
day page they send the provider back to."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from rapport.appointments.models import Appointment
from rapport.practices.access import PracticeRequest


def appointment_for(request: PracticeRequest, appointment_id: int) -> Appointment:
    return get_object_or_404(
        Appointment.objects.for_practice(request.practice).select_related("client", "member"),
        pk=appointment_id,
    )


def day_url(appointment: Appointment) -> str:
    day = timezone.localtime(appointment.starts_at).date()
    return (
        f"{reverse('calendar_day')}?"
        f"{urlencode({'day': day.isoformat(), 'member': appointment.member_id})}"
    )
