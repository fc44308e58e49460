"""What the server writes to its log holds no secret and no client's data: a real
`rapport demo` is used as a provider and a client would use it, then its whole log is
searched for every token, name and email address that went through it."""

from __future__ import annotations

import json
import logging
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.mail import EmailMessage

from rapport.server.mail_log import LogOnlyEmailBackend
from tests.test_cli import RAPPORT, Server

BROWSER_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip

# Run in the demo's own environment: fresh secret links to two of its clients, and what the
# log must never hold about them.
SECRETS = """
import json
from rapport.appointments.links import reschedule_url
from rapport.appointments.models import Appointment
from rapport.clients.models import Client
from rapport.messaging.unsubscribe import unsubscribe_link
clients = list(Client.objects.filter(contact_points__kind="email").distinct()[:3])
from django.utils import timezone
upcoming = Appointment.objects.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
print(json.dumps({
    "clients": [{"id": c.pk, "name": c.full_name,
                 "emails": [p.value for p in c.contact_points.filter(kind="email")]}
                for c in clients],
    "reschedule": reschedule_url(upcoming),
    "unsubscribe": unsubscribe_link(clients[0]),
}))
"""


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Server]:
    server = Server("demo", tmp_path)
    yield server
    server.stop()


@pytest.mark.slow
def test_a_day_of_use_leaves_no_secret_and_no_client_in_the_log(demo: Server) -> None:
    from playwright.sync_api import sync_playwright

    login = re.search(r"log in as (\S+) / (\S+)", demo.log.read_text())
    assert login is not None
    env = demo.env | {"RAPPORT_DATA_DIR": str(Path(demo.env["RAPPORT_DATA_DIR"]) / "demo")}
    made = subprocess.run(
        [str(RAPPORT), "manage", "shell", "-c", SECRETS],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr[-2000:]
    secrets = json.loads(made.stdout.strip().splitlines()[-1])
    client = secrets["clients"][0]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        page = browser.new_page()
        page.goto(f"{demo.base}/login/")
        page.get_by_label("Email").fill(login.group(1))
        page.get_by_label("Password").fill(login.group(2))
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{demo.base}/")
        page.goto(f"{demo.base}/clients/?q={quote(client['name'])}")
        assert client["name"] in page.content()
        page.goto(f"{demo.base}/clients/{client['id']}/")
        page.goto(f"{demo.base}/calendar/feed/")
        page.locator("button[name=action][value=new]").click()
        feed = re.search(r"/calendar/feed/[\w-]+\.ics", page.content())
        assert feed is not None
        assert page.request.get(f"{demo.base}{feed.group(0)}").ok
        stranger = browser.new_page()  # a client opens their links, logged in to nothing
        for link in (secrets["reschedule"], secrets["unsubscribe"]):
            path = re.sub(r"^https?://[^/]+", "", link)
            assert stranger.goto(f"{demo.base}{path}").status == 200  # type: ignore[union-attr]
        browser.close()
    demo.stop()
    log = demo.log.read_text()
    assert "GET reschedule 200" in log and "GET calendar_feed 200" in log  # logged, by name
    tokens = [feed.group(0).rsplit("/", 1)[-1].removesuffix(".ics")]
    tokens += [link.rstrip("/").rsplit("/", 1)[-1] for link in (secrets["reschedule"],
                                                               secrets["unsubscribe"])]  # fmt: skip
    words = [person["name"] for person in secrets["clients"]]
    words += [email for person in secrets["clients"] for email in person["emails"]]
    found = [word for word in tokens + words + [quote(client["name"])] if word in log]
    assert found == [], f"in the log: {found}"


def test_email_without_an_smtp_host_is_logged_as_a_line_with_no_one_in_it(
    caplog: pytest.LogCaptureFixture, db: None
) -> None:
    email = EmailMessage(
        subject="Your results, Maya", body="Dear Maya, the scan was clear.",
        to=["Maya Reid <maya@example.org>"],
    )  # fmt: skip
    with caplog.at_level(logging.INFO, logger="rapport.mail"):
        assert LogOnlyEmailBackend().send_messages([email]) == 1
    line = caplog.text
    assert "Email not sent (no SMTP host is set): to someone else," in line and "bytes" in line
    assert [word for word in ("Maya", "maya@example.org", "scan", "results") if word in line] == []
