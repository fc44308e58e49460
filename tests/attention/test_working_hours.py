"""Waiting time in working hours, across weekends and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from rapport.attention.working_hours import WorkingHours, describe_wait, working_time_between

LONDON = ZoneInfo("Europe/London")
DENVER = ZoneInfo("America/Denver")
OFFICE = WorkingHours()


def test_a_weekend_does_not_count() -> None:
    friday = datetime(2026, 11, 20, 17, 0, tzinfo=LONDON)
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=LONDON)
    assert working_time_between(friday, monday, LONDON, OFFICE) == timedelta(hours=1, minutes=30)


def test_the_day_clocks_go_forward_has_one_hour_less() -> None:
    every_day = WorkingHours(starts=time(0, 0), ends=time(12, 0), weekdays=frozenset(range(7)))
    start = datetime(2026, 3, 8, 0, 0, tzinfo=DENVER)  # DST begins at 02:00
    end = datetime(2026, 3, 8, 12, 0, tzinfo=DENVER)
    assert working_time_between(start, end, DENVER, every_day) == timedelta(hours=11)


def test_description_puts_calendar_time_first() -> None:
    assert (
        describe_wait(timedelta(days=3), timedelta(hours=10), OFFICE) == "3 days (10 working hours)"
    )
    assert (
        describe_wait(timedelta(minutes=20), timedelta(0), OFFICE)
        == "20 minutes (under a working hour)"
    )


moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)


@given(moments, moments, moments)
def test_working_time_is_bounded_and_adds_up(a: datetime, b: datetime, c: datetime) -> None:
    a, b, c = sorted([a, b, c])
    ab = working_time_between(a, b, LONDON, OFFICE)
    bc = working_time_between(b, c, LONDON, OFFICE)
    assert timedelta(0) <= ab <= b - a
    assert working_time_between(a, c, LONDON, OFFICE) == ab + bc


def _day_by_day(start: datetime, end: datetime, zone: ZoneInfo, hours: WorkingHours) -> timedelta:
    """The definition, walked one local day at a time: each day's window in UTC, cut to the
    wait."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    total, day = timedelta(0), start.astimezone(zone).date()
    while day <= end.astimezone(zone).date():
        if day.weekday() in hours.weekdays:
            opens = datetime.combine(day, hours.starts, zone).astimezone(UTC)
            closes = datetime.combine(day, hours.ends, zone).astimezone(UTC)
            total += max(min(closes, end) - max(opens, start), timedelta(0))
        day += timedelta(days=1)
    return total


long_waits = st.datetimes(
    min_value=datetime(2019, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)
zones = st.sampled_from([LONDON, DENVER, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("UTC")])
night_shift = WorkingHours(starts=time(0, 30), ends=time(3, 0), weekdays=frozenset({0, 6}))


@given(long_waits, long_waits, zones, st.sampled_from([OFFICE, night_shift]))
def test_years_of_waiting_count_as_each_day_would(
    a: datetime, b: datetime, zone: ZoneInfo, hours: WorkingHours
) -> None:
    """Whole days are read from running totals per year: the same as walking every day,
    across year ends, leap days and the days clocks change (Lord Howe moves by half an
    hour; the night shift sits across Denver's and London's changes)."""
    start, end = sorted([a, b])
    assert working_time_between(start, end, zone, hours) == _day_by_day(start, end, zone, hours)
