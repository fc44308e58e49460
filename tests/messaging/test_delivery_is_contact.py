"""An email is contact from the moment it goes: not while queued, refused or in doubt."""

from __future__ import annotations

from datetime import timedelta

import time_machine
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.attention.models import ClientReading
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.models import OutboxMessage, OutboxStatus
from rapport.messaging.outbox import outbox_send_due
from rapport.messaging.services import message_approve
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from tests.messaging.conftest import MailServer, send_after_undo_window


def _greta(member: Member) -> Client:
    """A client of two months, with a monthly rhythm and no contact logged yet."""
    return client_create(
        practice=member.practice,
        full_name="Greta Lind",
        client_since=timezone.localdate() - timedelta(days=60),
        contact_points=[ContactPointInput(ContactKind.EMAIL, "greta@example.org")],
    )


def _approve(member: Member, client: Client) -> OutboxMessage:
    approved = message_approve(
        client=client,
        member=member,
        channel="email",
        subject="Your notes",
        body="Hi Greta,\n\nYour notes from today are below.\n\nAda",
        to_address="greta@example.org",
    )
    assert approved.outbox is not None
    return approved.outbox


def test_a_refused_email_is_not_contact_anywhere(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    """Observation 1: a 550 made the page say "last contact 7 minutes ago", "Thriving"."""
    greta = _greta(owner)
    mail_server.refuse = True
    message = _approve(owner, greta)
    send_after_undo_window()
    message.refresh_from_db()
    greta.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert greta.last_contact_at is None and not greta.contact_months.exists()
    assert not Interaction.objects.filter(client=greta).contacts().exists()
    reading = ClientReading.objects.get(client=greta)
    assert "No contact logged yet." in reading.reasons and reading.score < 100
    page = owner_http.get(f"/clients/{greta.pk}/").content.decode()
    assert "Not sent" in page and "minutes ago" not in page


def test_an_email_counts_from_the_moment_it_goes(owner: Member, mail_server: MailServer) -> None:
    greta = _greta(owner)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        message = _approve(owner, greta)
        greta.refresh_from_db()
        assert greta.last_contact_at is None  # waiting in its undo window: not contact yet
        assert outbox_send_due() == 0
        clock.shift(timedelta(seconds=31))
        assert outbox_send_due() == 1
    greta.refresh_from_db()
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert greta.last_contact_at == message.interaction.occurred_at
    assert greta.last_contact_at >= message.created_at + timedelta(seconds=30)
    assert greta.contact_months.get().from_us == 1


def test_a_message_that_may_not_have_gone_is_not_contact(
    owner: Member, mail_server: MailServer
) -> None:
    greta = _greta(owner)
    message = _approve(owner, greta)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxStatus.SENDING, claimed_at=timezone.now() - timedelta(minutes=11)
    )
    outbox_send_due()
    message.refresh_from_db()
    greta.refresh_from_db()
    assert message.status == OutboxStatus.UNSURE and greta.last_contact_at is None
