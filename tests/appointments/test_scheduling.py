"""Booking, overlaps, midnight and clock changes, what happened, punctuality, reminders."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.http import HttpResponse
from django.test import Client as HttpClient

from rapport.appointments.clock import client_time, client_when
from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.services import punctuality
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Member
from rapport.timeline.models import Interaction, InteractionKind
from rapport.timeline.services import PromiseInput, interaction_create
from tests.appointments.conftest import appointment_items, book
from tests.conftest import NOW


def _book(http: HttpClient, client: Client, member: Member, when: str, length: int = 60) -> str:
    response = http.post(
        "/appointments/new/",
        {
            "client": client.pk,
            "member": member.pk,
            "starts_at": when,
            "length": length,
            "place": "Room 2",
        },
        follow=True,
    )
    return response.content.decode()


def test_booking_from_the_form_and_overlaps_are_flagged_not_refused(
    maya: Client, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    page = _book(owner_http, maya, owner, "2026-11-24T10:00")
    assert "Booked Maya for Tuesday 24 November, 10:00" in page
    ben = client_create(practice=owner.practice, full_name="Ben Okafor")
    page = _book(owner_http, ben, owner, "2026-11-24T10:30")
    assert "This overlaps with Maya at 10:00" in page
    assert Appointment.objects.count() == 2
    day = owner_http.get("/calendar/", {"day": "2026-11-24"}).content.decode()
    assert day.count("Overlaps with") == 2
    week = owner_http.get("/calendar/week/", {"day": "2026-11-26"}).content.decode()
    assert "Maya" in week and "Ben Okafor" in week and "overlaps" in week


def test_an_appointment_across_midnight_shows_on_both_days(
    maya: Client, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    _book(owner_http, maya, owner, "2026-11-24T23:30", length=90)
    appointment = Appointment.objects.get()
    assert appointment.ends_at == datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
    tuesday = owner_http.get("/calendar/", {"day": "2026-11-24"}).content.decode()
    wednesday = owner_http.get("/calendar/", {"day": "2026-11-25"}).content.decode()
    assert "(ends Wednesday)" in tuesday and "Maya" in wednesday


def test_an_hour_is_an_hour_on_the_night_the_clocks_go_back(
    maya: Client, owner: Member, owner_http: HttpClient
) -> None:
    with time_machine.travel(datetime(2026, 10, 20, 9, tzinfo=UTC), tick=False):
        _book(owner_http, maya, owner, "2026-10-25T00:30", length=120)
    appointment = Appointment.objects.get()
    assert appointment.ends_at - appointment.starts_at == timedelta(hours=2)
    assert appointment.starts_at == datetime(2026, 10, 24, 23, 30, tzinfo=UTC)  # 00:30 BST


def test_bad_bookings_say_what_to_fix(
    maya: Client, owner: Member, outsider: Member, owner_http: HttpClient
) -> None:
    theirs = client_create(practice=outsider.practice, full_name="Not Yours")
    cases = [
        ({"client": maya.pk, "starts_at": "next tuesday", "length": 60}, "Enter a valid date"),
        ({"client": maya.pk, "starts_at": "2026-11-24T10:00", "length": 9999}, "valid choice"),
        ({"client": theirs.pk, "starts_at": "2026-11-24T10:00", "length": 60}, "valid choice"),
        ({"starts_at": "2026-11-24T10:00", "length": 60}, "This field is required"),
    ]
    for data, message in cases:
        response = owner_http.post("/appointments/new/", {"member": owner.pk, **data})
        assert response.status_code == 400 and message in response.content.decode(), data
    assert not Appointment.objects.exists()


def test_starting_completing_and_what_it_leaves_behind(
    session: Appointment, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    early = owner_http.post(
        f"/appointments/{session.pk}/status/", {"action": "completed"}, follow=True
    )
    assert "It has not started yet" in early.content.decode()
    clock.move_to(NOW.replace(hour=10, minute=7))
    owner_http.post(f"/appointments/{session.pk}/status/", {"action": "start"})
    clock.move_to(NOW.replace(hour=11, minute=10))
    owner_http.post(f"/appointments/{session.pk}/status/", {"action": "completed"})
    session.refresh_from_db()
    assert session.status == AppointmentStatus.COMPLETED
    assert session.actual_start_at == NOW.replace(hour=10, minute=7)
    meeting = Interaction.objects.get(client=session.client)
    assert (
        meeting.kind == InteractionKind.MEETING and meeting.occurred_at == session.actual_start_at
    )
    follow_up = appointment_items(owner.practice, "follow_up")
    assert [item.object_id for item in follow_up] == [session.pk]
    assert follow_up[0].write == "purpose=thank_you"
    earlier = book(session.client, owner, hour=8)  # an earlier session that day: one item
    earlier.status = AppointmentStatus.COMPLETED
    earlier.save()
    next_week = book(session.client, owner)
    next_week.starts_at += timedelta(days=7)
    next_week.ends_at += timedelta(days=7)
    next_week.save()  # the next session is booked: they will hear from you then
    assert not appointment_items(owner.practice, "follow_up")
    interaction_create(
        client=session.client,
        kind=InteractionKind.NOTE,
        summary="Promised the worksheet.",
        promises=[PromiseInput("Send the worksheet", NOW.date() + timedelta(days=3))],
    )  # ...unless something is owed
    assert [item.object_id for item in appointment_items(owner.practice, "follow_up")] == [
        session.pk
    ]
    again = owner_http.post(
        f"/appointments/{session.pk}/status/", {"action": "cancelled"}, follow=True
    )
    assert "already completed" in again.content.decode()
    clock.move_to(NOW + timedelta(days=1))
    owner_http.post(
        f"/clients/{session.client_id}/compose/",
        {
            "channel": "phone",
            "body": "Thank you for today, Maya. I'll send the notes by Friday.",
        },
    )
    assert not appointment_items(owner.practice, "follow_up")


def test_punctuality_is_an_honest_mirror(
    maya: Client, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    for days_ago, delay, notice in [(7, 0, 0), (14, 3, 0), (21, 20, 1)]:
        appointment = book(maya, owner)
        appointment.starts_at -= timedelta(days=days_ago)
        appointment.ends_at -= timedelta(days=days_ago)
        appointment.actual_start_at = appointment.starts_at + timedelta(minutes=delay)
        appointment.late_notices = notice
        appointment.status = AppointmentStatus.COMPLETED
        appointment.save()
    book(maya, owner, hour=15)  # not started yet: not counted
    record = punctuality(member=owner, since=NOW - timedelta(days=90))
    assert (record.started, record.on_time, record.late_notices) == (3, 2, 1)
    assert round(record.average_delay_minutes, 2) == 7.67
    page = owner_http.get("/calendar/").content.decode()
    assert "2 of 3 appointments with a recorded start began within five minutes" in page
    assert "on average 8 minutes after" in page and "1 late notice" in page


def test_reminders_are_drafted_for_tomorrow_and_approved_by_the_provider(
    maya: Client, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    maya.wants_reminders = True
    maya.save()
    quiet = client_create(
        practice=owner.practice,
        full_name="Ben Okafor",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "ben@example.org")],
    )
    tomorrow = book(maya, owner)
    tomorrow.starts_at += timedelta(days=1)
    tomorrow.ends_at += timedelta(days=1)
    tomorrow.save()
    unasked = book(quiet, owner, hour=11)  # tomorrow too, but Ben did not ask for reminders
    unasked.starts_at += timedelta(days=1)
    unasked.ends_at += timedelta(days=1)
    unasked.save()
    section = appointment_items(owner.practice, "reminder")
    assert [item.headline for item in section] == ["Remind Maya of tomorrow 10:00"]
    today = owner_http.get("/").content.decode()
    write = re.search(rf'href="(/appointments/{tomorrow.pk}/message/\?reminder=1)"', today)
    assert write is not None
    draft = owner_http.get(write.group(1)).content.decode()
    assert "See you on Wednesday 25 November, 10:00" in draft
    assert "meeting on Wednesday 25 November, 10:00 at Room 2, 14 Harbour Lane." in draft
    response = owner_http.post(
        f"/appointments/{tomorrow.pk}/message/",
        {
            "channel": "email",
            "to_address": "maya@example.org",
            "subject": "See you on Wednesday 25 November, 10:00",
            "body": "Hi Maya,\n\nA short reminder that we're meeting tomorrow at 10:00.\n\nAda",
            "essential": "on",
            "reminder": "True",
        },
    )
    assert response.status_code == 302
    assert OutboxMessage.objects.get().essential
    assert not appointment_items(owner.practice, "reminder")


def test_the_next_appointment_on_the_client_page_and_today(
    session: Appointment, owner_http: HttpClient
) -> None:
    page = owner_http.get(f"/clients/{session.client_id}/").content.decode()
    assert "Next appointment:" in page and "today 10:00" in page
    today = owner_http.get("/").content.decode()
    assert "Coming up" in today and "today 10:00" in today


def test_a_message_about_an_appointment_is_written_to_its_client_only(
    session: Appointment, owner: Member, owner_http: HttpClient
) -> None:
    client_create(practice=owner.practice, full_name="Ben Okafor")  # another client, unseen
    page = owner_http.get(f"/appointments/{session.pk}/message/", {"late": "x"})
    assert page.status_code == 200 and "Write to Maya" in page.content.decode()
    assert "Ben" not in page.content.decode()
    assert owner_http.get("/appointments/999999/message/").status_code == 404


def test_calendar_views_take_bad_days_and_foreign_members_calmly(
    owner: Member, outsider: Member, owner_http: HttpClient
) -> None:
    bad_day = owner_http.get("/calendar/", {"day": "2026-02-30"}, follow=True)
    assert bad_day.status_code == 200 and "is not a day: showing today" in bad_day.content.decode()
    assert owner_http.get("/calendar/", {"member": outsider.pk}).status_code == 404
    assert owner_http.get("/calendar/week/", {"member": "me"}).status_code == 404
    empty = owner_http.get("/calendar/").content.decode()
    assert "Nothing booked" in empty and "Book an appointment" in empty


def test_midnight_utc_is_not_midnight_for_a_client_abroad(
    maya: Client, owner: Member, clock: time_machine.Coordinates
) -> None:
    moment = datetime(2026, 11, 24, 23, 30, tzinfo=UTC)
    maya.time_zone = "Pacific/Auckland"
    assert client_time(moment, maya.zone, owner.zone) == "12:30 Auckland time"
    assert client_when(moment, maya.zone, NOW) == "Wednesday 25 November, 12:30"


def test_fifty_minutes_is_a_length_to_choose(owner_http: HttpClient) -> None:
    """The therapeutic hour is offered as it is, not as an odd length added to one booking."""
    page = owner_http.get("/appointments/new/").content.decode()
    assert '<option value="50">50 minutes</option>' in page


def _save_lengths(http: HttpClient, lengths: str) -> HttpResponse:
    return http.post(
        "/settings/",
        {
            "practice": "1",
            "practice-name": "Harbour Lane",
            "practice-time_zone": "Europe/London",
            "practice-work_starts": "09:00",
            "practice-work_ends": "17:30",
            "practice-currency": "GBP",
            "practice-undo_seconds": "30",
            "practice-usual_lengths": lengths,
        },
    )


def test_a_booking_starts_at_the_practices_usual_length(
    owner: Member, owner_http: HttpClient
) -> None:
    """The lengths the practice books most come first, the first chosen; the rest stay."""
    assert _save_lengths(owner_http, " 50,80 ;30, 50").status_code == 302
    owner.practice.refresh_from_db()
    assert owner.practice.usual_lengths == "50, 80, 30"
    page = owner_http.get("/appointments/new/").content.decode()
    usual = page.index('label="Your usual lengths"')
    other = page.index('label="Other lengths"')
    assert usual < page.index('value="50" selected') < page.index('value="80"') < other
    assert other < page.index('value="120"')  # two hours is still there, after them
    maya = client_create(practice=owner.practice, full_name="Maya Lind")
    _book(owner_http, maya, owner, "2026-12-08T10:00", length=80)
    booked = Appointment.objects.get(client=maya)
    assert booked.ends_at - booked.starts_at == timedelta(minutes=80)


@pytest.mark.parametrize(
    ("lengths", "said"),
    [
        ("", "This field is required"),
        ("fifty", "whole minutes separated by commas"),
        ("50, 2", "between 5 minutes and 12 hours"),
        ("5, 10, 15, 20, 25, 30, 35, 40, 45", "the 8 lengths you book most"),
    ],
)
def test_usual_lengths_that_cannot_be_read_say_what_to_write(
    owner: Member, owner_http: HttpClient, lengths: str, said: str
) -> None:
    response = _save_lengths(owner_http, lengths)
    assert response.status_code == 400 and said in response.content.decode()
    owner.practice.refresh_from_db()
    assert owner.practice.usual_lengths == "60, 50, 30"
