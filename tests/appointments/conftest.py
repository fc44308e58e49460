"""A client with an email, booked with the owner at 10:00 on the tests' Tuesday (NOW)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from rapport.appointments.models import Appointment
from rapport.appointments.services import appointment_create
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.desk.today.agenda import Item, agenda_build
from rapport.practices.models import Member, Practice
from tests.conftest import NOW
from tests.messaging.conftest import MailServer, mail_server  # noqa: F401 (a shared fixture)


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
def session(maya: Client, owner: Member, clock: time_machine.Traveller) -> Appointment:
    return book(maya, owner)


def appointment_items(practice: Practice, kind: str) -> list[Item]:
    """The items of one kind in Today's appointments section."""
    section = agenda_build(practice).section("appointments")
    return [item for item in section.items if item.section == kind]
