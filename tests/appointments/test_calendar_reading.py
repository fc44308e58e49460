"""Reading an .ics file into events and occurrences: pure, without the database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from rapport.appointments.ics_read import (
    MAX_ALL_OCCURRENCES,
    CalendarProblem,
    FileEvents,
    calendar_read,
    file_events,
)
from tests.conftest import NOW

DENVER = ZoneInfo("America/Denver")


def _calendar(*events: str) -> Calendar:
    body = "".join(f"BEGIN:VEVENT\r\n{event.strip()}\r\nEND:VEVENT\r\n" for event in events)
    return calendar_read(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n".encode())


def _read(*events: str, now: datetime = NOW) -> FileEvents:
    return file_events(_calendar(*events), now=now, zone=DENVER)


def _starts(found: FileEvents) -> list[datetime]:
    return [event.component.decoded("DTSTART") for event in found.events]


def test_rdate_adds_and_exdate_removes_occurrences() -> None:
    found = _read(
        "UID:s@x\nDTSTART:20261201T100000Z\nRRULE:FREQ=DAILY;COUNT=3\n"
        "RDATE:20261225T100000Z\nEXDATE:20261202T100000Z"
    )
    assert _starts(found) == [datetime(2026, 12, day, 10, tzinfo=UTC) for day in (1, 3, 25)]


def test_a_floating_series_is_on_the_members_clock_and_keeps_its_names() -> None:
    found = _read("UID:f@x\nDTSTART:20261130T090000\nRRULE:FREQ=WEEKLY;COUNT=2")
    assert [event.source_uid for event in found.events] == [
        "f@x/20261130T160000Z",  # 09:00 in Denver is 16:00 UTC
        "f@x/20261207T160000Z",
    ]
    # A week later the first has passed; the second keeps its name, so importing updates it.
    later = _read(
        "UID:f@x\nDTSTART:20261130T090000\nRRULE:FREQ=WEEKLY;COUNT=2", now=NOW + timedelta(days=7)
    )
    assert [event.source_uid for event in later.events] == ["f@x/20261207T160000Z"]


def test_series_that_cannot_be_used_are_left_out_once_with_the_reason() -> None:
    found = _read(
        "UID:old@x\nSUMMARY:Old\nDTSTART:20250101T100000Z\nRRULE:FREQ=WEEKLY;COUNT=3",
        "UID:far@x\nSUMMARY:Far\nDTSTART:20280101T100000Z\nRRULE:FREQ=WEEKLY",
        "UID:bad@x\nSUMMARY:Bad\nDTSTART:20261201T100000Z\nRRULE:FREQ=SOMETIMES",
        "SUMMARY:No UID\nDTSTART:20261201T100000Z\nRRULE:FREQ=WEEKLY",
    )
    reasons = {left.title: left.reason for left in found.left_out}
    assert reasons["Old"] == reasons["Far"] == "it repeats, but not in the coming year"
    assert reasons["Bad"].startswith("its repeat rule could not be read")
    assert reasons["No UID"] == "it repeats but has no UID"
    assert not found.events


def test_a_series_is_cut_at_500_and_a_whole_file_at_5000() -> None:
    minutely = "UID:m@x\nSUMMARY:Pings\nDTSTART:20261124T090000Z\nRRULE:FREQ=MINUTELY"
    found = _read(minutely)
    assert len(found.events) == 500 and found.cut == ["Pings"]
    many = [minutely.replace("m@x", f"m{index}@x") for index in range(11)]
    with pytest.raises(CalendarProblem, match=f"more than {MAX_ALL_OCCURRENCES} appointments"):
        _read(*many)


def test_an_exception_without_its_series_is_one_event_named_by_its_first_time() -> None:
    found = _read(
        "UID:lone@x\nRECURRENCE-ID:20261203T100000Z\nDTSTART:20261204T100000Z\nSUMMARY:Moved"
    )
    assert [event.source_uid for event in found.events] == ["lone@x/20261203T100000Z"]
