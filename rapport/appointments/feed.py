"""A member's appointments as an iCalendar feed (RFC 5545) their calendar app subscribes to.

Each appointment keeps its UID for life and raises SEQUENCE when it changes, so
calendars update the event in place; a cancelled one stays in the feed marked
CANCELLED, so calendars remove it rather than keep a stale copy. Times are
written in the member's zone with its VTIMEZONE, so they survive clock changes.
The feed says who the appointment is with, never the private notes.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone
from icalendar import Calendar, Event, vRecur

from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.clients.models import ImportantDate
from rapport.practices.models import Member

PRODID = "-//Rapport//Rapport client book//EN"
FEED_PAST_DAYS = 90


def _appointment_event(appointment: Appointment, member: Member, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", appointment.uid)
    event.add("sequence", appointment.sequence)
    event.add("dtstamp", stamp)
    event.add("last-modified", appointment.updated_at)
    event.add("dtstart", appointment.starts_at.astimezone(member.zone))
    event.add("dtend", appointment.ends_at.astimezone(member.zone))
    event.add("summary", f"{appointment.client.display_name}")
    cancelled = appointment.status == AppointmentStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    location = appointment.place or appointment.video_link
    if location:
        event.add("location", location)
    if appointment.video_link:
        event.add("url", appointment.video_link)
    return event


def _date_event(item: ImportantDate, stamp: datetime, today: date) -> Event:
    """A yearly all-day event; a date with no year starts this year."""
    year = item.year or today.year
    day = 28 if (item.month, item.day) == (2, 29) and year % 4 else item.day
    event = Event()
    event.add("uid", f"date-{item.pk}@rapport")
    event.add("dtstamp", stamp)
    event.add("dtstart", date(year, item.month, day))
    event.add("dtend", date(year, item.month, day) + timedelta(days=1))
    event.add("summary", f"{item.client.display_name}: {item.title_in_sentence}")
    event.add("rrule", vRecur(freq="yearly"))
    event.add("transp", "TRANSPARENT")
    return event


def member_feed(member: Member, *, now: datetime | None = None) -> bytes:
    now = now or timezone.now()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Rapport: {member.user.name}")
    calendar.add("x-wr-timezone", member.zone.key)
    appointments = (
        Appointment.objects.for_practice(member.practice)
        .filter(member=member, ends_at__gte=now - timedelta(days=FEED_PAST_DAYS))
        .select_related("client")
    )
    for appointment in appointments:
        calendar.add_component(_appointment_event(appointment, member, now))
    if member.feed_include_dates:
        today = now.astimezone(member.zone).date()
        dates = ImportantDate.objects.for_practice(member.practice).filter(
            client__archived_at__isnull=True
        )
        for item in dates.select_related("client"):
            calendar.add_component(_date_event(item, now, today))
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical
