"""Reads other pages make of appointments: a client's next one, and why an appointment
calls for a word from the provider (attention.appointment_reasons keeps those in Today's
table)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from django.utils import timezone

from rapport.appointments.models import MAX_LENGTH, Appointment
from rapport.clients.models import Client


def next_for_client(client: Client, *, now: datetime | None = None) -> Appointment | None:
    now = now or timezone.now()
    return (
        Appointment.objects.filter(client=client, ends_at__gt=now)
        .starting_after(now - MAX_LENGTH)
        .holding_time()
        .select_related("member__user")
        .order_by("starts_at", "pk")
        .first()
    )


class Need(StrEnum):
    """Why an appointment needs a word from the provider."""

    REMINDER = "reminder"  # tomorrow's, for a client who asked for reminders
    CHANGED = "changed"  # the client answered a reschedule link
    FOLLOW_UP = "follow_up"  # seen lately, not heard from since
