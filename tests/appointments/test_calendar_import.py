"""Importing an .ics file: upload, a preview that writes nothing, Import that writes it all.

The files in calendars/ imitate Google Calendar, Outlook, Apple Calendar and a university
timetable system (calendars/README.md). The clock is the tests' NOW, a Tuesday 08:00.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient

from rapport.appointments.ics_import import calendar_uploads_prune
from rapport.appointments.models import Appointment, AppointmentStatus, CalendarUpload
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.practices.models import Member
from tests.conftest import NOW

FILES = Path(__file__).parent / "calendars"
LONDON = ZoneInfo("Europe/London")


def _upload(http: HttpClient, name: str, data: bytes | None = None) -> str:
    """The preview's address, after uploading the file."""
    content = data if data is not None else (FILES / name).read_bytes()
    upload = SimpleUploadedFile(name, content, content_type="text/calendar")
    response = http.post("/calendar/import/", {"file": upload})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return str(response["Location"])


def _import(http: HttpClient, name: str, data: bytes | None = None) -> str:
    """Upload, then press Import on the preview; the page it ends on."""
    response = http.post(_upload(http, name, data), follow=True)
    assert response.status_code == 200
    return str(response.content.decode())


@pytest.fixture
def ben(owner: Member) -> Client:
    return client_create(
        practice=owner.practice,
        full_name="Ben Okafor",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "ben@example.org")],
    )


