"""Sending with the provider's eyes on it, in a real browser against a real SMTP server: a flagged
word asks twice, Undo inside the window sends nothing, and the message sent again arrives once."""

from __future__ import annotations

import re
import time
from typing import Any

from playwright.sync_api import Page, expect

from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.models import OutboxMessage
from rapport.messaging.outbox import outbox_send_due
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD
from tests.messaging.conftest import MailServer

UNDO_SECONDS = 2


def test_flagged_then_sent_anyway_then_undone_then_sent_once(  # type: ignore[no-untyped-def]
    page: Page, live_server, transactional_db, mail_server: MailServer, settings: Any
) -> None:
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    owner.practice.undo_seconds = UNDO_SECONDS  # short, so the test can wait it out for real
    owner.practice.save(update_fields=["undo_seconds"])
    greta = client_create(
        practice=owner.practice,
        full_name="Greta Lind",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "greta@example.org")],
    )
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    # 1. Write with a flagged word.
    page.goto(f"{live_server.url}/clients/{greta.pk}/compose/")
    page.get_by_label("Subject").fill("Thursday")
    page.get_by_role("textbox", name="Message").fill(
        "Hi Greta,\n\nSee you Thursday, sweetie.\n\nSam"
    )
    expect(page.locator("#findings")).to_contain_text("sweetie")  # the live check
    page.get_by_role("button", name="Approve").click()

    # 2. The second step names the finding; send anyway.
    step = page.get_by_role("alert")
    expect(step).to_contain_text("Before it goes")
    expect(step).to_contain_text("“sweetie”")
    assert not OutboxMessage.objects.exists()
    step.get_by_role("button", name="Send anyway").click()
    expect(page.get_by_text(re.compile(r"goes to greta@example\.org at"))).to_be_visible()

    # 3. Undo within the window: the draft comes back, and nothing arrives.
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_text("Taken back: nothing was sent")).to_be_visible()
    expect(page.get_by_role("textbox", name="Message")).to_have_value(
        re.compile("See you Thursday, sweetie")
    )
    time.sleep(UNDO_SECONDS + 0.5)
    assert outbox_send_due() == 0
    assert mail_server.received == []

    # 4. Send again: it arrives, once.
    page.get_by_role("button", name="Approve").click()
    page.get_by_role("alert").get_by_role("button", name="Send anyway").click()
    expect(page.get_by_role("button", name="Undo")).to_be_visible()
    time.sleep(UNDO_SECONDS + 0.5)
    assert outbox_send_due() == 1
    assert outbox_send_due() == 0
    assert len(mail_server.received) == 1
    assert "See you Thursday, sweetie." in mail_server.received[0].get_content()
    page.reload()
    expect(page.get_by_role("button", name="Undo")).to_have_count(0)
    expect(page.locator(".chip.outbox-sent")).to_contain_text("Sent today")
