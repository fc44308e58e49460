"""In Chromium, issue 18's whole path: a case told once with honest advice, a referral with
the client's consent, one introduction arriving at both addresses (a real SMTP server), Today
asking how it went once the chosen days have passed, the outcome on the partner's record, and
the client handed to a colleague who reads the note on their Today and says Got it."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from typing import Any

import time_machine
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.outbox import outbox_send_due
from rapport.practices.models import Role
from rapport.practices.services import member_add, practice_create
from rapport.referrals.models import Referral
from tests.conftest import PASSWORD
from tests.e2e.conftest import ARTIFACTS
from tests.messaging.conftest import MailServer

UNDO_SECONDS = 1


def _advise(page: Page, certainty: str, text: str, next_step: str = "", who: str = "") -> None:
    page.get_by_role("button", name="Add advice").click()
    page.get_by_label(certainty).check()
    page.get_by_label("The advice").fill(text)
    page.get_by_label("Next step", exact=True).fill(next_step)
    page.get_by_label("or someone outside the practice").fill(who)
    page.get_by_role("button", name="Add it").click()
    expect(page.get_by_text("Advice added.")).to_be_visible()


def test_refer_warmly_from_a_case_follow_up_and_hand_off(  # type: ignore[no-untyped-def]
    page: Page,
    browser: Browser,
    live_server,
    transactional_db,
    mail_server: MailServer,
    settings: Any,
) -> None:
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    owner.practice.undo_seconds = UNDO_SECONDS  # short, so the test can wait it out for real
    owner.practice.save(update_fields=["undo_seconds"])
    priya = client_create(
        practice=owner.practice, full_name="Priya Shah", preferred_name="Priya", created_by=owner,
        contact_points=[ContactPointInput(ContactKind.EMAIL, "priya@example.org")],
    )  # fmt: skip
    page.goto(f"{live_server.url}/partners/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    # A trusted partner, and one who does other things.
    for name, specialties, address in [
        ("Dr Ahmed", "sleep, anxiety", "ahmed@example.org"),
        ("Jo Tax", "tax, accounts", ""),
    ]:
        page.get_by_role("button", name="Add a partner").click()
        page.get_by_label("Name").fill(name)
        page.get_by_label("Specialties").fill(specialties)
        page.get_by_label("Email").fill(address)
        page.get_by_role("button", name="Add them").click()
        expect(page.get_by_role("heading", name=name)).to_be_visible()
        page.get_by_role("link", name="Trusted partners").click()

    # 1. Open a case; 2. a known, a guess and a don't-know with its next step.
    page.goto(f"{live_server.url}/clients/{priya.pk}/")
    page.get_by_role("button", name="New case").click()
    page.get_by_label("The problem, in their words").fill("I cannot sleep since the move")
    page.get_by_role("button", name="Open it").click()
    _advise(page, "Known", "The new flat is on a busy road")
    _advise(page, "Best guess", "The noise wakes her at four", "Try earplugs for a week", "Priya")
    _advise(page, "Don't know", "Whether it is more than noise", "Ask a sleep specialist", "Sam")
    for heading in ("Known 1", "Best guess 1", "Don't know 1"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()

    # 3. Refer, with her consent to share the case summary, following up after 10 days.
    page.get_by_role("button", name="Refer").click()
    suggested = page.locator(".suggested-partner")
    expect(suggested.first).to_contain_text("Dr Ahmed")
    expect(suggested.first).to_contain_text("suggested: sleep")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "referral-refer.png"), full_page=True)
    page.get_by_label("Dr Ahmed").check()
    page.get_by_label("They agreed that I share the case summary with the partner").check()
    page.get_by_label("Ask me how it went after (days)").fill("10")
    page.get_by_role("button", name="Refer and write the introduction").click()

    # One introduction to both, in the composer, with the summary she agreed to share.
    expect(page.get_by_text("with Dr Ahmed <ahmed@example.org> in copy")).to_be_visible()
    body = page.get_by_role("textbox", name="Message")
    expect(body).to_have_value(re.compile("Dear Priya and Dr Ahmed,"))
    expect(body).to_have_value(re.compile("Our best guess:"))
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("goes to priya@example.org and ahmed@example.org")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "referral-approved.png"), full_page=True)

    # 4. The outbox worker sends it once, to both addresses.
    time.sleep(UNDO_SECONDS + 0.5)
    assert outbox_send_due() == 1
    assert outbox_send_due() == 0
    [mail] = mail_server.received
    assert (
        mail["To"] == "Priya Shah <priya@example.org>"
        and mail["Cc"] == "Dr Ahmed <ahmed@example.org>"
    )
    assert sorted(mail_server.recipients[0]) == ["ahmed@example.org", "priya@example.org"]
    assert "The noise wakes her at four" in mail.get_content()
    referral = Referral.objects.get()
    assert referral.summary_shared and referral.consent_by == owner

    # 5. Ten days on, Today asks.
    with time_machine.travel(timezone.now() + timedelta(days=10, minutes=5), tick=True):
        page.goto(f"{live_server.url}/")
        item = page.locator(f"#item-referral-{referral.pk}")
        expect(item).to_contain_text("Did Priya reach Dr Ahmed? How did it go?")
        page.screenshot(path=str(ARTIFACTS / "referral-today.png"), full_page=True)

        # 6. The outcome: gone from Today, shown on the partner's record.
        item.get_by_role("button", name="How it went").click()
        page.get_by_label("Helped").check()
        page.get_by_label("A note").fill("Sleeping through most nights")
        page.get_by_role("button", name="Record it").click()
        expect(page.get_by_role("heading", name="Dr Ahmed")).to_be_visible()
        row = page.locator(f"#referral-{referral.pk}")
        expect(row).to_contain_text("Helped")
        expect(row).to_contain_text("Sleeping through most nights")
        page.screenshot(path=str(ARTIFACTS / "referral-partner.png"), full_page=True)
        page.goto(f"{live_server.url}/")
        expect(page.locator(f"#item-referral-{referral.pk}")).to_have_count(0)

        # 7. Sam hands Priya to his colleague Jo, who reads the note on her Today and says
        # Got it; Priya's page then says Jo looks after her.
        member_add(
            practice=owner.practice, email="jo@harbour.example", name="Jo Reed",
            password=PASSWORD, role=Role.STAFF,
        )  # fmt: skip
        page.goto(f"{live_server.url}/clients/{priya.pk}/")
        page.get_by_role("link", name="Hand to a colleague", exact=True).click()
        page.get_by_label("Hand to").select_option(label="Jo Reed")
        page.get_by_label("What is next").fill("Ask how the earplugs went.")
        page.get_by_role("button", name="Hand over").click()
        expect(page.get_by_label("Message")).to_contain_text("Jo")  # the introduction, a draft

        context = browser.new_context(viewport={"width": 1200, "height": 900})
        jo = context.new_page()
        jo.set_default_timeout(10_000)
        jo.goto(f"{live_server.url}/")
        jo.get_by_label("Email").fill("jo@harbour.example")
        jo.get_by_label("Password").fill(PASSWORD)
        jo.get_by_role("button", name="Log in").click()
        handed = jo.locator("#section-handoff")
        expect(handed).to_contain_text("Priya, handed to you by Sam")
        handed.get_by_role("button", name="Read the note").click()
        note = jo.locator(".handoff-note")
        expect(note).to_contain_text("Ask how the earplugs went.")
        note.get_by_role("button", name="Got it").click()
        expect(jo.locator(".handoff-note")).to_have_count(0)
        expect(jo.locator(".looked-after")).to_contain_text("Looked after by you")
        jo.goto(f"{live_server.url}/")
        expect(jo.locator("#section-handoff")).to_contain_text("Nothing handed to you is waiting.")
        context.close()
