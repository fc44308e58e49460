"""Every page fits a phone, every control can be tapped, and axe-core finds nothing serious.

Issue 17's two walks in one pass over the URL walk (tests/url_walk.py), with the login and
the client's own pages (reschedule, unsubscribe), at 390 px (a phone) and 1280 px wide, in the
demo practice with a client file added, so lists, charts and forms render with real content.
One browser context and one dataset for the whole walk: a page is measured where the member
lands on it (200, a whole document); pages that redirect, answer other methods or are htmx
fragments are walked where they lead, by their own names.

On each page, at each width:
- the page does not scroll sideways (`scrollWidth <= innerWidth`);
- no control is under 24 x 24 CSS px, nor a primary action under 44 x 44 (tests/e2e/targets.js
  says what counts as which, and how a link inside a sentence is exempt, as WCAG allows);
- axe-core (vendored in tests/vendor/axe-core/, injected before each page loads) reports no
  violation of impact serious or critical;
and, loaded in dark mode, no text under axe-core's contrast ratios.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db.models import Count
from django.test import Client as HttpClient
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page

from rapport.appointments.links import reschedule_token
from rapport.clients.models import Client
from rapport.demo import demo_practice_ensure
from rapport.messaging.unsubscribe import unsubscribe_link
from rapport.practices.models import Member, Role
from tests.conftest import ClientFile, make_client_file
from tests.test_staff_walk import member_pages

HERE = Path(__file__).resolve().parent
AXE = HERE.parent / "vendor" / "axe-core" / "axe.min.js"
MEASURE = (HERE / "targets.js").read_text()
WIDTHS = (390, 1280)
HEIGHT = 844  # a phone's; the walk measures the whole page, not what is in view
SERIOUS = {"serious", "critical"}
RUN_AXE = """async (rules) => {
  const options = {resultTypes: ["violations"]};
  if (rules) options.runOnly = {type: "rule", values: rules};
  const result = await axe.run(document, options);
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }));
}"""


@pytest.fixture
def walk_context(browser: Browser, live_server, transactional_db) -> Iterator[BrowserContext]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT})
    context.add_init_script(path=str(AXE))
    yield context
    context.close()


def _logged_in(context: BrowserContext, member: Member, base_url: str) -> None:
    http = HttpClient()
    http.force_login(member.user)
    session = http.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}])


def _public_urls(file: ClientFile) -> dict[str, str]:
    """The pages of someone not logged in: the login, and the client's own links."""
    return {
        "login": reverse("login"),
        "reschedule": reverse("reschedule", args=[reschedule_token(file.appointment)]),
        "unsubscribe": urlsplit(unsubscribe_link(file.client)).path,
    }


def _member_urls(owner: Member, file: ClientFile) -> dict[str, str]:
    """Page name -> address, for the pages a member lands on (200, a document); plus the
    demo's fullest client page, whose chart, facts and timeline have years of history."""
    http = HttpClient()
    http.force_login(owner.user)
    urls = {}
    for page in member_pages():
        url = page.url(file)
        response = http.get(url)
        # A whole page, not a fragment that htmx swaps into one (the booking's client picker).
        document = response.content.lstrip()[:15].lower() == b"<!doctype html>"
        if response.status_code == 200 and document:
            urls[page.name] = url
    fullest = (
        Client.objects.for_practice(owner.practice)
        .annotate(told=Count("interactions"))
        .order_by("-told")
        .first()
    )
    assert fullest is not None
    urls["client_detail (the demo's fullest)"] = reverse(
        "client_detail", kwargs={"client_id": fullest.pk}
    )
    return urls


def _axe(page: Page, rules: list[str] | None = None) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    return [
        f"axe {violation['impact']} {violation['id']}: {', '.join(violation['targets'])}"
        for violation in page.evaluate(RUN_AXE, rules)
        if violation["impact"] in SERIOUS
    ]


def _problems(page: Page, url: str) -> list[str]:
    """What is wrong with one page at each width: loaded once, laid out again at each."""
    page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
    page.goto(url)
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT})
        measured = page.evaluate(MEASURE)
        if measured["overflow"] > 0:
            wide = "; ".join(measured["wide"])
            problems.append(f"{width} px: scrolls sideways, {measured['scrollWidth']} px: {wide}")
        problems += [f"{width} px: {small}" for small in measured["small"]]
        problems += [f"{width} px: {finding}" for finding in _axe(page)]
    # Dark mode changes only colours: its contrast is checked once, at the desktop width, on
    # the page loaded dark (switched in place, colours would still be easing across).
    page.emulate_media(color_scheme="dark")
    page.reload()
    problems += [f"dark: {finding}" for finding in _axe(page, ["color-contrast"])]
    page.emulate_media(color_scheme="light")
    # The same control in every row fails the same way: say it once, with how many.
    counted = Counter(problems)
    return [problem + (f" (x{n})" if n > 1 else "") for problem, n in counted.items()]


def test_every_page_fits_a_phone_with_targets_to_tap_and_no_serious_axe_finding(
    walk_context: BrowserContext, live_server
) -> None:  # type: ignore[no-untyped-def]
    practice, _ = demo_practice_ensure()
    owner = Member.objects.get(practice=practice, role=Role.OWNER)
    file = make_client_file(owner)
    public, members = _public_urls(file), _member_urls(owner, file)
    assert len(members) >= 40, sorted(members)  # it reaches the pages, not just redirects

    page = walk_context.new_page()
    failing = {name: _problems(page, live_server.url + url) for name, url in public.items()}
    _logged_in(walk_context, owner, live_server.url)
    for name, url in members.items():
        failing[name] = _problems(page, live_server.url + url)
    urls = public | members
    report = "\n".join(
        f"{name} ({urls[name]}):\n  " + "\n  ".join(found)
        for name, found in failing.items()
        if found
    )
    assert not report, f"Pages that fail the walk:\n{report}"


SAMPLE = """<main style="font: 16px/1.5 sans-serif">
<p>Read <a href="#notes">the notes</a> before the session.</p>
<p><a href="#edit">edit</a> · <a href="#ask">ask again</a></p>
<form><input name="q" aria-label="Name"><button style="height: 40px">Search</button></form>
<button class="secondary" style="height: 30px">Undo</button>
<img src="data:," width="10" height="10">
<div style="width: 600px">A table too wide for a phone</div>
</main>"""


def test_the_walk_finds_what_it_looks_for(browser: Browser) -> None:
    """The measures fail a page that deserves it, so a pass in the walk means something."""
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT})
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.set_content(SAMPLE)
    measured = page.evaluate(MEASURE)
    small = "\n".join(measured["small"])
    assert measured["overflow"] > 0
    assert '"edit" is' in small and '"ask again" is' in small  # links beside links, not a sentence
    assert '"Search" is' in small  # a form's submit, 40 px tall, is a primary action under 44
    assert '"the notes"' not in small  # a link inside a sentence is exempt
    assert '"Undo"' not in small  # a secondary button of 30 px is a target over 24
    assert any(finding.startswith("axe critical image-alt") for finding in _axe(page))
    context.close()
