"""Each promise in docs/messaging.md, tried one by one against a real SMTP server (obs. 9)."""

from __future__ import annotations

from django.test import Client as HttpClient

from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.mailparse import parse_mail
from rapport.messaging.models import OutboxMessage, OutboxStatus
from rapport.messaging.outbox import outbox_send_due
from rapport.messaging.services import client_unsubscribe, message_approve
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from tests.messaging.conftest import MailServer, send_after_undo_window


def _approve(member: Member, name: str, address: str, *, essential: bool = False) -> OutboxMessage:
    client = client_create(
        practice=member.practice,
        full_name=name,
        contact_points=[ContactPointInput(ContactKind.EMAIL, address)],
    )
    approved = message_approve(
        client=client,
        member=member,
        channel="email",
        subject="Your notes",
        body=f"Hi {client.display_name},\n\nYour notes are below.\n\nAda",
        to_address=address,
        essential=essential,
    )
    assert approved.outbox is not None
    return approved.outbox


def test_an_opt_out_after_approval_is_respected_when_sending(
    owner: Member, mail_server: MailServer
) -> None:
    """Queued, retrying after a 451, then they unsubscribed: it must not go."""
    mail_server.busy = 1
    message = _approve(owner, "Oren Adler", "oren@example.org")
    assert send_after_undo_window() == 0  # 451: it waits to try again
    message.refresh_from_db()
    assert message.status == OutboxStatus.QUEUED and message.attempts == 1
    client_unsubscribe(client=message.client)
    send_after_undo_window()
    message.refresh_from_db()
    assert message.status == OutboxStatus.CANCELLED and mail_server.received == []
    assert Interaction.objects.filter(
        client=message.client, kind="note", summary__contains="was not sent"
    ).exists()


def test_the_opt_out_is_read_at_sending_even_if_set_another_way(
    owner: Member, mail_server: MailServer
) -> None:
    message = _approve(owner, "Oren Adler", "oren@example.org")
    essential = _approve(owner, "Ines Duarte", "ines@example.org", essential=True)
    for client in (message.client, essential.client):  # e.g. an edit on their page
        client.messages_opt_out = True
        client.save(update_fields=["messages_opt_out"])
    assert send_after_undo_window() == 1
    assert [m["To"].addresses[0].addr_spec for m in mail_server.received] == ["ines@example.org"]
    message.refresh_from_db()
    assert message.status == OutboxStatus.CANCELLED


def test_send_again_is_offered_where_it_may_not_have_gone_and_refuses_a_sent_message(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    message = _approve(owner, "Oren Adler", "oren@example.org")
    OutboxMessage.objects.filter(pk=message.pk).update(status=OutboxStatus.UNSURE)
    resend = f"/clients/{message.client_id}/outbox/{message.pk}/resend/"
    assert resend in owner_http.get(f"/clients/{message.client_id}/").content.decode()
    assert resend in owner_http.get("/").content.decode()  # Today's "Messages that did not go"
    owner_http.post(resend)
    assert send_after_undo_window() == 1
    assert resend not in owner_http.get(f"/clients/{message.client_id}/").content.decode()
    refused = owner_http.post(resend, follow=True)
    assert "not sent again" in refused.content.decode()
    assert outbox_send_due() == 0 and len(mail_server.received) == 1
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT


def test_names_with_commas_quotes_and_any_script_are_addressed_properly(
    owner: Member, mail_server: MailServer
) -> None:
    owner.practice.name = 'Harbour Lane, "the" practice'
    owner.practice.save(update_fields=["name"])
    for name, address in [
        ("Ní Bhriain, Siobhán", "siobhan@example.org"),
        ('Jo "JJ" O\'Neil', "jo@example.org"),
        ("山田, 太郎", "taro@example.org"),
    ]:
        _approve(owner, name, address)
    assert send_after_undo_window() == 3
    received = {m["To"].addresses[0].addr_spec: m for m in mail_server.received}
    assert received["siobhan@example.org"]["To"].addresses[0].display_name == "Ní Bhriain, Siobhán"
    assert received["jo@example.org"]["To"].addresses[0].display_name == 'Jo "JJ" O\'Neil'
    assert received["taro@example.org"]["To"].addresses[0].display_name == "山田, 太郎"
    sender = received["taro@example.org"]["From"].addresses
    assert len(sender) == 1 and sender[0].display_name == 'Harbour Lane, "the" practice'


def test_one_bad_address_fails_that_message_and_never_stops_the_batch(
    owner: Member, mail_server: MailServer
) -> None:
    bad = _approve(owner, "Nobody", "nobody@example.org")
    good = _approve(owner, "Oren Adler", "oren@example.org")
    # An address that passed once and cannot be written into a header now (e.g. imported data).
    OutboxMessage.objects.filter(pk=bad.pk).update(to_address="broken@@example..org\n")
    assert send_after_undo_window() == 1
    bad.refresh_from_db()
    good.refresh_from_db()
    assert bad.status == OutboxStatus.FAILED and "cannot be written" in bad.last_error
    assert good.status == OutboxStatus.SENT
    assert [m["To"].addresses[0].addr_spec for m in mail_server.received] == ["oren@example.org"]


def test_a_raw_utf8_subject_is_read_as_written() -> None:
    raw = (
        "From: Oren Adler <oren@example.org>\r\nTo: owner@a.example\r\n"
        "Subject: Café notes — ça va?\r\nMessage-ID: <u8@example.org>\r\n\r\nMerci\r\n"
    ).encode()
    assert parse_mail(raw).subject == "Café notes — ça va?"
