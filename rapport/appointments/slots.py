"""Free times in a member's working week. Pure: the caller passes what is already booked.

Times are built on the member's own clock, so "10:00" stays 10:00 across a
daylight-saving change; a time the clock skips that night is never offered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

STEP = timedelta(minutes=30)


@dataclass(frozen=True)
class Week:
    zone: ZoneInfo
    starts: time
    ends: time
    weekdays: frozenset[int]


def local(day: date, clock: time, zone: ZoneInfo) -> datetime | None:
    """That wall-clock time on that day, or None if the clock skips it (spring forward)."""
    moment = datetime.combine(day, clock, tzinfo=zone)
    back = moment.astimezone(UTC).astimezone(zone)
    if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        return None
    return moment


def _overlaps(start: datetime, end: datetime, busy: list[tuple[datetime, datetime]]) -> bool:
    return any(start < busy_end and end > busy_start for busy_start, busy_end in busy)


def free_slots(
    week: Week,
    *,
    busy: Iterable[tuple[datetime, datetime]],
    length: timedelta,
    after: datetime,
    days: int = 14,
    limit: int = 6,
    per_day: int = 2,
) -> list[datetime]:
    """The first free starts after `after`, at most `per_day` a day so the choice spans days."""
    taken = list(busy)
    found: list[datetime] = []
    first_day = after.astimezone(week.zone).date()
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        if day.weekday() not in week.weekdays:
            continue
        today_count = 0
        clock = datetime.combine(day, week.starts)
        closing = datetime.combine(day, week.ends)
        while clock + length <= closing and today_count < per_day:
            wall = local(day, clock.time(), week.zone)
            # In UTC from here: sums and comparisons on zoneinfo datetimes use the wall clock.
            start = wall.astimezone(UTC) if wall is not None else None
            if start is not None and start > after:
                end = start + length
                if not _overlaps(start, end, taken):
                    found.append(start)
                    today_count += 1
                    if len(found) == limit:
                        return found
            clock += STEP
    return found
