"""Appointments from an .ics file exported by Google Calendar, Outlook, Apple Calendar or a
timetable system: the plan its preview shows, and the import that writes it.

An event becomes an appointment when one of its guests is a client (matched by email).
Importing the same file again updates those appointments instead of adding copies, through
the event's UID (for an occurrence of a repeating event, its UID and the time it was first
planned at: ics_read.FileEvent.source_uid).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from rapport.appointments.ics_read import (
    CalendarProblem,
    FileEvent,
    calendar_read,
    clean_text,
    file_events,
    moment,
    title,
)
from rapport.appointments.models import (
    MAX_LENGTH,
    Appointment,
    AppointmentStatus,
    CalendarUpload,
)
from rapport.appointments.services import meeting_sync
from rapport.clients.models import Client, ContactKind, ContactPoint
from rapport.lib.dates import EARLIEST_YEAR, LATEST_YEAR, in_range
from rapport.lib.humanize import long_moment
from rapport.practices.models import Member

DEFAULT_LENGTH = timedelta(hours=1)
# An upload whose preview was left open this long is abandoned: calendar_uploads_prune.
UPLOAD_KEPT = timedelta(hours=24)
NOTHING_TO_IMPORT = (
    "Nothing in this file can become an appointment. An event comes in when one of its "
    "guests is a client: add their email address to the client's page, then upload the "
    "file again."
)


class EventOutcome(models.TextChoices):
    CREATE = "create", "New appointment"
    UPDATE = "update", "Update"
    CANCEL = "cancel", "Cancel"
    SKIP = "skip", "Left out"


@dataclass
class PlannedEvent:
    title: str
    outcome: EventOutcome
    # Unsaved: a new appointment, or an existing one with the file's changes applied.
    appointment: Appointment | None = None
    # Its start as people say it, on the member's clock.
    when: str = ""
    reason: str = ""
    # The repeating event it is an occurrence of; for a series left out, how many times.
    series: str = ""
    times: int = 1


def _starts_at(item: PlannedEvent) -> datetime:
    assert item.appointment is not None  # only an event left out has none
    return item.appointment.starts_at


@dataclass
class CalendarPlan:
    events: list[PlannedEvent] = field(default_factory=list)
    # Repeating events with more occurrences in the coming year than are imported.
    cut: list[str] = field(default_factory=list)

    def of(self, outcome: EventOutcome) -> list[PlannedEvent]:
        """Appointments in the order they happen, whichever series they came from; what is
        left out in the file's order."""
        items = [item for item in self.events if item.outcome == outcome]
        if outcome == EventOutcome.SKIP:
            return items
        return sorted(items, key=_starts_at)

    @property
    def writes(self) -> list[PlannedEvent]:
        return [item for item in self.events if item.outcome != EventOutcome.SKIP]


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


def _client_by_email(member: Member) -> dict[str, Client]:
    points = ContactPoint.objects.filter(
        client__practice=member.practice, client__archived_at__isnull=True, kind=ContactKind.EMAIL
    ).select_related("client")
    return {point.normalized: point.client for point in points}


def _outside(value: Any) -> bool:
    return isinstance(value, date) and not in_range(value)


def _read_event(
    event: Any, zone: tzinfo, clients: dict[str, Client]
) -> tuple[dict[str, Any] | None, str]:
    """The appointment's fields, or None and why not."""
    start_value = event.get("dtstart")
    if start_value is None:
        return None, "it has no start time"
    end_value = event.get("dtend")
    if any(_outside(value.dt) for value in (start_value, end_value) if value is not None):
        # Checked before any arithmetic: at years 1 and 9999 a change of zone overflows.
        return None, f"its date is not between {EARLIEST_YEAR} and {LATEST_YEAR}"
    starts_at = moment(start_value.dt, zone)
    if starts_at is None:
        return None, "it is an all-day event, not an appointment"
    if end_value is not None:
        ends_at = moment(end_value.dt, zone)
    elif event.get("duration") is not None:
        length = event.get("duration").dt
        ends_at = starts_at + length if abs(length) <= MAX_LENGTH else None
    else:
        ends_at = starts_at + DEFAULT_LENGTH
    if ends_at is None or ends_at <= starts_at or ends_at - starts_at > MAX_LENGTH:
        return None, "its end time is missing, before its start, or over twelve hours later"
    emails = _emails(event)
    client = next((clients[email] for email in emails if email in clients), None)
    if client is None:
        why = "none of its guests is a client" if emails else "it has no guests to match"
        return None, f"{why} (matched by email address)"
    return {
        "client": client,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": clean_text(event.get("location", ""))[:200],
        "notes": clean_text(event.get("description", ""))[:5000],
        "cancelled": str(event.get("status", "")).upper() == "CANCELLED",
    }, ""


