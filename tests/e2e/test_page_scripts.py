"""The page behaviours that were inline scripts and handler attributes, now in
rapport/static/rapport/app.js, still work under the Content-Security-Policy (the conftest fails
the test on any violation): a fact added to a message, "Send anyway" taken back by an edit,
a token selected on focus, and the calendar switched to another member."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from rapport.clients.models import ContactKind, FactCategory
from rapport.clients.services import ContactPointInput, client_create, fact_create
from rapport.practices.services import member_add, practice_create
from tests.conftest import PASSWORD


def test_moved_behaviours_work_under_the_policy(page: Page, live_server, transactional_db) -> None:  # type: ignore[no-untyped-def]
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    kim = member_add(
        practice=owner.practice, email="kim@harbour.example", name="Kim", password=PASSWORD
    )
    greta = client_create(
        practice=owner.practice,
        full_name="Greta Lind",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "greta@example.org")],
    )
    fact_create(client=greta, category=FactCategory.INTEREST, text="Grows orchids")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Today")).to_be_visible()

    # The composer: "add to message" puts the fact where the cursor is.
    page.goto(f"{live_server.url}/clients/{greta.pk}/compose/")
    body = page.get_by_role("textbox", name="Message")
    body.fill("Hi Greta, how is the ? Sam")
    body.evaluate("(field) => { field.selectionStart = field.selectionEnd = 21; }")
    page.get_by_role("button", name="Add to message: Grows orchids").click()
    expect(body).to_have_value("Hi Greta, how is the Grows orchids? Sam")  # at the cursor

    # The second step goes when the words change: Approve is back.
    page.get_by_label("Subject").fill("Thursday")
    body.fill("Hi Greta,\n\nSee you Thursday, sweetie.\n\nSam")
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_role("alert")).to_contain_text("Before it goes")
    expect(page.get_by_role("button", name="Approve")).to_be_hidden()
    page.get_by_role("button", name="Edit").click()
    expect(page.get_by_role("alert")).to_have_count(0)
    expect(page.get_by_role("button", name="Approve")).to_be_visible()

    # A new API token is selected whole on focus, ready to copy.
    page.goto(f"{live_server.url}/settings/api/")
    page.get_by_label("What will use it").fill("backup script")
    page.get_by_role("button", name="Make a token").click()
    token = page.get_by_label("Your new API token")
    token.focus()
    selected = token.evaluate(
        "(field) => field.value.slice(field.selectionStart, field.selectionEnd)"
    )
    assert selected.startswith("rap_") and selected == token.input_value()

    # The calendar changes to another member's as soon as one is chosen.
    page.goto(f"{live_server.url}/calendar/")
    page.get_by_label("Whose calendar").select_option(label="Kim")
    expect(page).to_have_url(re.compile(rf"/calendar/\?day=[-\d]+&member={kim.pk}$"))
    expect(page.get_by_label("Whose calendar")).to_have_value(str(kim.pk))
