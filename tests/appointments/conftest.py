"""A client with an email, booked with the owner on a pinned Tuesday morning."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from rapport.appointments.models import Appointment
from rapport.appointments.services import appointment_create
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.desk.today.agenda import Item, agenda_build
from rapport.practices.models import Member, Practice
from tests.messaging.conftest import MailServer, mail_server  # noqa: F401 (a shared fixture)

# Tuesday 24 November 2026, 08:00 in London (UTC in winter).
NOW = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Iterator[time_machine.Coordinates]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def maya(owner: Member) -> Client:
    return client_create(
        practice=owner.practice,
        full_name="Maya Patel",
        preferred_name="Maya",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")],
    )


def book(client: Client, member: Member, hour: int = 10, minutes: int = 60) -> Appointment:
    start = NOW.replace(hour=hour)
    return appointment_create(
        client=client,
        member=member,
        starts_at=start,
        ends_at=start + timedelta(minutes=minutes),
        place="Room 2, 14 Harbour Lane",
        notes="Private: talked about the divorce.",
    )


@pytest.fixture
def session(maya: Client, owner: Member, clock: time_machine.Coordinates) -> Appointment:
    return book(maya, owner)


def appointment_items(practice: Practice, kind: str) -> list[Item]:
    """The items of one kind in Today's appointments section."""
    section = agenda_build(practice).section("appointments")
    return [item for item in section.items if item.section == kind]
