"""Both sides of running late: the provider books, says they are late and approves the apology;
the client opens the private link in their own browser and picks a new time."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from rapport.appointments.models import Appointment
from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD
from tests.messaging.conftest import send_after_undo_window


def test_running_late_and_the_client_reschedules(  # type: ignore[no-untyped-def]
    page: Page, browser: Browser, live_server, transactional_db, settings: Any
) -> None:
    settings.RAPPORT_BASE_URL = live_server.url
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    maya = client_create(
        practice=owner.practice,
        full_name="Maya Lindqvist",
        preferred_name="Maya",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")],
    )
    # Half an hour ahead: running late is offered from an hour before the start.
    start = timezone.localtime(timezone.now(), owner.practice.zone) + timedelta(minutes=30)
    start = start.replace(second=0, microsecond=0)

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/appointments/new/?client={maya.pk}")
    page.get_by_label("When").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("How long").select_option(label="1 hour")
    page.get_by_label("Place").fill("Room 2, 14 Harbour Lane")
    page.get_by_role("button", name="Book").click()
    expect(page.get_by_text(re.compile(rf"Booked Maya for .* {start:%H:%M}"))).to_be_visible()

    row = page.locator(".appointment", has_text="Maya")
    row.get_by_label("Running late by").select_option(label="15 minutes")
    row.get_by_role("button", name="Tell them").click()
    body = page.get_by_role("textbox", name="Message")
    expect(body).to_have_value(re.compile(r"/r/[^/\s]+/"))
    expect(body).to_have_value(re.compile(rf"with you at {start + timedelta(minutes=15):%H:%M}"))
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text(re.compile(r"goes to maya@example\.org at"))).to_be_visible()
    assert send_after_undo_window() == 1
    link = re.search(r"http\S+/r/[^/\s]+/", mail.outbox[0].body)
    assert link is not None

    visitor = browser.new_context()  # the client: another browser, no login
    client_page = visitor.new_page()
    client_page.goto(link.group(0))
    expect(client_page.get_by_role("heading", name="Your appointment")).to_be_visible()
    expect(client_page.get_by_text("Room 2, 14 Harbour Lane")).to_be_visible()
    offered = client_page.locator("input[name=choice]:not([value=keep])").first
    chosen = offered.get_attribute("value")
    offered.check()
    client_page.get_by_role("button", name="Confirm").click()
    expect(client_page.get_by_text("Your appointment is now:")).to_be_visible()
    visitor.close()

    appointment = Appointment.objects.get()
    assert chosen is not None and appointment.starts_at.isoformat() == chosen
    assert appointment.starts_at != start and appointment.late_notices == 1
    page.goto(f"{live_server.url}/")
    expect(page.get_by_text(re.compile(r"^Maya chose .+ instead$"))).to_be_visible()
