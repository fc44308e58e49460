"""Reads other pages make of appointments: the member's day ahead, a client's next one."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from rapport.appointments.models import MAX_LENGTH, Appointment
from rapport.clients.models import Client
from rapport.practices.models import Member


def coming_up(member: Member, *, now: datetime | None = None, limit: int = 8) -> list[Appointment]:
    """The rest of today's appointments; if there are none, the next one."""
    now = now or timezone.now()
    zone = member.practice.zone
    tomorrow = timezone.localtime(now, zone).date() + timedelta(days=1)
    ahead = (
        Appointment.objects.for_practice(member.practice)
        .holding_time()
        .filter(member=member, ends_at__gt=now)
        .starting_after(now - MAX_LENGTH)
        .select_related("client")
        .order_by("starts_at", "pk")
    )
    midnight = datetime.combine(tomorrow, time.min, tzinfo=zone)
    rows = list(ahead[:limit])
    return [row for row in rows if row.starts_at < midnight] or rows[:1]


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
