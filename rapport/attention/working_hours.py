"""How long someone has waited counted in working hours, in the practice's time zone. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class WorkingHours:
    starts: time = time(9, 0)
    ends: time = time(17, 30)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday is 0

    def day_length(self) -> timedelta:
        return datetime.combine(date.min, self.ends) - datetime.combine(date.min, self.starts)


def working_time_between(
    start: datetime, end: datetime, zone: ZoneInfo, hours: WorkingHours
) -> timedelta:
    """Working time from start to end. Each day's window is built in local time and
    converted to UTC before any arithmetic: Python subtracts two datetimes that share a
    time zone by their wall clocks, which would lose or invent an hour on DST days."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start or hours.ends <= hours.starts:
        return timedelta(0)
    total = timedelta(0)
    day = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    while day <= last:
        if day.weekday() in hours.weekdays:
            opens = datetime.combine(day, hours.starts, zone).astimezone(UTC)
            closes = datetime.combine(day, hours.ends, zone).astimezone(UTC)
            overlap = min(closes, end) - max(opens, start)
            if overlap > timedelta(0):
                total += overlap
        day += timedelta(days=1)
    return total


def describe_wait(calendar: timedelta, working: timedelta, hours: WorkingHours) -> str:
    """ "2 days (9 working hours)" — calendar time first, as a client feels it."""
    return f"{_span(calendar)} ({_working(working, hours)})"


def _span(amount: timedelta) -> str:
    minutes = int(amount.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} hour{'s' if hours != 1 else ''}"
    days = hours // 24
    return f"{days} days"


def _working(amount: timedelta, hours: WorkingHours) -> str:
    total_hours = amount.total_seconds() / 3600
    if total_hours < 1:
        return "under a working hour"
    day_hours = hours.day_length().total_seconds() / 3600
    if total_hours < day_hours * 2:
        whole = int(total_hours)
        return f"{whole} working hour{'s' if whole != 1 else ''}"
    return f"{total_hours / day_hours:.0f} working days"
