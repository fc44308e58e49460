"""The member's iCalendar feed (the import is in test_calendar_import.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import time_machine
from django.test import Client as HttpClient
from icalendar import Calendar

from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.services import appointment_finish
from rapport.clients.models import Client, DateKind, ImportantDate
from rapport.practices.models import Member

FILES = Path(__file__).parent / "calendars"


def _feed_url(http: HttpClient) -> str:
    page = http.post("/calendar/feed/", {"action": "new"}, follow=True).content.decode()
    match = re.search(r'value="https?://[^/"]+(/calendar/feed/[^"]+\.ics)"', page)
    assert match is not None, page
    return match.group(1)


def _events(http: HttpClient, url: str) -> list[object]:
    response = http.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


def test_the_feed_parses_keeps_uids_carries_zones_and_marks_cancellations(
    session: Appointment, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    url = _feed_url(owner_http)
    public = HttpClient()  # calendar apps fetch without logging in
    calendar = Calendar.from_ical(public.get(url).content)
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    [event] = calendar.walk("VEVENT")
    assert event["UID"] == session.uid and event["SUMMARY"] == "Maya"
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 11, 24, 10, tzinfo=UTC) and start.utcoffset() is not None
    assert event.get("DTSTART").params["TZID"] == "Europe/London"
    assert "divorce" not in public.get(url).content.decode()  # private notes stay private

    owner_http.post(
        f"/appointments/{session.pk}/",
        {"client": session.client_id, "member": owner.pk, "starts_at": "2026-11-25T15:00",
         "length": 45, "place": "Room 1"},
    )  # fmt: skip
    [moved] = _events(public, url)
    assert moved["UID"] == session.uid and moved["SEQUENCE"] == 1
    assert moved.decoded("DTEND") == datetime(2026, 11, 25, 15, 45, tzinfo=UTC)

    appointment_finish(appointment=Appointment.objects.get(), status=AppointmentStatus.CANCELLED)
    [cancelled] = _events(public, url)
    assert cancelled["STATUS"] == "CANCELLED" and cancelled["SEQUENCE"] == 2


def test_a_summer_appointment_keeps_its_wall_clock_time(
    maya: Client, owner: Member, owner_http: HttpClient
) -> None:
    with time_machine.travel(datetime(2026, 6, 1, 8, tzinfo=UTC), tick=False):
        owner_http.post(
            "/appointments/new/",
            {"client": maya.pk, "member": owner.pk, "starts_at": "2026-07-01T10:00",
             "length": 60},
        )  # fmt: skip
        [event] = _events(HttpClient(), _feed_url(owner_http))
    start = event.decoded("DTSTART")
    assert (start.hour, start.utcoffset().total_seconds()) == (10, 3600)  # BST


def test_the_feed_can_carry_dates_and_be_turned_off(
    session: Appointment, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    ImportantDate.objects.create(
        practice=owner.practice, client=session.client, kind=DateKind.BIRTHDAY, month=2, day=29
    )
    url = _feed_url(owner_http)
    assert len(_events(HttpClient(), url)) == 1
    owner_http.post("/calendar/feed/", {"action": "save", "feed_include_dates": "on"})
    birthday = [event for event in _events(HttpClient(), url) if "RRULE" in event]
    assert [str(event["SUMMARY"]) for event in birthday] == ["Maya: birthday"]
    owner_http.post("/calendar/feed/", {"action": "revoke"})
    assert HttpClient().get(url).status_code == 404
    assert HttpClient().get("/calendar/feed/short.ics").status_code == 404
