"""Importing a calendar in the browser: choose the file, read the preview (on a phone too),
press Import."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from rapport.appointments.models import Appointment, CalendarUpload
from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD

GOOGLE = Path(__file__).parents[1] / "appointments" / "calendars" / "google.ics"


def test_a_calendar_file_is_previewed_then_imported(  # type: ignore[no-untyped-def]
    page: Page, live_server, transactional_db
) -> None:
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    client_create(
        practice=owner.practice,
        full_name="Maya Patel",
        preferred_name="Maya",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")],
    )
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/calendar/import/")
    page.get_by_label("Calendar file (.ics)").set_input_files(str(GOOGLE))
    page.get_by_role("button", name="Preview").click()

    expect(page.get_by_role("heading", name="Before anything is written")).to_be_visible()
    expect(page.get_by_text("Dentist: none of its guests is a client")).to_be_visible()
    assert not Appointment.objects.exists()
    page.set_viewport_size({"width": 390, "height": 844})
    # On a phone the preview fits the screen: nothing to scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text(re.compile(r"Imported: \d+ new appointments"))).to_be_visible()
    assert Appointment.objects.filter(client__full_name="Maya Patel").exists()
    assert not CalendarUpload.objects.exists()
