"""Free times: working hours on the member's own clock, across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from rapport.appointments.slots import Week, free_slots, local

LONDON = ZoneInfo("Europe/London")
DENVER = ZoneInfo("America/Denver")
WEEKDAYS = frozenset(range(5))


def week(zone: ZoneInfo = LONDON, starts: time = time(9), ends: time = time(17)) -> Week:
    return Week(zone=zone, starts=starts, ends=ends, weekdays=WEEKDAYS)


def test_slots_skip_weekends_busy_times_and_the_past() -> None:
    friday_noon = datetime(2026, 11, 20, 12, 0, tzinfo=LONDON)
    busy = [
        (datetime(2026, 11, 23, 9, 0, tzinfo=LONDON), datetime(2026, 11, 23, 10, 0, tzinfo=LONDON))
    ]
    slots = free_slots(
        week(), busy=busy, length=timedelta(hours=1), after=friday_noon, per_day=3, limit=5
    )
    local_slots = [slot.astimezone(LONDON) for slot in slots]
    assert [f"{slot:%a %H:%M}" for slot in local_slots] == [
        "Fri 12:30",
        "Fri 13:00",
        "Fri 13:30",
        "Mon 10:00",  # 09:00 and 09:30 overlap the booked hour
        "Mon 10:30",
    ]


def test_ten_oclock_stays_ten_oclock_across_the_clock_change() -> None:
    """London falls back on Sunday 25 October 2026: Friday 10:00 is 09:00 UTC, Monday's 10:00."""
    thursday = datetime(2026, 10, 22, 18, 0, tzinfo=LONDON)
    slots = free_slots(
        week(starts=time(10), ends=time(11)),
        busy=[],
        length=timedelta(hours=1),
        after=thursday,
        per_day=1,
        limit=2,
    )
    assert slots == [
        datetime(2026, 10, 23, 9, 0, tzinfo=UTC),
        datetime(2026, 10, 26, 10, 0, tzinfo=UTC),
    ]


def test_a_time_the_clock_skips_is_never_offered() -> None:
    assert local(datetime(2026, 3, 8).date(), time(2, 30), DENVER) is None
    assert local(datetime(2026, 3, 9).date(), time(2, 30), DENVER) is not None


def test_a_week_with_no_room_offers_nothing() -> None:
    monday = datetime(2026, 11, 23, 8, 0, tzinfo=LONDON)
    fully_booked = [(monday, monday + timedelta(days=30))]
    assert free_slots(week(), busy=fully_booked, length=timedelta(hours=1), after=monday) == []


@given(
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)),
    st.sampled_from([LONDON, DENVER, ZoneInfo("Australia/Lord_Howe"), ZoneInfo("Asia/Kolkata")]),
    st.integers(min_value=15, max_value=180),
)
def test_every_slot_is_inside_working_hours_after_now_and_free(
    moment: datetime, zone: ZoneInfo, minutes: int
) -> None:
    after = moment.replace(tzinfo=UTC)
    length = timedelta(minutes=minutes)
    busy = [(after + timedelta(hours=20), after + timedelta(hours=30))]
    for slot in free_slots(week(zone), busy=busy, length=length, after=after):
        start, end = slot.astimezone(zone), (slot + length).astimezone(zone)
        assert slot > after
        assert start.weekday() in WEEKDAYS
        assert time(9) <= start.time() and end.time() <= time(17) and end.date() == start.date()
        assert not (slot < busy[0][1] and slot + length > busy[0][0])
