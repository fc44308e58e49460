"""Cancelling asks first and can be done from the keyboard alone: Cancel…, a page that names
the appointment, then on to the composer with the client told."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from rapport.appointments.models import Appointment, AppointmentStatus
from rapport.appointments.services import appointment_create
from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD


def test_cancel_confirms_and_offers_to_tell_the_client_by_keyboard(  # type: ignore[no-untyped-def]
    page: Page, live_server, transactional_db, settings: Any
) -> None:
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    maya = client_create(
        practice=owner.practice,
        full_name="Maya Lindqvist",
        preferred_name="Maya",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")],
    )
    start = timezone.localtime(timezone.now(), owner.practice.zone) + timedelta(days=2)
    start = start.replace(hour=10, minute=0, second=0, microsecond=0)
    appointment = appointment_create(
        client=maya, member=owner, starts_at=start, ends_at=start + timedelta(hours=1),
        place="Room 2, 14 Harbour Lane",
    )  # fmt: skip

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/calendar/?day={start:%Y-%m-%d}")
    row = page.locator(".appointment", has_text="Maya")
    expect(row.get_by_label("Running late by")).to_have_count(0)  # two days ahead
    row.get_by_role("button", name="Cancel…").focus()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Cancel Maya’s appointment?")).to_be_visible()  # noqa: RUF001
    expect(page.get_by_text(f"{start:%A} {start.day} {start:%B}, 10:00")).to_be_visible()
    tell = page.get_by_label("Write to Maya next")
    expect(tell).to_be_checked()
    expect(page.get_by_role("link", name="Keep the appointment")).to_be_visible()
    page.get_by_role("button", name="Cancel the appointment").focus()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(rf"/appointments/{appointment.pk}/message/\?cancelled=1"))
    expect(page.get_by_role("textbox", name="Message")).to_have_value(re.compile(r"is cancelled"))
    appointment.refresh_from_db()
    assert appointment.status == AppointmentStatus.CANCELLED
    assert Appointment.objects.filter(status=AppointmentStatus.CANCELLED).count() == 1
