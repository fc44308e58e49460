"""An appointment that happened is contact: a meeting on the timeline, once, that restarts the
check-in rhythm; Today's follow-up and check-in never contradict each other (issue 11, obs. 2)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client as HttpClient
from django.utils.html import strip_tags

from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.services import appointment_finish, appointment_start
from rapport.clients.models import Client
from rapport.desk.today.agenda import agenda_build
from rapport.practices.models import Member
from rapport.timeline.models import Direction, Interaction, InteractionKind
from rapport.timeline.services import interaction_create
from tests.appointments.conftest import book
from tests.conftest import NOW


@pytest.fixture
def due(maya: Client, clock: time_machine.Coordinates) -> Client:
    """Maya wants check-ins every two weeks, and the last contact was a call 16 days ago."""
    maya.checkin_consent = "yes"
    maya.rhythm_days = 14
    maya.client_since = (NOW - timedelta(days=365)).date()
    maya.save()
    interaction_create(
        client=maya,
        kind=InteractionKind.CALL,
        direction=Direction.OUTBOUND,
        occurred_at=NOW - timedelta(days=16),
        summary="Caught up on the phone.",
    )
    maya.refresh_from_db()
    assert maya.checkin_due_at is not None and maya.checkin_due_at <= NOW
    return maya


def _status(http: HttpClient, appointment: Appointment, action: str) -> None:
    response = http.post(f"/appointments/{appointment.pk}/status/", {"action": action})
    assert response.status_code == 302


def _meetings(client: Client) -> list[Interaction]:
    return list(Interaction.objects.filter(client=client, kind=InteractionKind.MEETING))


def _today(member: Member) -> dict[str, list[str]]:
    """Each section of Today as "section: headline" lines, with the item's own section."""
    agenda = agenda_build(member.practice)
    return {
        section.key: [f"{item.section}: {item.headline} / {item.detail}" for item in section.items]
        for section in agenda.sections
    }


