"""Asking what would have helped, both sides in a real browser: the provider approves the
request in the composer, it arrives by real SMTP, the client answers from the link in a fresh
browser with no JavaScript at phone width, and the answer shows on the timeline, in Today and
under a theme."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, expect

from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.feedback.services import (
    feedback_answer,
    feedback_reply_send,
    feedback_request_create,
    feedback_request_draft,
    feedback_request_send,
)
from rapport.practices.models import Member
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD
from tests.messaging.conftest import MailServer, send_after_undo_window

# Answers other clients gave before, and were thanked for: late starts, a written summary.
EARLIER = [
    "We started late again and the session felt rushed.",
    "Starting on time would have helped; it started late.",
    "A written summary afterwards so I remember what we agreed.",
    "A short written summary of the session to take home.",
    "Some written notes or a summary after we meet.",
]


def _with_an_email(owner: Member, name: str, email: str) -> Client:
    return client_create(
        practice=owner.practice,
        full_name=name,
        contact_points=[ContactPointInput(ContactKind.EMAIL, email)],
    )


def _answered_before(owner: Member) -> None:
    for number, words in enumerate(EARLIER):
        email = f"earlier{number}@example.org"
        person = _with_an_email(owner, f"Earlier Client{chr(65 + number)}", email)
        feedback = feedback_request_create(
            client=person, member=owner, questions=["What would have helped?"]
        )
        subject, body = feedback_request_draft(feedback=feedback, member=owner)
        feedback_request_send(
            feedback=feedback, member=owner, channel="email", subject=subject, body=body,
            to_address=email,
        )  # fmt: skip
        feedback = feedback_answer(feedback=feedback, answers=[words])
        feedback_reply_send(  # answered already, so Today holds only Greta's
            feedback=feedback, member=owner, channel="phone", subject="",
            body="Thank you for telling me.",
        )  # fmt: skip


def test_the_provider_asks_the_client_answers_and_it_shows_under_a_theme(  # type: ignore[no-untyped-def]
    page: Page, browser, live_server, transactional_db, mail_server: MailServer, settings: Any
) -> None:
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    _answered_before(owner)
    greta = _with_an_email(owner, "Greta Lind", "greta@example.org")
    assert send_after_undo_window() == len(EARLIER)  # their requests went earlier
    mail_server.received.clear()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    # 1. From the client's page: choose the questions, then approve the words in the composer.
    page.goto(f"{live_server.url}/clients/{greta.pk}/")
    page.get_by_text("More", exact=True).click()
    page.get_by_role("link", name="Ask what would have helped").click()
    page.get_by_label("What might we do differently next time?").check()
    page.get_by_role("button", name="Write the message").click()
    expect(page.get_by_role("textbox", name="Message")).to_have_value(re.compile(r"/f/"))
    assert send_after_undo_window() == 0  # nothing goes before it is approved
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text(re.compile(r"goes to greta@example\.org at"))).to_be_visible()
    assert send_after_undo_window() == 1
    [message] = mail_server.received
    assert message["Subject"] == "What would have helped?"
    link = re.search(r"https?://\S+/f/[\w-]+/", message.get_content())
    assert link, message.get_content()

    # 2. The client, in a fresh browser at phone width with no JavaScript, answers.
    visitor = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    phone = visitor.new_page()
    answer_url = live_server.url + "/" + link.group(0).split("/", 3)[3]
    phone.goto(answer_url)
    expect(phone.get_by_text("Harbour Lane", exact=True)).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    phone.get_by_label("What would have made today more helpful?").fill(
        "We started late, so it felt rushed at the end."
    )
    phone.get_by_label("What might we do differently next time?").fill(
        "Start on time, or tell me when it will start late."
    )
    phone.get_by_role("button", name="Send my answer").click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
    phone.goto(answer_url)  # the link is spent: a kind page, not an error
    expect(phone.get_by_role("heading", name="You have already answered")).to_be_visible()
    visitor.close()

    # 3. The answer on the timeline and in Today, where replying is offered.
    page.goto(f"{live_server.url}/clients/{greta.pk}/")
    expect(page.locator("#timeline")).to_contain_text("We started late, so it felt rushed")
    page.goto(f"{live_server.url}/")
    waiting = page.get_by_role("region", name=re.compile("Feedback to answer"))
    expect(waiting).to_contain_text("Greta Lind said what would have helped")
    expect(waiting).to_contain_text("“We started late, so it felt rushed at the end.")

    # 4. And under a theme, with the client's own words and a link to her.
    page.goto(f"{live_server.url}/feedback/themes/")
    theme = page.locator("article.theme").filter(has_text="Greta")
    expect(theme).to_have_count(1)
    expect(theme.get_by_role("heading")).to_contain_text(re.compile("late", re.I))
    expect(theme).to_contain_text("We started late, so it felt rushed at the end.")
    expect(theme.get_by_role("link", name="Greta Lind").first).to_have_attribute(
        "href", f"/clients/{greta.pk}/"
    )
    expect(page.get_by_text("How themes are found")).to_be_visible()

    # 5. Replying from Today, through the composer, clears it there.
    page.goto(f"{live_server.url}/")
    waiting.get_by_role("button", name="Write").click()
    expect(page.get_by_role("textbox", name="Message")).to_have_value(
        re.compile("Thank you for telling me what would have helped")
    )
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text(re.compile(r"goes to greta@example\.org at"))).to_be_visible()
    page.goto(f"{live_server.url}/")
    expect(page.get_by_text("Greta Lind said what would have helped")).to_have_count(0)
