"""Working days in a real browser (issue 17): the boxes are a group named "Days I work", each
box reached with Tab and ticked with Space, and the row fits a phone without scrolling
sideways."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from rapport.practices.models import Member
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD


def test_working_days_are_ticked_by_keyboard_on_a_phone(
    page: Page,
    live_server,  # type: ignore[no-untyped-def]
    transactional_db: None,
) -> None:
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/settings/")
    days = page.get_by_role("group", name="Days I work")
    expect(days.get_by_role("checkbox")).to_have_count(7)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    monday, saturday = days.get_by_label("Monday"), days.get_by_label("Saturday")
    expect(monday).to_be_checked()
    monday.focus()
    page.keyboard.press("Space")  # Monday off
    for _ in range(5):
        page.keyboard.press("Tab")  # Tuesday ... Saturday, in the order they are read
    expect(saturday).to_be_focused()
    page.keyboard.press("Space")  # Saturday on
    box = saturday.evaluate("(box) => box.closest('label').getBoundingClientRect().height")
    assert box >= 44  # a fingertip's target, the whole label
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    assert Member.objects.get(pk=owner.pk).work_days == "12345"
