"""On Today, a provider snoozes one item and marks another done, in place."""

from __future__ import annotations

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from rapport.attention.models import AgendaAction
from rapport.clients.services import client_create
from rapport.practices.services import practice_create
from rapport.timeline.services import interaction_create
from tests.conftest import PASSWORD


def test_snooze_and_done_without_leaving_today(page: Page, live_server, transactional_db) -> None:  # type: ignore[no-untyped-def]
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    for name in ("Maya Lindqvist", "Kofi Mensah"):
        who = client_create(practice=owner.practice, full_name=name, checkin_consent="yes")
        interaction_create(
            client=who,
            kind="email",
            direction="inbound",
            summary="Question",
            occurred_at=timezone.now() - timedelta(days=2),
        )

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Replies owed")).to_be_visible()
    page.evaluate("window.__stayed = true")

    maya = page.locator(".agenda-item", has_text="Maya Lindqvist is waiting")
    expect(page.locator("#count-reply")).to_have_text("2")
    expect(page.locator("#today-total")).to_contain_text("2 things need you")

    maya = page.locator(".agenda-item", has_text="Maya Lindqvist is waiting")
    maya.get_by_label("Snooze until").select_option(index=1)
    monday = maya.get_by_label("Snooze until").locator("option").nth(1).inner_text()
    maya.get_by_role("button", name="Snooze").click()
    expect(page.get_by_text(f"Snoozed {monday.split(', ')[-1]}: Maya Lindqvist")).to_be_visible()
    expect(page.locator("#count-reply")).to_have_text("1")  # changed in place
    expect(page.locator("#today-total")).to_contain_text("1 thing needs you")

    kofi = page.locator(".agenda-item", has_text="Kofi Mensah is waiting")
    kofi.get_by_role("button", name="Done").focus()
    page.keyboard.press("Enter")  # keyboard works as well as the mouse
    done = page.locator(".agenda-item.handled", has_text="Done: Kofi Mensah")
    expect(done).to_be_visible()
    expect(page.locator("#count-reply")).to_be_hidden()
    assert page.evaluate("window.__stayed === true"), "the page reloaded"
    assert sorted(AgendaAction.objects.values_list("action", flat=True)) == ["done", "snoozed"]

    done.get_by_role("button", name="Undo").click()  # changed my mind: Kofi is back
    expect(page.locator(".agenda-item", has_text="Kofi Mensah is waiting")).to_be_visible()
    expect(page.locator("#count-reply")).to_have_text("1")
    assert page.evaluate("window.__stayed === true"), "the page reloaded"

    page.reload()
    expect(page.locator("#count-reply")).to_have_text("1")
    expect(page.locator(".agenda-item", has_text="Kofi Mensah is waiting")).to_be_visible()


def test_compose_with_a_fact_see_the_check_and_approve(
    page: Page, live_server, transactional_db
) -> None:  # type: ignore[no-untyped-def]
    from rapport.clients.models import ContactKind
    from rapport.clients.services import ContactPointInput, fact_create
    from rapport.messaging.models import OutboxMessage

    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    maya = client_create(
        practice=owner.practice,
        full_name="Maya Lindqvist",
        preferred_name="Maya",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")],
    )
    fact_create(client=maya, category="interest", text="her orchids")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/clients/{maya.pk}/compose/")
    page.get_by_label("Subject").fill("Hello")
    body = page.get_by_role("textbox", name="Message")
    body.fill("Hi honey, how are ")
    expect(page.locator("#findings")).to_contain_text("pet-name")
    page.get_by_role("button", name="Add to message: her orchids").click()
    expect(body).to_have_value("Hi honey, how are her orchids")
    body.fill("Hi Maya, how are her orchids doing? Sam")
    expect(page.locator("#findings")).to_contain_text("Nothing to flag")
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text(re.compile(r"goes to maya@example\.org at"))).to_be_visible()
    assert OutboxMessage.objects.get().body == "Hi Maya, how are her orchids doing? Sam"
