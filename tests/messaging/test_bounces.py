"""A bounce that comes back later (read from the mailbox or a file) undoes the contact the email
made: it is not sent after all, and says why (observation 1, for mail servers that accept first
and refuse afterwards)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.inbound import mail_import_file
from rapport.messaging.mailparse import parse_mail
from rapport.messaging.models import InboundMail, MailStatus, OutboxMessage, OutboxStatus
from rapport.messaging.outbox import outbox_send_due
from rapport.messaging.services import message_approve
from rapport.practices.models import Member
from tests.messaging.conftest import MailServer

BOUNCES = Path(__file__).parent / "bounces"


def _sent(member: Member) -> OutboxMessage:
    greta = client_create(
        practice=member.practice,
        full_name="Greta Lind",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "greta@example.org")],
    )
    with time_machine.travel(timezone.now() - timedelta(minutes=5), tick=False) as clock:
        approved = message_approve(
            client=greta,
            member=member,
            channel="email",
            subject="Your notes",
            body="Hi Greta,\n\nYour notes are below.\n\nAda",
            to_address="greta@example.org",
        )
        clock.shift(timedelta(minutes=1))
        assert outbox_send_due() == 1
    assert approved.outbox is not None
    approved.outbox.refresh_from_db()
    return approved.outbox


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("postfix.eml", "550 5.1.1 <greta@example.org>: Recipient address rejected"),
        ("gmail.eml", "550-5.1.1 The email account that you tried to reach does not exist"),
        ("qmail.eml", "550 No such user here"),
    ],
)
def test_a_bounce_makes_the_email_not_sent_and_not_contact(
    name: str, reason: str, owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    message = _sent(owner)
    greta = Client.objects.get(pk=message.client_id)
    assert greta.last_contact_at is not None and message.status == OutboxStatus.SENT
    raw = (BOUNCES / name).read_text().replace("{message_id}", message.message_id)
    mail_import_file(practice=owner.practice, raw=raw.replace("\n", "\r\n").encode())
    message.refresh_from_db()
    greta.refresh_from_db()
    assert message.status == OutboxStatus.FAILED and reason in message.last_error
    assert greta.last_contact_at is None and not greta.contact_months.exists()
    bounce = InboundMail.objects.get(status=MailStatus.BOUNCE)
    assert bounce.client_id == greta.pk and bounce.interaction is None  # not a mail from Greta
    assert not greta.interactions.filter(direction="inbound").exists()
    page = owner_http.get(f"/clients/{greta.pk}/").content.decode()
    assert "It bounced back" in page and f"/outbox/{message.pk}/resend/" in page
    # Read again (the mailbox is read every five minutes): nothing changes twice.
    assert mail_import_file(practice=owner.practice, raw=raw.encode()).already_seen == 1


def test_a_delay_notice_is_not_a_failure(owner: Member, mail_server: MailServer) -> None:
    message = _sent(owner)
    raw = (BOUNCES / "delayed.eml").read_text().replace("{message_id}", message.message_id)
    mail_import_file(practice=owner.practice, raw=raw.encode())
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert Client.objects.get(pk=message.client_id).last_contact_at is not None


def test_a_bounce_of_mail_rapport_did_not_send_waits_to_be_placed(owner: Member) -> None:
    raw = (BOUNCES / "qmail.eml").read_text().replace("{message_id}", "<other@elsewhere.example>")
    assert parse_mail(raw.encode()).bounce is not None
    report = mail_import_file(practice=owner.practice, raw=raw.encode())
    assert report.triage == 1


def test_ordinary_mail_is_not_a_bounce() -> None:
    raw = (
        b"From: Greta <greta@example.org>\r\nTo: a@b.example\r\nSubject: Re: Your notes\r\n"
        b"Message-ID: <g1@example.org>\r\nIn-Reply-To: <abc@rapport>\r\n\r\n"
        b"Thanks! Message-ID: <abc@rapport> was lovely, delivery failed? No.\r\n"
    )
    assert parse_mail(raw).bounce is None
