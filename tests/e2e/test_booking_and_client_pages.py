"""In Chromium: booking through the client picker with the keyboard, the week's time grid at a
desk's width and a phone's, and a client saying none of the offered times work, which the
provider then finds in Today."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from rapport.appointments.links import reschedule_token
from rapport.appointments.models import Appointment, ClientChoice
from rapport.appointments.services import appointment_create
from rapport.clients.models import Client
from rapport.clients.services import client_create
from rapport.practices.models import Member
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD
from tests.e2e.conftest import ARTIFACTS


def _owner(email: str = "sam@harbour.example") -> Member:
    owner = practice_create(
        name="Harbour Lane", owner_email=email, owner_name="Sam Rivers", password=PASSWORD
    )
    owner.practice.core_values = "Unhurried, honest, on your side."
    owner.practice.save()
    return owner


def _log_in(page: Page, url: str, email: str = "sam@harbour.example") -> None:
    page.goto(f"{url}/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_picker_finds_as_you_type_and_books_with_the_keyboard(  # type: ignore[no-untyped-def]
    page: Page, live_server, transactional_db
) -> None:
    owner = _owner()
    for name in ["Ewa Wiśniewska", "Tomek Wiśniewski", "Ada Lovelace", "Siobhán Ní Bhriain"]:
        client_create(practice=owner.practice, full_name=name)
    outsider = practice_create(
        name="Next Door", owner_email="bo@next.example", owner_name="Bo", password=PASSWORD
    )
    client_create(practice=outsider.practice, full_name="Wisniewski Next Door")
    _log_in(page, live_server.url)
    page.goto(f"{live_server.url}/appointments/new/")

    search = page.get_by_label("Find a client by name")
    search.press_sequentially("wisn", delay=40)
    choices = page.locator("#client-matches input[name=client]")
    expect(choices).to_have_count(2)
    expect(page.locator("#client-matches")).not_to_contain_text("Next Door")
    expect(page.locator("#client-matches")).to_contain_text("2 matches for “wisn”")
    search.press("ArrowDown")  # into the list: the first match, chosen
    expect(page.get_by_role("radio", name="Ewa Wiśniewska")).to_be_checked()
    page.keyboard.press("ArrowDown")  # the arrow keys move through the list
    tomek = page.get_by_role("radio", name="Tomek Wiśniewski")
    expect(tomek).to_be_checked()
    expect(tomek).to_be_focused()
    expect(search).to_have_value("Tomek Wiśniewski")
    _shot(page, "booking-picker-1280")

    start = (timezone.localtime(timezone.now(), owner.practice.zone) + timedelta(days=2)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    page.get_by_label("When").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("How long").select_option(label="50 minutes")
    page.get_by_role("button", name="Book").click()
    expect(page.get_by_text(re.compile(r"Booked Tomek Wiśniewski for"))).to_be_visible()
    booked = Appointment.objects.get()
    assert booked.client.full_name == "Tomek Wiśniewski"
    assert booked.ends_at - booked.starts_at == timedelta(minutes=50)


def test_enter_in_the_search_box_chooses_and_nothing_is_booked_by_accident(  # type: ignore[no-untyped-def]
    page: Page, live_server, transactional_db
) -> None:
    owner = _owner()
    client_create(practice=owner.practice, full_name="Ada Lovelace")
    _log_in(page, live_server.url)
    page.goto(f"{live_server.url}/appointments/new/")
    search = page.get_by_label("Find a client by name")
    search.press_sequentially("LOVE", delay=40)
    expect(page.locator("#client-matches input[name=client]")).to_have_count(1)
    search.press("Enter")
    expect(page.get_by_role("radio", name="Ada Lovelace")).to_be_checked()
    assert not Appointment.objects.exists()
    search.fill("")
    search.press_sequentially("zzz", delay=40)
    expect(page.locator("#client-matches")).to_contain_text("No current client has “zzz”")
    page.set_viewport_size({"width": 390, "height": 844})
    _fits(page)
    _shot(page, "booking-picker-390")


def test_the_week_is_a_time_grid_and_a_list_on_a_phone(  # type: ignore[no-untyped-def]
    page: Page, live_server, transactional_db
) -> None:
    owner = _owner()
    maya, ben, ewa = (
        client_create(practice=owner.practice, full_name=name)
        for name in ["Maya Patel", "Ben Okafor", "Ewa Nowak"]
    )
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    zone = owner.practice.zone

    def book(client: Client, day: int, hour: int, minute: int, minutes: int) -> None:
        start = timezone.make_aware(
            timezone.datetime.combine(monday + timedelta(days=day), timezone.datetime.min.time()),
            zone,
        ) + timedelta(hours=hour, minutes=minute)
        appointment_create(
            client=client, member=owner, starts_at=start, ends_at=start + timedelta(minutes=minutes)
        )

    book(maya, 1, 10, 0, 50)
    book(ben, 1, 10, 30, 60)  # overlaps Maya's
    book(ewa, 3, 19, 0, 50)  # after the working day
    _log_in(page, live_server.url)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/calendar/week/")
    grid = page.locator(".tgrid")
    expect(grid).to_be_visible()
    expect(page.locator(".week-list")).to_be_hidden()
    first = grid.locator(".tg-item", has_text="Maya Patel").bounding_box()
    second = grid.locator(".tg-item", has_text="Ben Okafor").bounding_box()
    assert first and second
    assert second["x"] >= first["x"] + first["width"] - 1  # side by side, not on top
    assert second["y"] > first["y"]  # and lower: it starts half an hour later
    evening = grid.locator(".tg-item", has_text="Ewa Nowak").bounding_box()
    assert evening and evening["y"] > second["y"] + second["height"]
    _fits(page)
    _shot(page, "week-grid-1280")

    page.set_viewport_size({"width": 390, "height": 844})
    expect(grid).to_be_hidden()
    listed = page.locator(".week-list")
    expect(listed).to_be_visible()
    expect(listed.locator(".week-item")).to_have_count(3)
    _fits(page)
    _shot(page, "week-list-390")


def test_none_of_these_times_work_lands_in_today(  # type: ignore[no-untyped-def]
    page: Page, browser: Browser, live_server, transactional_db, settings: Any
) -> None:
    settings.RAPPORT_BASE_URL = live_server.url
    owner = _owner()
    maya = client_create(practice=owner.practice, full_name="Maya Patel", preferred_name="Maya")
    start = (timezone.localtime(timezone.now(), owner.practice.zone) + timedelta(days=1)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    appointment = appointment_create(
        client=maya,
        member=owner,
        starts_at=start,
        ends_at=start + timedelta(minutes=50),
        place="Room 2, 14 Harbour Lane",
    )
    link = f"{live_server.url}/r/{reschedule_token(appointment)}/"

    visitor = browser.new_context(viewport={"width": 390, "height": 844})
    phone = visitor.new_page()
    phone.goto(link)
    expect(phone.get_by_text("Harbour Lane", exact=True)).to_be_visible()
    expect(phone.get_by_text("Unhurried, honest, on your side.")).to_be_visible()
    expect(phone.locator("body")).not_to_contain_text("Rapport")
    _fits(phone)
    _shot(phone, "reschedule-390")
    phone.emulate_media(color_scheme="dark")  # the practice's page follows the phone's scheme
    background = phone.evaluate("getComputedStyle(document.body).backgroundColor")
    assert sum(int(part) for part in re.findall(r"\d+", background)[:3]) < 200, background
    _shot(phone, "reschedule-390-dark")
    phone.emulate_media(color_scheme="light")
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Add to my calendar").click()
    ics = Path(download.value.path()).read_text()
    assert "BEGIN:VEVENT" in ics and appointment.uid in ics and "Harbour Lane" in ics
    phone.get_by_label("Anything that would help find a time?").fill(
        "Evenings after six work best <b>thanks</b>"
    )
    phone.get_by_role("button", name="None of these times work").click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
    expect(phone.get_by_text("Sam Rivers will be in touch")).to_be_visible()
    expect(phone.get_by_text("Evenings after six work best <b>thanks</b>")).to_be_visible()
    _shot(phone, "reschedule-none-work-390")
    visitor.close()
    appointment.refresh_from_db()
    assert appointment.client_choice == ClientChoice.OTHER

    _log_in(page, live_server.url)
    page.goto(f"{live_server.url}/")
    expect(page.get_by_text("Maya is waiting for your answer")).to_be_visible()
    page.goto(f"{live_server.url}/calendar/?day={start:%Y-%m-%d}")
    note = page.locator(".their-choice")
    expect(note).to_contain_text("None of the times you offered work for them")
    expect(note).to_contain_text("“Evenings after six work best <b>thanks</b>”")
    note.get_by_role("link", name="Offer other times").click()
    expect(page).to_have_url(re.compile(rf"/clients/{maya.pk}/compose/"))