def test_the_preview_writes_nothing_until_import(
    maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    url = _upload(owner_http, "google.ics")
    page = owner_http.get(url).content.decode()
    assert not Appointment.objects.exists()
    counts = "<strong>52</strong> new appointments, <strong>0</strong> to update, "
    assert counts + "<strong>2</strong> left out" in page
    assert "<strong>Tuesday 1 December, 10:00</strong> with Maya" in page
    # The weekly check-in's coming year, from its first Monday: 51 times.
    assert "<strong>Monday 7 December, 09:00</strong> with Maya" in page
    assert "Monday 22 November 2027, 09:00" in page and "29 November 2027" not in page
    assert "Office closed: it is an all-day event" in page
    assert "Dentist: none of its guests is a client" in page

    done = owner_http.post(url, follow=True).content.decode()
    assert "Imported: 52 new appointments, 0 updated." in done
    appointment = Appointment.objects.get(source_uid="5q8m1v0c2t7k3o6j9h4r1s2a3b@google.com")
    assert appointment.client == maya
    assert appointment.starts_at == datetime(2026, 12, 1, 10, tzinfo=UTC)
    assert appointment.ends_at == datetime(2026, 12, 1, 10, 50, tzinfo=UTC)
    assert appointment.place == "Room 2, 14 Harbour Lane, Bristol"
    assert "door code is 4417" in appointment.notes
    assert not CalendarUpload.objects.exists()  # the file is not kept once imported
    assert owner_http.post(url).status_code == 404

    again = owner_http.get(_upload(owner_http, "google.ics")).content.decode()
    assert "<strong>0</strong> new appointments, <strong>52</strong> to update" in again


def test_a_university_timetable_in_utf16_without_a_byte_order_mark(
    maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    page = owner_http.get(_upload(owner_http, "timetable-utf16le.ics")).content.decode()
    assert "<strong>17</strong> new appointments" in page
    assert "Tuesday 24 November, 10:00" in page  # today's, later this morning
    assert "Tuesday 30 March 2027, 10:00" in page  # after the clocks go forward
    assert "Tuesday 22 December" not in page  # the vacation's EXDATEs
    assert 'Lecture: Research Methods <small class="muted">(3 times)</small>' in page

    owner_http.post(_upload(owner_http, "timetable-utf16le.ics"))
    tutorials = list(Appointment.objects.order_by("starts_at"))
    assert len(tutorials) == 17
    assert {row.starts_at.astimezone(LONDON).hour for row in tutorials} == {10}
    assert tutorials[0].starts_at == NOW.replace(hour=10)  # past weeks are not imported
    assert tutorials[-1].starts_at == datetime(2027, 3, 30, 9, tzinfo=UTC)  # 10:00 BST
    assert tutorials[0].place == "Seminar Room 2.14, Hartley Building"
    assert tutorials[0].source_uid == (
        "SPLUS-7F3A21C0-TUT-0042@timetable.harbour.ac.uk/20261124T100000Z"
    )


def test_importing_a_series_again_updates_it_and_applies_a_new_cancellation(
    ben: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    series = (FILES / "outlook-series.ics").read_bytes()
    # The file's last event is the cancelled occurrence: first, a file from before it.
    without_cancellation = series[: series.rindex(b"BEGIN:VEVENT")] + b"END:VCALENDAR\r\n"
    _import(owner_http, "outlook-series.ics", without_cancellation)
    assert Appointment.objects.count() == 7
    moved = Appointment.objects.get(starts_at=datetime(2026, 12, 11, 16, tzinfo=UTC))
    assert moved.source_uid.endswith("/20261210T140000Z")  # named by the time it moved from

    page = owner_http.get(_upload(owner_http, "outlook-series.ics")).content.decode()
    assert "<strong>0</strong> new appointments, <strong>6</strong> to update" in page
    assert "<strong>1</strong> to cancel" in page and "Thursday 17 December, 14:00" in page
    done = owner_http.post(_upload(owner_http, "outlook-series.ics"), follow=True)
    assert "Imported: 0 new appointments, 6 updated, 1 cancelled." in done.content.decode()
    assert Appointment.objects.count() == 7
    cancelled = Appointment.objects.get(starts_at=datetime(2026, 12, 17, 14, tzinfo=UTC))
    assert cancelled.status == AppointmentStatus.CANCELLED


def test_an_outlook_series_with_a_moved_and_a_cancelled_occurrence(
    ben: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    page = _import(owner_http, "outlook-series.ics")
    assert "Imported: 6 new appointments, 0 updated." in page
    starts = [row.starts_at for row in Appointment.objects.order_by("starts_at")]
    assert datetime(2026, 12, 10, 14, tzinfo=UTC) not in starts  # moved to the Friday
    assert datetime(2026, 12, 11, 16, tzinfo=UTC) in starts
    assert datetime(2026, 12, 17, 14, tzinfo=UTC) not in starts  # cancelled
    assert starts[-1] == datetime(2027, 1, 7, 14, tzinfo=UTC)  # COUNT=10 ends it


def test_google_series_with_until_and_count(
    maya: Client, ben: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    preview = owner_http.get(_upload(owner_http, "google-series.ics")).content.decode()
    assert "<strong>17</strong> new appointments" in preview
    assert "Admin day: it is an all-day event" in preview
    # In the order they happen, not series by series.
    assert preview.index("Thursday 3 December, 09:00") < preview.index("Wednesday 9 December")
    assert 'Lunchtime run <small class="muted">(52 times)</small>: none of its guests' in preview
    _import(owner_http, "google-series.ics")
    fortnightly = Appointment.objects.filter(client=maya).order_by("starts_at")
    assert fortnightly.count() == 11  # UNTIL 14 April
    assert fortnightly.last().starts_at == datetime(2027, 4, 14, 15, 30, tzinfo=UTC)  # 16:30 BST
    monthly = Appointment.objects.filter(client=ben).order_by("starts_at")
    assert monthly.count() == 6  # COUNT=6
    # UTC times in a file with X-WR-TIMEZONE keep their wall-clock time, as Google shows them.
    assert {row.starts_at.astimezone(LONDON).hour for row in monthly} == {9}


def test_a_series_with_more_than_500_times_is_cut_and_says_so(
    maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    hourly = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:hourly@example.org\r\n"
        "DTSTART:20261124T090000Z\r\nDTEND:20261124T093000Z\r\nRRULE:FREQ=HOURLY\r\n"
        "SUMMARY:Office hours\r\nATTENDEE:mailto:maya@example.org\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    page = owner_http.get(_upload(owner_http, "hourly.ics", hourly.encode())).content.decode()
    assert "<strong>500</strong> new appointments" in page
    assert "Office hours repeats more than 500 times in the coming year" in page
    assert "and 300 more" in page  # the list is shortened; the count above is whole


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
def test_each_encoding_real_files_use(
    encoding: str, maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    text = (FILES / "timetable-utf16le.ics").read_bytes().decode("utf-16-le")
    _import(owner_http, "timetable.ics", text.encode(encoding))
    first = Appointment.objects.order_by("starts_at").first()
    assert first is not None and Appointment.objects.count() == 17
    assert first.notes == "Weekly personal tutorial. Bring the reading log."
    page = owner_http.get(f"/appointments/{first.pk}/").content.decode()
    assert "Seminar Room 2.14" in page


def test_a_nul_in_the_file_is_dropped_not_a_500(
    maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    data = (FILES / "google.ics").read_bytes().replace(b"Bring the plan", b"Bring\x00 the plan")
    assert "Imported: 52 new appointments" in _import(owner_http, "nul.ics", data)
    coaching = Appointment.objects.get(source_uid="5q8m1v0c2t7k3o6j9h4r1s2a3b@google.com")
    assert "Bring the plan" in coaching.notes


def test_bad_files_are_refused_with_what_to_do(
    maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    good = (FILES / "google.ics").read_bytes()
    cases = [
        (b"", "That file is empty: export your calendar again"),
        (b"Name,Email\nMaya,maya@example.org\n", "That is not a calendar file: choose the .ics"),
        ("Name,Email\r\n".encode("utf-16"), "That is not a calendar file"),
        (good[: len(good) // 2], "damaged and could not be read"),
        (good + b" " * (5 * 1024 * 1024), "larger than 5 MB: export a shorter date range"),
    ]
    for data, message in cases:
        upload = SimpleUploadedFile("bad.ics", data, content_type="text/calendar")
        response = owner_http.post("/calendar/import/", {"file": upload})
        assert response.status_code == 400
        assert message in response.content.decode(), message
    assert owner_http.post("/calendar/import/", {}).status_code == 400
    assert not CalendarUpload.objects.exists() and not Appointment.objects.exists()


def test_a_file_with_nothing_to_import_says_what_to_do(
    owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    url = _upload(owner_http, "google.ics")  # no client has any of its guests' addresses
    page = owner_http.get(url).content.decode()
    assert "Nothing in this file can become an appointment" in page
    assert "add their email address to the client's page" in page
    assert ">Import</button>" not in page
    refused = owner_http.post(url, follow=True).content.decode()
    assert "Nothing in this file can become an appointment" in refused
    assert not Appointment.objects.exists()


def test_dates_that_cannot_be_read_leave_that_event_out(
    maya: Client, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    good = (FILES / "google.ics").read_bytes()
    data = good.replace(b"DTSTART;TZID=Europe/London:20261201T100000", b"DTSTART:2026-12-01")
    page = owner_http.get(_upload(owner_http, "bad.ics", data)).content.decode()
    assert "Maya / Sam: coaching: its dates could not be read" in page


def test_another_practice_cannot_see_or_import_an_upload(
    maya: Client, owner_http: HttpClient, outsider_http: HttpClient,
    clock: time_machine.Coordinates,
) -> None:  # fmt: skip
    url = _upload(owner_http, "google.ics")
    assert outsider_http.get(url).status_code == 404
    assert outsider_http.post(url).status_code == 404
    assert CalendarUpload.objects.count() == 1 and not Appointment.objects.exists()


def test_the_staff_member_sees_the_owners_upload_in_the_owners_calendar(
    maya: Client, owner: Member, owner_http: HttpClient, staff_http: HttpClient,
    clock: time_machine.Coordinates,
) -> None:  # fmt: skip
    url = _upload(owner_http, "google.ics")
    assert staff_http.get(url).status_code == 200
    staff_http.post(url)
    # The file is the owner's calendar: its events are the owner's appointments.
    assert {row.member for row in Appointment.objects.all()} == {owner}


def test_abandoned_uploads_go_after_a_day(
    owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    old = _upload(owner_http, "google.ics")
    clock.shift(timedelta(hours=23))
    recent = _upload(owner_http, "google.ics")
    clock.shift(timedelta(hours=1, seconds=1))
    assert calendar_uploads_prune(datetime.now(UTC)) == 1
    assert owner_http.get(old).status_code == 404
    assert owner_http.get(recent).status_code == 200
