"""Sending needs the provider's eyes: warnings ask twice, and an approved email can wait to go."""

from __future__ import annotations

import re
from datetime import timedelta

import time_machine
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.clients.models import Client
from rapport.messaging.models import OutboxMessage, OutboxStatus
from rapport.messaging.outbox import outbox_claim, outbox_send_due
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from tests.messaging.conftest import MailServer
from tests.messaging.test_compose import tomek

FLAGGED = {
    "channel": "email",
    "to_address": "tomek@example.org",
    "subject": "Your notes",
    "body": "Hi Tomek,\n\nHere are your notes, honey. Sorry for any inconvenience.\n\nAda",
}


def _second_step(page: str) -> str:
    match = re.search(r'name="acknowledged" value="([0-9a-f]+)"', page)
    assert match, "no second step on the page"
    return match.group(1)


def test_a_warning_needs_a_second_explicit_step(owner: Member, owner_http: HttpClient) -> None:
    """Observation 3: a flagged message went in one click."""
    client = tomek(owner)
    url = f"/clients/{client.pk}/compose/"
    first = owner_http.post(url, FLAGGED)
    page = first.content.decode()
    assert first.status_code == 200 and not OutboxMessage.objects.exists()
    assert "Before it goes" in page and "“honey”" in page and "Send anyway" in page
    assert ">Edit<" in page
    # The findings, then the second step, come before any button that sends.
    assert page.index('id="findings"') < page.index("Send anyway") < page.index(">Approve<")

    # "Send anyway" vouches for these words only: changed words ask again.
    changed = owner_http.post(
        url, FLAGGED | {"body": FLAGGED["body"] + " Ta, love", "acknowledged": _second_step(page)}
    )
    assert changed.status_code == 200 and not OutboxMessage.objects.exists()

    sent = owner_http.post(url, FLAGGED | {"acknowledged": _second_step(page)})
    message = OutboxMessage.objects.get()
    assert sent.status_code == 302 and sent.url == f"/clients/{client.pk}/outbox/{message.pk}/"


def test_errors_still_block_even_with_an_acknowledgement(
    owner: Member, owner_http: HttpClient
) -> None:
    client = tomek(owner)
    response = owner_http.post(
        f"/clients/{client.pk}/compose/",
        FLAGGED | {"body": "Hi Tomek, [First Name] honey", "acknowledged": "0" * 32},
    )
    assert response.status_code == 400 and "Fix before it can go" in response.content.decode()
    assert not OutboxMessage.objects.exists()


def test_the_subject_is_checked_like_the_body(owner: Member, owner_http: HttpClient) -> None:
    client = tomek(owner)
    page = owner_http.post(
        f"/clients/{client.pk}/compose/",
        FLAGGED | {"subject": "Your invoice, sweetie", "body": "Hi Tomek,\n\nAttached.\n\nAda"},
    ).content.decode()
    assert "“sweetie” in the subject" in page and "Send anyway" in page
    assert not OutboxMessage.objects.exists()


def _approved(owner: Member, http: HttpClient, client: Client) -> OutboxMessage:
    page = http.post(f"/clients/{client.pk}/compose/", FLAGGED).content.decode()
    http.post(f"/clients/{client.pk}/compose/", FLAGGED | {"acknowledged": _second_step(page)})
    return OutboxMessage.objects.get(client=client)


def test_undo_within_the_window_brings_the_draft_back_and_nothing_goes(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    client = tomek(owner)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        message = _approved(owner, owner_http, client)
        assert message.next_attempt_at == message.created_at + timedelta(seconds=30)
        confirmation = owner_http.get(f"/clients/{client.pk}/outbox/{message.pk}/")
        assert "Undo" in confirmation.content.decode()
        undo = f"/clients/{client.pk}/outbox/{message.pk}/undo/"
        assert undo in owner_http.get(f"/clients/{client.pk}/").content.decode()  # timeline
        assert undo in owner_http.get("/").content.decode()  # Today: "On its way"
        clock.shift(timedelta(seconds=20))
        assert outbox_send_due() == 0  # inside the window the outbox will not claim it
        assert not outbox_claim(message.pk, timezone.now())
        undone = owner_http.post(f"/clients/{client.pk}/outbox/{message.pk}/undo/")
        assert undone.url == f"/clients/{client.pk}/compose/"
        draft = owner_http.get(undone.url).content.decode()
        assert "Taken back: nothing was sent" in draft and "Sorry for any inconvenience" in draft
        assert "Your notes" in draft
        clock.shift(timedelta(minutes=5))
        assert outbox_send_due() == 0
    assert mail_server.received == []
    assert not OutboxMessage.objects.exists()
    assert not Interaction.objects.filter(client=client, kind="email").exists()


def test_undo_after_the_worker_claimed_it_is_refused_and_it_goes_once(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    client = tomek(owner)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        message = _approved(owner, owner_http, client)
        clock.shift(timedelta(seconds=30))
        assert outbox_send_due() == 1
        refused = owner_http.post(f"/clients/{client.pk}/outbox/{message.pk}/undo/", follow=True)
        assert "Too late to undo" in refused.content.decode()
        assert outbox_send_due() == 0
    assert len(mail_server.received) == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT


def _practice_settings(undo_seconds: str) -> dict[str, str]:
    fields = {
        "name": "Harbour Lane",
        "time_zone": "Europe/London",
        "work_starts": "09:00",
        "work_ends": "17:30",
        "currency": "GBP",
        "undo_seconds": undo_seconds,
        "usual_lengths": "60, 50, 30",
    }
    return {"practice": "1"} | {f"practice-{name}": value for name, value in fields.items()}


def test_the_window_follows_the_practice_setting(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    response = owner_http.post("/settings/", _practice_settings("601"))
    assert response.status_code == 400 and "less than or equal to 600" in response.content.decode()
    assert owner_http.post("/settings/", _practice_settings("0")).status_code == 302
    owner.practice.refresh_from_db()
    assert owner.practice.undo_seconds == 0
    client = tomek(owner)
    _approved(owner, owner_http, client)
    assert outbox_send_due() == 1  # no window: it may go at once
