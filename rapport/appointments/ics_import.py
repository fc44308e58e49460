"""Appointments from an .ics file exported by Google Calendar, Outlook or Apple Calendar.

The file is untrusted: anything we cannot read is reported, never guessed. An
event becomes an appointment when one of its attendees is a client (matched by
email); importing the same file again updates those appointments instead of
adding copies, through the event's UID.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from icalendar import Calendar

from rapport.appointments.models import MAX_LENGTH, Appointment, AppointmentStatus
from rapport.appointments.services import meeting_sync
from rapport.clients.models import Client, ContactKind, ContactPoint
from rapport.practices.models import Member

MAX_BYTES = 5 * 1024 * 1024
DEFAULT_LENGTH = timedelta(hours=1)


@dataclass
class Skipped:
    title: str
    reason: str


@dataclass
class ImportReport:
    created: list[Appointment] = field(default_factory=list)
    updated: list[Appointment] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _parse(data: bytes) -> Calendar:
    if len(data) > MAX_BYTES:
        raise ValidationError("That file is larger than 5 MB: export a shorter date range.")
    if not data.lstrip().upper().startswith(b"BEGIN:VCALENDAR"):
        raise ValidationError(
            "That is not a calendar file: choose the .ics file your calendar app exported."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    try:
        return Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError) as error:
        raise ValidationError(
            f"This calendar file is damaged and could not be read ({str(error)[:120]}). "
            "Export it again from your calendar app."
        ) from error


def _moment(value: Any, member: Member) -> datetime | None:
    """An aware datetime; floating times are on the member's clock; all-day is None."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=member.zone)
        return aware.astimezone(UTC)
    return None


def _emails(event: Any) -> list[str]:
    attendees = event.get("attendee", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    found = []
    for attendee in attendees:
        address = str(attendee).strip()
        if address.lower().startswith("mailto:"):
            found.append(address[7:].strip().lower())
    return found


def _title(event: Any) -> str:
    return str(event.get("summary", "")).strip()[:200] or "(an event with no title)"


def _client_by_email(member: Member) -> dict[str, Client]:
    points = ContactPoint.objects.filter(
        client__practice=member.practice, client__archived_at__isnull=True, kind=ContactKind.EMAIL
    ).select_related("client")
    return {point.normalized: point.client for point in points}


def _read_event(
    event: Any, member: Member, clients: dict[str, Client]
) -> tuple[dict[str, Any] | None, str]:
    """The appointment's fields, or None and why not."""
    start_value = event.get("dtstart")
    if start_value is None:
        return None, "it has no start time"
    starts_at = _moment(start_value.dt, member)
    if starts_at is None:
        return None, "it is an all-day event, not an appointment"
    if event.get("rrule") is not None:
        return None, "it repeats; Rapport imports single appointments only"
    if event.get("dtend") is not None:
        ends_at = _moment(event.get("dtend").dt, member)
    elif event.get("duration") is not None:
        ends_at = starts_at + event.get("duration").dt
    else:
        ends_at = starts_at + DEFAULT_LENGTH
    if ends_at is None or ends_at <= starts_at or ends_at - starts_at > MAX_LENGTH:
        return None, "its end time is missing, before its start, or over twelve hours later"
    emails = _emails(event)
    client = next((clients[email] for email in emails if email in clients), None)
    if client is None:
        why = "none of its guests is a client" if emails else "it has no guests to match"
        return None, f"{why} (matched by email address)"
    status = str(event.get("status", "")).upper()
    return {
        "client": client,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": str(event.get("location", "")).strip()[:200],
        "notes": str(event.get("description", "")).strip()[:5000],
        "cancelled": status == "CANCELLED",
    }, ""


@transaction.atomic
def calendar_import(*, data: bytes, member: Member) -> ImportReport:
    """All or nothing: a file that cannot be read imports nothing."""
    calendar = _parse(data)
    clients = _client_by_email(member)
    report = ImportReport()
    existing = {
        row.source_uid: row
        for row in Appointment.objects.for_practice(member.practice).exclude(source_uid="")
    }
    for event in calendar.walk("VEVENT"):
        title = _title(event)
        try:
            fields, reason = _read_event(event, member, clients)
        except (ValueError, TypeError, AttributeError):
            fields, reason = None, "its dates could not be read"
        if fields is None:
            report.skipped.append(Skipped(title, reason))
            continue
        uid = str(event.get("uid", "")).strip()[:255]
        cancelled = fields.pop("cancelled")
        appointment = existing.get(uid) if uid else None
        if appointment is None and cancelled:
            report.skipped.append(Skipped(title, "it was cancelled"))
            continue
        if appointment is None:
            appointment = Appointment(
                practice=member.practice, member=member, source_uid=uid, **fields
            )
            report.created.append(appointment)
        else:
            for name, value in fields.items():
                setattr(appointment, name, value)
            appointment.sequence += 1
            report.updated.append(appointment)
        if cancelled:
            appointment.status = AppointmentStatus.CANCELLED
        appointment.full_clean(exclude=["client", "member", "uid"])
        appointment.save()
        if cancelled:
            meeting_sync(appointment=appointment)  # one that had started is not contact after all
        if uid:
            existing[uid] = appointment
    return report
