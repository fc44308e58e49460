"""A provider logs in, adds a client and captures a fact without leaving the page."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from rapport.clients.models import Fact
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD


def test_log_in_add_a_client_and_capture_a_fact_in_place(
    page: Page, live_server, transactional_db
) -> None:  # type: ignore[no-untyped-def]
    practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )

    page.goto(f"{live_server.url}/clients/")
    expect(page).to_have_url(f"{live_server.url}/login/?next=/clients/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="No clients yet")).to_be_visible()

    page.get_by_role("button", name="Add your first client").click()
    page.get_by_label("Full name").fill("Siobhán Ní Bhriain")
    page.get_by_label("Preferred name").fill("Siobhán")
    page.get_by_label("How to say it").fill("shiv-AWN")
    page.locator("input[name='contact-0-value']").fill("siobhan@example.org")
    page.get_by_role("button", name="Add client").click()
    expect(page.get_by_role("heading", name="Siobhán", exact=True)).to_be_visible()
    expect(page.get_by_text("shiv-AWN")).to_be_visible()

    # A marker on the window survives only if the page is not reloaded.
    page.evaluate("window.__stayed = true")
    box = page.get_by_placeholder("A note, or a fact such as “likes: orchid growing”")
    box.fill("likes: orchid growing")
    box.press("Enter")
    interests = page.locator("#facts-interest")
    expect(interests).to_contain_text("orchid growing")
    expect(page.locator("#capture .saved")).to_contain_text("Remembered under Interests")
    assert page.evaluate("window.__stayed === true"), "the page reloaded"
    expect(
        page.get_by_placeholder("A note, or a fact such as “likes: orchid growing”")
    ).to_have_value("")
    assert Fact.objects.get().text == "orchid growing"

    page.get_by_placeholder("A note, or a fact such as “likes: orchid growing”").fill(
        "Nervous about the course"
    )
    page.keyboard.press("Enter")
    expect(page.locator("#timeline")).to_contain_text("Nervous about the course")
    assert page.evaluate("window.__stayed === true")
