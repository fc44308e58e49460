"""In Chromium: Ada hands Maya to her colleague Sam with a note and a promised call,
introduces him in a message she approves; Sam logs in, finds the note on Today and at the
top of Maya's page, says Got it, and it is gone from Today; Maya's page says Sam looks
after her now."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.handoffs.models import Handoff
from rapport.messaging.models import OutboxMessage
from rapport.practices.models import Role
from rapport.practices.services import member_add, practice_create
from rapport.timeline.models import Promise
from tests.conftest import PASSWORD


def _log_in(page: Page, url: str, email: str) -> None:
    page.goto(url)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_hand_a_client_to_a_colleague_who_sees_the_note_and_says_got_it(
    page: Page, browser: Browser, live_server, transactional_db
) -> None:  # type: ignore[no-untyped-def]
    ada = practice_create(
        name="Harbour Lane", owner_email="ada@harbour.example", owner_name="Ada Owner",
        password=PASSWORD,
    )  # fmt: skip
    member_add(
        practice=ada.practice, email="sam@harbour.example", name="Sam Reed", password=PASSWORD,
        role=Role.STAFF,
    )  # fmt: skip
    maya = client_create(
        practice=ada.practice, full_name="Maya Lind", created_by=ada,
        contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")],
    )  # fmt: skip
    call_on = timezone.localdate(timezone=ada.practice.zone) + timedelta(days=2)
    client_url = f"{live_server.url}/clients/{maya.pk}/"

    _log_in(page, client_url, "ada@harbour.example")
    expect(page.locator(".looked-after")).to_contain_text("Looked after by you")
    page.get_by_role("link", name="Hand to a colleague", exact=True).click()
    page.get_by_label("Hand to").select_option(label="Sam Reed")
    # The note starts from what Rapport knows: how Maya likes to be reached.
    expect(page.get_by_label("How they like to be contacted")).to_have_value(
        "Likes to be called Maya Lind.\nEmail: maya@example.org"
    )
    page.get_by_label("What is next").fill("Plan the first week in the new flat.")
    page.get_by_label("What to avoid").fill("Talk of her old job.")
    page.get_by_label("A call promised for").fill(call_on.isoformat())
    page.get_by_role("button", name="Hand over").click()

    # The introduction, drafted in the composer: nothing goes until Ada approves it.
    expect(page.get_by_text("Introducing Sam Reed")).to_be_visible()
    expect(page.get_by_label("Message")).to_contain_text("Sam will call you")
    assert not OutboxMessage.objects.exists()
    page.get_by_role("button", name="Approve").click()
    expect(page.locator("main")).to_contain_text("“Meet Sam, who will look after you”")
    handoff = Handoff.objects.get(client=maya)
    assert handoff.introduction_id == OutboxMessage.objects.get().interaction_id
    assert Promise.objects.get(client=maya).due_on == call_on

    # Sam, in his own browser.
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    sam = context.new_page()
    sam.set_default_timeout(10_000)
    _log_in(sam, f"{live_server.url}/", "sam@harbour.example")
    handed = sam.locator("#section-handoff")
    expect(handed).to_contain_text("Maya Lind, handed to you by Ada Owner")
    expect(handed).to_contain_text("A call promised for")
    handed.get_by_role("button", name="Read the note").click()
    note = sam.locator(".handoff-note")
    expect(note).to_contain_text("Maya Lind was handed to you by Ada Owner")
    expect(note).to_contain_text("Plan the first week in the new flat.")
    expect(note).to_contain_text("Talk of her old job.")
    expect(sam.locator(".looked-after")).to_contain_text("Looked after by you")
    note.get_by_role("button", name="Got it").click()
    expect(sam.locator(".handoff-note")).to_have_count(0)

    sam.goto(f"{live_server.url}/")
    expect(sam.locator("#section-handoff")).to_contain_text("Nothing handed to you is waiting.")
    context.close()

    page.goto(client_url)
    expect(page.locator(".looked-after")).to_contain_text("Looked after by Sam Reed")
    expect(page.locator("#timeline")).to_contain_text("Handed to Sam Reed by Ada Owner.")
