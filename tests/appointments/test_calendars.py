"""The member's iCalendar feed, and appointments imported from Google, Outlook and Apple files."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient
from icalendar import Calendar

from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.services import appointment_finish
from rapport.clients.models import Client, ContactKind, DateKind, ImportantDate
from rapport.clients.services import ContactPointInput, client_create
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


def _import(http: HttpClient, name: str, data: bytes | None = None) -> str:
    content = data if data is not None else (FILES / name).read_bytes()
    upload = SimpleUploadedFile(name, content, content_type="text/calendar")
    return http.post("/calendar/import/", {"file": upload}).content.decode()


def test_google_calendar_export(
    maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    page = _import(owner_http, "google.ics")
    [appointment] = Appointment.objects.all()
    assert appointment.client == maya
    assert appointment.starts_at == datetime(2026, 12, 1, 10, tzinfo=UTC)
    assert appointment.ends_at == datetime(2026, 12, 1, 10, 50, tzinfo=UTC)
    assert appointment.place == "Room 2, 14 Harbour Lane, Bristol"
    assert "door code is 4417" in appointment.notes
    assert "1 new appointment, 0 updated, 3 events left out" in page
    assert "Office closed: it is an all-day event" in page
    assert "Dentist: none of its guests is a client" in page
    assert "Weekly check-in: it repeats" in page
    again = _import(owner_http, "google.ics")
    assert "0 new appointments, 1 updated" in again and Appointment.objects.count() == 1


def test_outlook_export_with_windows_zone_names(
    maya: Client, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    ben = client_create(
        practice=owner.practice,
        full_name="Ben Okafor",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "ben@example.org")],
    )
    _import(owner_http, "outlook.ics")
    by_client = {row.client: row for row in Appointment.objects.all()}
    # 09:00 Eastern is 14:00 in London; the address matched whatever its case.
    assert by_client[maya].starts_at == datetime(2026, 12, 3, 14, tzinfo=UTC)
    assert by_client[ben].starts_at == datetime(2026, 12, 4, 14, tzinfo=UTC)
    assert by_client[maya].place == "Microsoft Teams Meeting"


def test_apple_calendar_export_with_utc_and_floating_times(
    maya: Client, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    owner.time_zone = "America/Denver"
    owner.save()
    _import(owner_http, "apple.ics")
    coffee, floating = Appointment.objects.order_by("starts_at")
    assert coffee.starts_at == datetime(2026, 12, 7, 11, 30, tzinfo=UTC)
    assert coffee.place == "Café Nero, Park Street"
    # No zone in the file: the time is read on the member's own clock.
    assert floating.starts_at == datetime(2026, 12, 8, 9, tzinfo=ZoneInfo("America/Denver"))
    assert (floating.ends_at - floating.starts_at).total_seconds() == 45 * 60


def test_a_cancelled_event_cancels_the_imported_appointment(
    maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    _import(owner_http, "google.ics")
    text = (FILES / "google.ics").read_text().replace("STATUS:CONFIRMED", "STATUS:CANCELLED")
    _import(owner_http, "google.ics", text.encode())
    assert Appointment.objects.get().status == AppointmentStatus.CANCELLED


def test_bad_files_import_nothing_and_say_why(
    maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    good = (FILES / "google.ics").read_bytes()
    cases = [
        (b"Name,Email\nMaya,maya@example.org\n", "That is not a calendar file"),
        (good[: len(good) // 2], "damaged"),
        (b"\xff\xfe" + "BEGIN:VCALENDAR".encode("utf-16-le"), "not a calendar file"),
        (
            good.replace(b"DTSTART;TZID=Europe/London:20261201T100000", b"DTSTART:2026-12-01"),
            "Maya / Sam: coaching: its dates could not be read",
        ),
    ]
    for data, message in cases:
        page = _import(owner_http, "bad.ics", data)
        assert message in page, page[-2000:]
    assert Appointment.objects.count() == 0
