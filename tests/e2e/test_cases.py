"""In Chromium: open a case from the client page, tell what was tried, label the advice."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from rapport.cases.models import Case
from rapport.clients.services import client_create
from rapport.practices.services import practice_create
from tests.conftest import PASSWORD
from tests.e2e.conftest import ARTIFACTS


def _advise(page: Page, certainty: str, text: str, next_step: str = "", who: str = "") -> None:
    page.get_by_role("button", name="Add advice").click()
    page.get_by_label(certainty).check()
    page.get_by_label("The advice").fill(text)
    page.get_by_label("Next step", exact=True).fill(next_step)
    page.get_by_label("or someone outside the practice").fill(who)
    page.get_by_role("button", name="Add it").click()


def test_open_a_case_and_label_the_advice_honestly(
    page: Page, live_server, transactional_db
) -> None:  # type: ignore[no-untyped-def]
    owner = practice_create(
        name="Harbour Lane", owner_email="sam@harbour.example", owner_name="Sam", password=PASSWORD
    )
    priya = client_create(practice=owner.practice, full_name="Priya Shah", created_by=owner)
    page.goto(f"{live_server.url}/clients/{priya.pk}/")
    page.get_by_label("Email").fill("sam@harbour.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()

    page.get_by_role("button", name="New case").click()
    page.get_by_label("The problem, in their words").fill(
        "The printer, phone and computer will not stay on the Wi-Fi"
    )
    page.get_by_role("button", name="Open it").click()
    expect(page.get_by_text("Nothing tried yet.")).to_be_visible()

    page.get_by_role("button", name="Add a step").click()
    page.get_by_label("What was tried").fill("The printer company came twice")
    page.get_by_label("What came of it").fill("Fixed for a few days each time")
    page.get_by_label("or someone outside the practice").fill("the printer company")
    page.get_by_role("button", name="Add it").click()
    expect(page.locator(".case-story")).to_contain_text("the printer company tried")

    _advise(page, "Known", "The router is older than the provider's last change")
    _advise(page, "Best guess", "A new router will hold the connection", "Order one", "the client")
    # A "don't know" with nothing next is refused, and says why.
    _advise(page, "Don't know", "Whether the provider changed the line")
    expect(page.get_by_role("alert")).to_contain_text("needs a next step")
    page.get_by_label("Next step", exact=True).fill("Ask the router's maker")
    page.get_by_label("Who takes the next step").select_option(label="Sam")
    page.get_by_label("or someone outside the practice").fill("")
    page.get_by_role("button", name="Add it").click()

    for heading in ("Known 1", "Best guess 1", "Don't know 1"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    case = Case.objects.get()
    assert case.advice.count() == 3
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"case-{width}.png"), full_page=True)

    page.get_by_role("link", name="Priya Shah").click()
    cases = page.locator("#cases")
    expect(cases).to_contain_text("The printer, phone and computer will not stay on the Wi-Fi")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        cases.screenshot(path=str(ARTIFACTS / f"client-cases-{width}.png"))
    cases.get_by_role("link").filter(has_text="The printer").click()

    page.get_by_role("button", name="Edit or close").click()
    page.get_by_label("Status").select_option("resolved")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".case-status")).to_have_text("Resolved")
    page.get_by_role("link", name="Priya Shah").click()
    expect(page.locator("#cases")).to_contain_text("No open case.")
    # A closed case is still one click away: its story stays for whoever needs it next.
    page.get_by_text("Closed cases (1)").click()
    page.locator("#cases").get_by_role("link").filter(has_text="The printer").click()
    expect(page.locator(".case-status")).to_have_text("Resolved")