def _plan_event(
    item: FileEvent, member: Member, clients: dict[str, Client], existing: dict[str, Appointment]
) -> PlannedEvent:
    name = title(item.component)
    try:
        fields, reason = _read_event(item.component, member.zone, clients)
    except (ValueError, TypeError, AttributeError, KeyError):
        fields, reason = None, "its dates could not be read"
    if fields is None:
        return PlannedEvent(name, EventOutcome.SKIP, reason=reason, series=item.series)
    cancelled = fields.pop("cancelled")
    appointment = existing.get(item.source_uid) if item.source_uid else None
    if appointment is None and cancelled:
        return PlannedEvent(name, EventOutcome.SKIP, reason="it was cancelled", series=item.series)
    outcome = EventOutcome.CREATE
    if appointment is None:
        appointment = Appointment(
            practice=member.practice, member=member, source_uid=item.source_uid, **fields
        )
    else:
        was_cancelled = appointment.status == AppointmentStatus.CANCELLED
        outcome = EventOutcome.CANCEL if cancelled and not was_cancelled else EventOutcome.UPDATE
        for key, value in fields.items():
            setattr(appointment, key, value)
        appointment.sequence += 1
    if cancelled:
        appointment.status = AppointmentStatus.CANCELLED
    try:
        # Without the database's checks: the times were checked above, and a query per
        # event would make a year of weekly sessions slow to preview.
        appointment.full_clean(
            exclude=["client", "member", "uid"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        reason = "; ".join(error.messages).lower()
        return PlannedEvent(name, EventOutcome.SKIP, reason=reason, series=item.series)
    return PlannedEvent(name, outcome, appointment, series=item.series)


def _left_out_once(events: list[PlannedEvent]) -> list[PlannedEvent]:
    """A repeating event left out for one reason is one line, not one per occurrence."""
    kept: list[PlannedEvent] = []
    by_series: dict[tuple[str, str], PlannedEvent] = {}
    for item in events:
        key = (item.series, item.reason)
        if item.outcome != EventOutcome.SKIP or not item.series:
            kept.append(item)
        elif key in by_series:
            by_series[key].times += 1
        else:
            by_series[key] = item
            kept.append(item)
    return kept


def calendar_plan(*, data: bytes, member: Member, now: datetime | None = None) -> CalendarPlan:
    """What importing the file would do, event by event; writes nothing."""
    now = now or timezone.now()
    calendar = calendar_read(data, member.practice.default_region)
    found = file_events(calendar, now=now, zone=member.zone)
    clients = _client_by_email(member)
    uids = {item.source_uid for item in found.events if item.source_uid}
    existing = {
        row.source_uid: row
        for row in Appointment.objects.for_practice(member.practice).filter(source_uid__in=uids)
    }
    plan = CalendarPlan(cut=found.cut)
    today = now.astimezone(member.zone).date()
    seen: set[str] = set()
    for item in found.events:
        if item.source_uid and item.source_uid in seen:
            reason = "it is in the file twice (the same UID): the first is imported"
            plan.events.append(
                PlannedEvent(title(item.component), EventOutcome.SKIP, reason=reason)
            )
            continue
        seen.add(item.source_uid)
        planned = _plan_event(item, member, clients, existing)
        if planned.appointment is not None:
            local = planned.appointment.starts_at.astimezone(member.zone)
            planned.when = long_moment(local, today)
        plan.events.append(planned)
    plan.events = _left_out_once(plan.events)
    plan.events += [
        PlannedEvent(skipped.title, EventOutcome.SKIP, reason=skipped.reason)
        for skipped in found.left_out
    ]
    return plan


@transaction.atomic
def calendar_import(*, data: bytes, member: Member, now: datetime | None = None) -> CalendarPlan:
    """All or nothing: the plan, written."""
    plan = calendar_plan(data=data, member=member, now=now)
    for item in plan.writes:
        assert item.appointment is not None
        item.appointment.save()
        if item.outcome == EventOutcome.CANCEL:
            # One that had started is not contact after all.
            meeting_sync(appointment=item.appointment)
    return plan


@transaction.atomic
def calendar_upload_import(*, upload: CalendarUpload, now: datetime | None = None) -> CalendarPlan:
    """The provider pressed Import on the preview of this upload."""
    # Deleted first: a second press of Import waits for the first, then finds nothing here.
    deleted, _ = CalendarUpload.objects.filter(pk=upload.pk).delete()
    if not deleted:
        raise CalendarProblem("This file has already been imported.")
    plan = calendar_import(data=bytes(upload.content), member=upload.member, now=now)
    if not plan.writes:
        raise CalendarProblem(NOTHING_TO_IMPORT)  # and the upload stays, for its preview
    return plan


def calendar_uploads_prune(now: datetime) -> int:
    """Uploads whose preview was abandoned go after a day; returns how many went."""
    deleted, _ = CalendarUpload.objects.filter(created_at__lt=now - UPLOAD_KEPT).delete()
    return deleted
