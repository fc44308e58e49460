"""How long someone has waited counted in working hours, in the practice's time zone. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
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
    time zone by their wall clocks, which would lose or invent an hour on DST days.

    The first and last days are cut at start and end; every day between counts whole, read
    from a year's running totals, so a wait of years costs what a wait of days does."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start or hours.ends <= hours.starts:
        return timedelta(0)
    first = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    total = _day_overlap(first, start, end, zone, hours)
    if last > first:
        total += _whole_days(first + timedelta(days=1), last - timedelta(days=1), zone, hours)
        total += _day_overlap(last, start, end, zone, hours)
    return total


def _window(day: date, zone: ZoneInfo, hours: WorkingHours) -> tuple[datetime, datetime] | None:
    if day.weekday() not in hours.weekdays:
        return None
    opens = datetime.combine(day, hours.starts, zone).astimezone(UTC)
    return opens, datetime.combine(day, hours.ends, zone).astimezone(UTC)


def _day_overlap(
    day: date, start: datetime, end: datetime, zone: ZoneInfo, hours: WorkingHours
) -> timedelta:
    window = _window(day, zone, hours)
    if window is None:
        return timedelta(0)
    overlap = min(window[1], end) - max(window[0], start)
    return max(overlap, timedelta(0))


def _whole_days(first: date, last: date, zone: ZoneInfo, hours: WorkingHours) -> timedelta:
    """The working time of every day from first to last, both whole."""
    total = timedelta(0)
    for year in range(first.year, last.year + 1):
        running = _year_running_totals(zone, hours, year)
        lo = max(first, date(year, 1, 1)).timetuple().tm_yday
        hi = min(last, date(year, 12, 31)).timetuple().tm_yday
        if lo <= hi:
            total += running[hi] - running[lo - 1]
    return total


@lru_cache(maxsize=256)
def _year_running_totals(zone: ZoneInfo, hours: WorkingHours, year: int) -> list[timedelta]:
    """Index n: the working time of a year's first n days, each day's window measured in UTC
    (so a day the clocks change has its true length)."""
    running = [timedelta(0)]
    day = date(year, 1, 1)
    while day.year == year:
        window = _window(day, zone, hours)
        length = timedelta(0) if window is None else max(window[1] - window[0], timedelta(0))
        running.append(running[-1] + length)
        day += timedelta(days=1)
    return running


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