def test_seen_this_morning_is_contact_and_today_does_not_contradict_itself(
    due: Client, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    assert [line.split(":")[:2] for line in _today(owner)["checkin"]] == [["checkin", " Maya"]]
    session = book(due, owner, hour=9, minutes=50)
    clock.move_to(NOW.replace(hour=9, minute=2))
    _status(owner_http, session, "start")
    clock.move_to(NOW.replace(hour=10, minute=0))
    _status(owner_http, session, "completed")

    session.refresh_from_db()
    due.refresh_from_db()
    (meeting,) = _meetings(due)
    assert session.interaction == meeting
    assert (meeting.direction, meeting.occurred_at) == (
        Direction.NONE,
        NOW.replace(minute=2, hour=9),
    )
    assert due.last_contact_at == meeting.occurred_at
    assert due.checkin_due_at is not None and due.checkin_due_at > NOW + timedelta(days=13)

    today = _today(owner)
    assert not today["checkin"]
    assert today["appointments"] == ["follow_up: Follow up with Maya / You saw them today."]
    page = owner_http.get(f"/clients/{due.pk}/").content.decode()
    assert "Appointment at Room 2, 14 Harbour Lane." in page  # the meeting on the timeline
    assert "last contact today" in strip_tags(page)

    # A word after the appointment ends the follow-up; a check-in is not due either.
    clock.move_to(NOW.replace(hour=15))
    interaction_create(
        client=due,
        kind=InteractionKind.EMAIL,
        direction=Direction.OUTBOUND,
        summary="Sent the notes from this morning.",
    )
    today = _today(owner)
    assert not today["checkin"] and not today["appointments"]


def test_a_session_started_after_its_booked_end_is_still_followed_up(
    due: Client, owner: Member, clock: time_machine.Coordinates
) -> None:
    """The meeting is at the real start, here (recorded by hand, or imported) after the booked
    end: it is the appointment itself, not contact since."""
    session = book(due, owner, hour=9, minutes=30)
    session.actual_start_at = NOW.replace(hour=9, minute=40)
    session.save()
    clock.move_to(NOW.replace(hour=10, minute=20))
    appointment_finish(appointment=session, status=AppointmentStatus.COMPLETED)
    assert _meetings(due)[0].occurred_at == session.actual_start_at
    today = _today(owner)
    assert today["appointments"] == ["follow_up: Follow up with Maya / You saw them today."]
    assert not today["checkin"]


def test_an_appointment_in_progress_is_already_contact_and_finishing_adds_no_second_meeting(
    due: Client, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    session = book(due, owner, hour=10)
    clock.move_to(NOW.replace(hour=10, minute=3))
    _status(owner_http, session, "start")
    (meeting,) = _meetings(due)
    due.refresh_from_db()
    assert due.last_contact_at == NOW.replace(hour=10, minute=3) == meeting.occurred_at
    assert not _today(owner)["checkin"]
    clock.move_to(NOW.replace(hour=11, minute=5))
    _status(owner_http, session, "completed")
    assert _meetings(due) == [meeting]


@pytest.mark.parametrize("ending", [AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW])
def test_a_started_appointment_that_did_not_happen_takes_its_meeting_back(
    due: Client, owner: Member, clock: time_machine.Coordinates, ending: str
) -> None:
    session = book(due, owner, hour=10)
    clock.move_to(NOW.replace(hour=10, minute=1))
    appointment_start(appointment=session)
    assert len(_meetings(due)) == 1
    appointment_finish(appointment=session, status=ending)
    session.refresh_from_db()
    due.refresh_from_db()
    assert not _meetings(due) and session.interaction is None
    assert due.last_contact_at == NOW - timedelta(days=16)  # the summary is rebuilt
    (line,) = _today(owner)["checkin"]
    assert line.startswith("checkin: Maya: last contact ") and "today" not in line


def test_an_imported_cancellation_takes_the_meeting_back(
    due: Client, owner: Member, clock: time_machine.Coordinates
) -> None:
    from rapport.appointments.ics_import import calendar_import

    session = book(due, owner, hour=7)
    session.source_uid = "abc@example.org"
    session.save()
    appointment_finish(appointment=session, status=AppointmentStatus.COMPLETED)
    assert len(_meetings(due)) == 1
    calendar = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        "UID:abc@example.org\r\nDTSTART:20261124T070000Z\r\nDTEND:20261124T080000Z\r\n"
        "SUMMARY:Maya\r\nSTATUS:CANCELLED\r\nATTENDEE:mailto:maya@example.org\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    calendar_import(data=calendar.encode(), member=owner)
    session.refresh_from_db()
    assert session.status == AppointmentStatus.CANCELLED
    assert not _meetings(due)


def _incoherent(appointments: list[Appointment]) -> list[str]:
    """Appointments that happened without their meeting, or with a meeting when they did not."""
    wrong = []
    for appointment in appointments:
        meeting = appointment.interaction
        met = appointment.status in (AppointmentStatus.COMPLETED, AppointmentStatus.IN_PROGRESS)
        if met != (meeting is not None) or (
            meeting is not None
            and (meeting.kind, meeting.client_id, meeting.occurred_at)
            != (
                InteractionKind.MEETING,
                appointment.client_id,
                appointment.actual_start_at or appointment.starts_at,
            )
        ):
            wrong.append(f"{appointment} {appointment.status}")
    return wrong


@pytest.mark.django_db
def test_the_demos_past_appointments_are_meetings_on_the_timeline() -> None:
    from rapport.demo import demo_practice_ensure

    practice, _ = demo_practice_ensure()
    appointments = list(
        Appointment.objects.for_practice(practice).select_related("interaction", "client")
    )
    assert sum(row.status == AppointmentStatus.COMPLETED for row in appointments) > 40
    assert _incoherent(appointments) == []
    agenda = agenda_build(practice)
    followed = {
        item.client.pk
        for item in agenda.section("appointments").items
        if item.section == "follow_up"
    }
    due = {item.client.pk for item in agenda.section("checkin").items}
    assert followed and not followed & due
    for client in Client.objects.filter(pk__in=followed):
        assert client.last_contact_at is not None  # at least the appointment itself


@pytest.mark.django_db
def test_the_bulk_practices_past_appointments_are_meetings_too(owner: Member) -> None:
    from rapport.demo.bulk import BulkSize, bulk_practice

    bulk_practice(owner.practice, BulkSize(clients=60, interactions=300, facts=10, dates=10))
    appointments = list(
        Appointment.objects.for_practice(owner.practice).select_related("interaction")
    )
    assert _incoherent(appointments) == []
    for client in Client.objects.for_practice(owner.practice):
        met = [
            a.actual_start_at
            for a in appointments
            if a.client_id == client.pk and a.status == AppointmentStatus.COMPLETED
        ]
        assert client.last_contact_at is not None and client.last_contact_at >= max(met)


def test_appointments_completed_before_the_link_find_their_meeting(
    maya: Client, owner: Member, clock: time_machine.Coordinates
) -> None:
    """The migration that added the link finds the meeting each completed appointment left."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("rapport.appointments.migrations.0003_meeting")
    sessions = [book(maya, owner, hour=hour) for hour in (1, 2)]
    for session in sessions:
        session.starts_at -= timedelta(days=1)
        session.ends_at -= timedelta(days=1)
        session.status = AppointmentStatus.COMPLETED
        session.save()
    same_time = [
        interaction_create(
            client=maya,
            kind=InteractionKind.MEETING,
            occurred_at=sessions[0].starts_at,
            summary="Appointment.",
        )
        for _ in range(2)
    ]
    migration.link_meetings(apps, None)
    first, second = (Appointment.objects.get(pk=session.pk) for session in sessions)
    assert first.interaction in same_time and second.interaction is None


def test_a_completed_appointment_moved_by_hand_moves_its_meeting_but_not_into_the_future(
    due: Client, owner: Member, owner_http: HttpClient, clock: time_machine.Coordinates
) -> None:
    session = book(due, owner, hour=7)
    appointment_finish(appointment=session, status=AppointmentStatus.COMPLETED)

    def move(when: str) -> int:
        return owner_http.post(
            f"/appointments/{session.pk}/",
            {"client": due.pk, "member": owner.pk, "starts_at": when, "length": 60},
        ).status_code

    assert move("2026-11-24T06:30") == 302  # it really began at 06:30
    (meeting,) = _meetings(due)
    assert meeting.occurred_at == NOW.replace(hour=6, minute=30)
    assert move("2026-11-25T06:30") == 400
    assert _meetings(due)[0].occurred_at == NOW.replace(hour=6, minute=30)
