"""One appointment as an .ics file the client adds to their own calendar ("Add to my calendar").

A single-event VCALENDAR (RFC 5545): the appointment's own UID and SEQUENCE, so adding it
again after a change updates the event rather than adding a second; times on the client's
clock with its VTIMEZONE; the practice's name in the title; the place or video link. Nothing
private: no notes, nothing about other clients.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from rapport.appointments.feed import PRODID
from rapport.appointments.models import Appointment


def appointment_title(appointment: Appointment) -> str:
    return f"Appointment with {appointment.member.user.name}, {appointment.practice.name}"


def client_event_ics(appointment: Appointment, *, now: datetime | None = None) -> bytes:
    zone = appointment.client.zone
    event = Event()
    event.add("uid", appointment.uid)
    event.add("sequence", appointment.sequence)
    event.add("dtstamp", now or timezone.now())
    event.add("dtstart", appointment.starts_at.astimezone(zone))
    event.add("dtend", appointment.ends_at.astimezone(zone))
    event.add("summary", appointment_title(appointment))
    event.add("status", "CONFIRMED")
    location = appointment.place or appointment.video_link
    if location:
        event.add("location", location)
    if appointment.video_link:
        event.add("url", appointment.video_link)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # PUBLISH: an event to keep, not an invitation to answer.
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    ical: bytes = calendar.to_ical()
    return ical
