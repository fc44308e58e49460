"""In Chromium: from Today, “I'm not at my best today”, then each client's note read and
approved in the composer, one by one, until the page says all are written."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import time_machine
from playwright.sync_api import Page, expect

from rapport.appointments.services import appointment_create
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Member
from rapport.practices.services import practice_create
from tests.conftest import NOW, PASSWORD


def _booked(owner: Member, name: str, hour: int) -> Client:
    client = client_create(
        practice=owner.practice,
        full_name=name,
        preferred_name=name.split()[0],
        contact_points=[
            ContactPointInput(ContactKind.EMAIL, f"{name.split()[0].lower()}@example.org")
        ],
    )
    start = NOW.replace(hour=hour)
    appointment_create(
        client=client, member=owner, starts_at=start, ends_at=start + timedelta(hours=1)
    )
    return client


def test_not_at_my_best_drafts_each_note_for_approval(  # type: ignore[no-untyped-def]
    page: Page, live_server, transactional_db, settings: Any
) -> None:
    with time_machine.travel(NOW, tick=True):
        owner = practice_create(
            name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam",
            password=PASSWORD,
        )  # fmt: skip
        _booked(owner, "Maya Lindqvist", 11)
        _booked(owner, "Ben Okafor", 15)

        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Email").fill("sam@harbour.example")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()

        page.get_by_role("link", name="I'm not at my best", exact=True).click()
        expect(page.get_by_role("heading", name="Not at my best today")).to_be_visible()
        expect(page.get_by_text("2 notes still to write")).to_be_visible()

        for approved, name in enumerate(("Maya", "Ben")):
            page.get_by_role("button", name=f"Write the note to {name}").click()
            body = page.get_by_label("Message")
            expect(body).to_contain_text(f"Hi {name},")
            expect(body).to_contain_text("I'm not at my best today")
            expect(body).to_contain_text("/r/")  # the reschedule link, as running late offers
            assert OutboxMessage.objects.count() == approved  # nothing goes before approval
            page.get_by_role("button", name="Approve").click()
            expect(page.get_by_text("Undo").first).to_be_visible()
            page.goto(f"{live_server.url}/appointments/not-at-my-best/")

        expect(page.get_by_text("All written.")).to_be_visible()
        expect(page.locator(".honest-notes .chip")).to_have_count(2)
        assert sorted(m.to_address for m in OutboxMessage.objects.all()) == [
            "ben@example.org",
            "maya@example.org",
        ]
