"""Reading an .ics file: its bytes to the events that could become appointments, a repeating
event to its occurrences in the coming year. Pure: no database, no Django.

The file is untrusted. A file that cannot be read at all is a CalendarProblem whose message
says what to do; an event that cannot be used is left out with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

import recurring_ical_events
from icalendar import Calendar, Component

from rapport.lib.charsets import decode

MAX_BYTES = 5 * 1024 * 1024
TOO_LARGE = "That file is larger than 5 MB: export a shorter date range."
# A repeating event comes in as its occurrences from now until then: further out, a client's
# standing appointment is more likely to change than to happen as exported.
HORIZON = timedelta(days=365)
# More than this in a year is not one client's appointments (a daily reminder, an hourly
# alarm): the rest of the series is left out, and the preview says so.
MAX_OCCURRENCES = 500
# All series together; beyond this a file is not one provider's year of appointments.
MAX_ALL_OCCURRENCES = 5000
STAMP = "%Y%m%dT%H%M%SZ"


class CalendarProblem(ValueError):
    """A file that cannot be imported at all; the message is for the person who chose it."""


@dataclass(frozen=True)
class FileEvent:
    """One appointment-to-be: a single event, or one occurrence of a repeating event."""

    component: Component
    # Stable across imports of the same file, so that importing again updates instead of
    # copying: the event's UID, and for an occurrence the UTC time it was first planned at.
    source_uid: str
    # The repeating event's UID, for an occurrence; "" for a single event.
    series: str = ""


@dataclass(frozen=True)
class LeftOut:
    title: str
    reason: str


@dataclass
class FileEvents:
    events: list[FileEvent] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    # The titles of repeating events that had more than MAX_OCCURRENCES in the coming year.
    cut: list[str] = field(default_factory=list)


def calendar_read(data: bytes, region: str = "") -> Calendar:
    """The calendar in the file, whichever encoding it was written in."""
    if len(data) > MAX_BYTES:
        raise CalendarProblem(TOO_LARGE)
    # Decoded first: a UTF-16 file does not start with the bytes of "BEGIN:VCALENDAR".
    text = decode(data, region).lstrip("\ufeff \t\r\n")
    if not text:
        raise CalendarProblem(
            "That file is empty: export your calendar again and choose the .ics file it saves."
        )
    if not text[:15].upper() == "BEGIN:VCALENDAR":
        raise CalendarProblem(
            "That is not a calendar file: choose the .ics file your calendar app exported."
        )
    try:
        return Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError) as error:
        raise CalendarProblem(
            f"This calendar file is damaged and could not be read ({str(error)[:120]}). "
            "Export it again from your calendar app."
        ) from error


def moment(value: Any, zone: tzinfo) -> datetime | None:
    """An aware datetime in UTC; a floating time is on the reader's clock; all-day is None."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return aware.astimezone(UTC)
    return None


def title(event: Component) -> str:
    return clean_text(event.get("summary", ""))[:200] or "(an event with no title)"


def clean_text(value: Any) -> str:
    """Text for the database: PostgreSQL refuses NUL in text, and no calendar means one."""
    return str(value).replace("\x00", "").strip()


def _uid(event: Component) -> str:
    return clean_text(event.get("uid", ""))[:200]


def _repeats(event: Component) -> bool:
    return "RRULE" in event or "RDATE" in event


def _stamp(value: Any, zone: tzinfo) -> str:
    """The occurrence's part of its source_uid: its first planned start, in UTC."""
    when = moment(value, zone)
    if when is None:  # an all-day occurrence of a timed series: still one stable name
        return value.strftime("%Y%m%d") if isinstance(value, date) else str(value)
    return when.strftime(STAMP)


def file_events(calendar: Calendar, *, now: datetime, zone: tzinfo) -> FileEvents:
    """Every event in the file; a repeating one as its occurrences from now for HORIZON,
    with its exceptions (EXDATE, and RECURRENCE-ID overrides that move or cancel one)."""
    found = FileEvents()
    series: dict[str, list[Component]] = {}
    for event in calendar.walk("VEVENT"):
        uid = _uid(event)
        if _repeats(event) and "RECURRENCE-ID" not in event:
            if uid:
                series.setdefault(uid, []).insert(0, event)
            else:
                found.left_out.append(LeftOut(title(event), "it repeats but has no UID"))
    for event in calendar.walk("VEVENT"):
        uid = _uid(event)
        if uid in series:
            if "RECURRENCE-ID" in event:
                series[uid].append(event)  # an exception to a series: applied when expanding
        elif "RECURRENCE-ID" in event:  # an exception whose series is not in the file
            recurrence = _stamp(event.decoded("RECURRENCE-ID"), zone)
            found.events.append(FileEvent(event, f"{uid}/{recurrence}"))
        elif not _repeats(event):
            found.events.append(FileEvent(event, uid))
    budget = MAX_ALL_OCCURRENCES
    for uid, components in series.items():
        budget -= _expand(uid, components, calendar, found, now=now, zone=zone)
        if budget < 0:
            raise CalendarProblem(
                f"This file holds more than {MAX_ALL_OCCURRENCES} appointments in the coming "
                "year: export one calendar at a time, or a shorter date range."
            )
    return found


def _expand(
    uid: str,
    components: list[Component],
    calendar: Calendar,
    found: FileEvents,
    *,
    now: datetime,
    zone: tzinfo,
) -> int:
    """Adds one repeating event's occurrences in the coming year to found; returns how many."""
    name = title(components[0])
    if moment(components[0].decoded("DTSTART", None), zone) is None:
        found.left_out.append(LeftOut(name, "it is an all-day event, not an appointment"))
        return 0
    alone = Calendar()
    if "X-WR-TIMEZONE" in calendar:  # Google's zone for its UTC times: the library applies it
        alone.add("X-WR-TIMEZONE", calendar["X-WR-TIMEZONE"])
    for component in components:
        alone.add_component(component)
    count = 0
    try:
        for occurrence in recurring_ical_events.of(alone).after(now - timedelta(days=1)):
            starts_at = moment(occurrence.decoded("DTSTART"), zone)
            if starts_at is None or starts_at < now:
                continue
            if starts_at >= now + HORIZON:
                break
            if count == MAX_OCCURRENCES:
                found.cut.append(name)
                break
            first = occurrence.decoded("RECURRENCE-ID", None) or occurrence.decoded("DTSTART")
            found.events.append(FileEvent(occurrence, f"{uid}/{_stamp(first, zone)}", uid))
            count += 1
    except (ValueError, TypeError, KeyError) as error:  # a rule the library cannot follow
        reason = f"its repeat rule could not be read ({str(error)[:120]})"
        found.left_out.append(LeftOut(name, reason))
        return count
    if count == 0:
        found.left_out.append(LeftOut(name, "it repeats, but not in the coming year"))
    return count
