"""A real browser: Playwright driving Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

from tests.messaging.conftest import mail_server  # noqa: F401 (the real SMTP server, for e2e too)

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make between browser steps are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)


# The page reports each Content-Security-Policy violation as an event; Chromium also says so in
# the console ("Refused to ... because it violates the following Content Security Policy
# directive"). Added through the DevTools protocol, this script is not subject to the policy.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


class WatchedBrowser:
    """Chromium, whose every context (a test's own, for a second visitor, too) reports CSP
    violations to `violations`; the autouse fixture below fails the test that caused any."""

    def __init__(self, browser: Browser) -> None:
        self._browser = browser
        self.violations: list[str] = []

    def new_context(self, **options: Any) -> BrowserContext:
        context = self._browser.new_context(**options)
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", self._heard)
        return context

    def _heard(self, message: ConsoleMessage) -> None:
        text = message.text
        if "Content Security Policy" in text or "securitypolicyviolation" in text:
            self.violations.append(f"{message.page.url if message.page else '?'}: {text}")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._browser, name)


# Package scope: Playwright's sync API runs an event loop while it is open, and a later test
# outside tests/e2e that opens Playwright itself (tests/server/test_logs.py) needs it closed.
@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: scripts/test installs it (apt-get install chromium).")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield WatchedBrowser(launched)  # type: ignore[misc]  # a Browser for the tests
        launched.close()


@pytest.fixture(autouse=True)
def no_policy_violations(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a browser test on any Content-Security-Policy violation its pages reported."""
    if "browser" not in request.fixturenames and "page" not in request.fixturenames:
        yield
        return
    watched = request.getfixturevalue("browser")
    watched.violations.clear()
    yield
    if watched.violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(watched.violations))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    report = yield
    if report.when == "call" and report.failed:
        page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
        if page is not None:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{item.name}.png"), full_page=True)
    return report


@pytest.fixture
def page(browser: Browser, live_server: object) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()
