"""Sending through a real SMTP server: once, explained when it fails, never twice."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import time_machine
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.desk.today.agenda import agenda_build
from rapport.messaging.models import OutboxMessage, OutboxStatus
from rapport.messaging.outbox import _deliver, outbox_claim, outbox_send_due
from rapport.practices.models import Member
from tests.messaging.conftest import MailServer, free_port


def approve(http: HttpClient, member: Member, **changes: str) -> OutboxMessage:
    """Approves an email in a practice with no undo window: these tests are about sending."""
    member.practice.undo_seconds = 0
    member.practice.save(update_fields=["undo_seconds"])
    tomek = client_create(
        practice=member.practice,
        full_name="Tomasz Wiśniewski",
        preferred_name="Tomek",
        closeness="regular",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "tomek@example.org")],
    )
    data = {
        "channel": "email",
        "to_address": "tomek@example.org",
        "subject": "Notes from Tuesday",
        "body": "Hi Tomek,\n\nThe notes from Tuesday are below. Żółw says hello.\n\nAda",
    } | changes
    response = http.post(f"/clients/{tomek.pk}/compose/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return OutboxMessage.objects.get(client=tomek)


def test_an_approved_email_arrives_once_with_honest_headers(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    queued = approve(owner_http, owner)
    assert queued.status == OutboxStatus.QUEUED and queued.interaction.direction == "outbound"
    assert outbox_send_due() == 1
    assert outbox_send_due() == 0
    (received,) = mail_server.received
    assert received["To"].addresses[0].display_name == "Tomasz Wiśniewski"
    assert received["To"].addresses[0].addr_spec == "tomek@example.org"
    assert received["From"].addresses[0].display_name == "Harbour Lane"
    assert received["Reply-To"] == "owner@a.example"
    assert received["Subject"] == "Notes from Tuesday"
    assert received["Message-ID"] == queued.message_id
    assert received["List-Unsubscribe"].strip().startswith("<https://rapport.example/u/")
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    body = received.get_content()
    assert "Żółw says hello." in body and "To stop messages like this one:" in body
    queued.refresh_from_db()
    assert queued.status == OutboxStatus.SENT and queued.attempts == 1
    assert "Sent" in owner_http.get(f"/clients/{queued.client_id}/").content.decode()


def test_a_non_ascii_name_is_encoded_in_the_raw_header(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    approve(owner_http, owner)
    outbox_send_due()
    headers = mail_server.received[0].as_bytes().split(b"\n\n", 1)[0]
    raw = headers.decode("ascii")  # headers on the wire are pure ASCII; the body may be UTF-8
    to_line = next(line for line in raw.splitlines() if line.startswith("To:"))
    assert "=?utf-8?" in to_line.lower() and "tomek@example.org" in to_line


def test_temporary_failures_retry_with_growing_delays(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    mail_server.busy = 2
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        queued = approve(owner_http, owner)
        assert outbox_send_due() == 0
        queued.refresh_from_db()
        assert queued.status == OutboxStatus.QUEUED and queued.next_attempt_at == start + timedelta(
            minutes=1
        )
        assert "451" in queued.last_error and "Trying again in 1 minutes" in queued.last_error
        assert outbox_send_due() == 0  # not due yet: nothing is attempted
        clock.move_to(start + timedelta(minutes=1))
        assert outbox_send_due() == 0
        queued.refresh_from_db()
        assert queued.next_attempt_at == start + timedelta(minutes=6)
        clock.move_to(start + timedelta(minutes=6))
        assert outbox_send_due() == 1
    assert len(mail_server.received) == 1
    queued.refresh_from_db()
    assert (queued.status, queued.attempts, queued.last_error) == (OutboxStatus.SENT, 3, "")


def test_a_refused_address_stops_at_once_and_says_why_in_today(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    mail_server.refuse = True
    queued = approve(owner_http, owner)
    outbox_send_due()
    queued.refresh_from_db()
    assert queued.status == OutboxStatus.FAILED
    assert (
        queued.last_error == "The mail server refused the address (550: 5.1.1 Mailbox unavailable)."
    )
    unsent = agenda_build(owner.practice).section("unsent").items
    assert [item.object_id for item in unsent] == [queued.pk]
    page = owner_http.get(f"/clients/{queued.client_id}/").content.decode()
    assert "Not sent" in page and "Mailbox unavailable" in page
    assert "Messages that did not go" in owner_http.get("/").content.decode()


def test_no_mail_server_is_a_temporary_failure(
    owner: Member, owner_http: HttpClient, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = (
        "127.0.0.1",
        free_port(),
        False,
    )
    queued = approve(owner_http, owner)
    outbox_send_due()
    queued.refresh_from_db()
    assert queued.status == OutboxStatus.QUEUED
    assert queued.last_error.startswith("Could not reach the mail server (ConnectionRefusedError).")


def test_a_worker_that_stops_mid_send_never_sends_twice(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    """The worker claims, hands the message to the server, and dies before writing it down."""
    from django.core.mail import get_connection

    queued = approve(owner_http, owner)
    now = timezone.now()
    assert outbox_claim(queued.pk, now)
    _deliver(OutboxMessage.objects.select_related("practice").get(pk=queued.pk), get_connection())
    # ...the process is killed here: the result is never recorded.
    assert outbox_send_due() == 0  # a restarted worker does not send it again
    with time_machine.travel(now + timedelta(minutes=11), tick=False):
        assert outbox_send_due() == 0
    assert len(mail_server.received) == 1
    queued.refresh_from_db()
    assert (
        queued.status == OutboxStatus.UNSURE and "cannot tell whether it went" in queued.last_error
    )
    assert [i.object_id for i in agenda_build(owner.practice).section("unsent").items] == [
        queued.pk
    ]

    # The provider checks their sent mail and chooses to send it again: same words, same Message-ID.
    owner_http.post(f"/clients/{queued.client_id}/outbox/{queued.pk}/resend/")
    assert outbox_send_due() == 1
    assert [m["Message-ID"] for m in mail_server.received] == [queued.message_id] * 2


def test_a_claim_is_taken_once(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    queued = approve(owner_http, owner)
    now = timezone.now()
    assert outbox_claim(queued.pk, now) is True
    assert outbox_claim(queued.pk, now) is False  # a second worker finds it taken
