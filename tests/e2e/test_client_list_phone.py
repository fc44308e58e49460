"""The client list on a phone (390 px): one card per client with name, health, last contact and
tags, nothing wider than the screen, and the bulk actions only once a client is selected, at
the foot of the screen. Without JavaScript the same, as CSS does it; the script only counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from rapport.attention.models import ClientReading, HealthWord
from rapport.clients.models import Client, Tag
from rapport.clients.services import client_create
from rapport.practices.models import Member
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD

PHONE = {"width": 390, "height": 844}
EMAIL = "sam@harbour.example"


@pytest.fixture
def book(transactional_db: None) -> Member:
    owner = practice_create(
        name="Harbour Lane", owner_email=EMAIL, owner_name="Sam", password=PASSWORD
    )
    now = timezone.now()
    # Enough clients that the list is longer than the screen, so "at the foot" means something.
    for index in range(12):
        client = client_create(
            practice=owner.practice,
            full_name=f"Client {index:02} Wiśniewska-Okonkwo-Bell",  # a long name must wrap
            preferred_name=f"Client {index:02}",
            tag_names=["couples", "long-standing referral"] if index % 2 else ["grief"],
        )
        Client.objects.filter(pk=client.pk).update(last_contact_at=now - timedelta(days=3))
        ClientReading.objects.update_or_create(
            client=client,
            defaults={"practice": owner.practice, "score": 30, "word": HealthWord.AT_RISK_},
        )
    return owner


def _phone(browser: Browser, base_url: str, *, javascript: bool) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{base_url}/login/?next=/clients/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Clients", exact=True)).to_be_visible()
    yield page
    context.close()


@pytest.fixture
def phone(browser: Browser, live_server, book: Member) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    yield from _phone(browser, live_server.url, javascript=True)


@pytest.fixture
def phone_without_js(browser: Browser, live_server, book: Member) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    yield from _phone(browser, live_server.url, javascript=False)


def _fits(page: Page) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"scrolls sideways: {width}"


def test_each_client_is_a_card_with_the_four_facts_and_nothing_scrolls_sideways(
    phone: Page,
) -> None:
    _fits(phone)
    cards = phone.locator("table.clients tbody tr")
    expect(cards).to_have_count(12)
    for index in range(12):
        card = cards.nth(index)
        box = card.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        # Each fact is on screen inside its card, not off to the right of a table.
        for fact, text in (
            ("name", f"Client {index:02}"),
            ("health", "At risk"),
            ("contact", "Last contact 3 days ago"),
            ("tags", "couples" if index % 2 else "grief"),
        ):
            cell = card.locator(f"td.col-{fact}")
            expect(cell).to_be_visible()
            expect(cell).to_contain_text(text)
            inner = cell.bounding_box()
            assert inner is not None
            assert box["x"] <= inner["x"] and inner["x"] + inner["width"] <= box["x"] + box["width"]
    assert (
        phone.evaluate("getComputedStyle(document.querySelector('table.clients tr')).display")
        == "grid"
    )
    # The headings (and their sorting links) give way to the labels in each card.
    expect(phone.locator("table.clients thead")).to_be_hidden()


def test_bulk_actions_wait_for_a_selection_then_stay_at_the_foot_of_the_screen(
    phone: Page,
) -> None:
    bar = phone.locator("fieldset.bulk")
    expect(bar).to_be_hidden()
    phone.get_by_label("Select Client 01").check()
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("1 client selected")
    box = bar.bounding_box()
    assert box is not None
    # In view, at the bottom, while the list goes on below.
    assert abs(box["y"] + box["height"] - PHONE["height"]) <= 1, box
    assert phone.evaluate("window.scrollY") == 0
    phone.get_by_label("Select Client 02").check()
    expect(bar).to_contain_text("2 clients selected")
    # Only the field the chosen action needs.
    expect(bar.get_by_label("New status")).to_be_hidden()
    bar.get_by_label("Tag to add").fill("spring group")
    bar.get_by_role("button", name="Apply").click()
    expect(phone.get_by_text("Tagged 2 clients “spring group”.")).to_be_visible()
    assert sorted(
        Tag.objects.get(name="spring group").clients.values_list("preferred_name", flat=True)
    ) == [
        "Client 01",
        "Client 02",
    ]
    expect(phone.locator("fieldset.bulk")).to_be_hidden()  # a fresh list, nothing selected
    phone.get_by_label("Select Client 03").check()
    phone.get_by_label("Select Client 03").uncheck()
    expect(phone.locator("fieldset.bulk")).to_be_hidden()
    _fits(phone)


def test_without_javascript_the_bar_still_waits_and_works(phone_without_js: Page) -> None:
    page = phone_without_js
    bar = page.locator("fieldset.bulk")
    expect(bar).to_be_hidden()
    page.get_by_label("Select Client 04").check()
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("With the selected clients")
    bar.get_by_label("Action").select_option("status")
    expect(bar.get_by_label("Tag to add")).to_be_hidden()
    bar.get_by_label("New status").select_option("paused")
    bar.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("1 client now paused.")).to_be_visible()
    assert Client.objects.get(preferred_name="Client 04").status == "paused"


def test_sort_and_tag_filter_on_a_phone_keep_the_url(phone: Page) -> None:
    phone.get_by_label("Tag", exact=True).select_option("grief")
    expect(phone.locator("table.clients tbody tr")).to_have_count(6)
    phone.get_by_label("Order").select_option("-name")
    expect(phone.locator("table.clients tbody tr").first).to_contain_text("Client 10")
    assert phone.url.endswith("/clients/?q=&status=&tag=grief&sort=-name")
    phone.reload()  # the URL alone brings the same view back
    expect(phone.locator("table.clients tbody tr")).to_have_count(6)
    expect(phone.locator("table.clients tbody tr").first).to_contain_text("Client 10")
    _fits(phone)
