"""A real IMAP mailbox (dovecot): replies, answers from the sent folder, only what is new."""

from __future__ import annotations

import imaplib
from collections.abc import Iterator
from datetime import timedelta
from email.utils import format_datetime

import pytest
from django.utils import timezone

from rapport.clients.models import Client
from rapport.messaging.imap import mailbox_sync
from rapport.messaging.models import InboundMail, Mailbox, MailStatus
from rapport.server.worker import run_once
from rapport.timeline.models import Interaction
from tests.conftest import ClientFile
from tests.imap_server import ImapServer


@pytest.fixture
def imap(imap_server: ImapServer) -> Iterator[imaplib.IMAP4]:
    client = imaplib.IMAP4(imap_server.host, imap_server.port)
    client.login(imap_server.username, imap_server.password)
    for folder in ("INBOX", "Sent"):  # every test starts with an empty mailbox
        _, count = client.select(folder)
        if int(count[0] or 0):
            client.store("1:*", "+FLAGS", "\\Deleted")
            client.expunge()
    yield client
    client.logout()


def put(imap: imaplib.IMAP4, folder: str, *headers: str, body: str = "Hello.") -> None:
    now = format_datetime(timezone.now() + timedelta(minutes=1))  # after the fixture's own email
    raw = "\r\n".join([*headers, f"Date: {now}", "", body, ""]).encode()
    status, _ = imap.append(folder, "", None, raw)
    assert status == "OK"


def mailbox_for(file: ClientFile, server: ImapServer, **changes: object) -> Mailbox:
    fields: dict[str, object] = {
        "host": server.host,
        "port": server.port,
        "use_ssl": False,
        "username": server.username,
        "password": server.password,
        "address": "practice@example.org",
    }
    return Mailbox.objects.create(practice=file.client.practice, **(fields | changes))


def test_sync_reads_replies_answers_and_strangers_once(
    client_file: ClientFile, imap_server: ImapServer, imap: imaplib.IMAP4
) -> None:
    put(
        imap,
        "INBOX",
        "From: Siobhan <siobhan@example.org>",
        "To: practice@example.org",
        "Subject: Re: Notes",
        "Message-ID: <in-1@x>",
        body="Can we meet earlier?",
    )
    put(imap, "INBOX", "From: stranger@example.net", "Subject: Quote?", "Message-ID: <in-2@x>")
    mailbox = mailbox_for(client_file, imap_server)
    report = mailbox_sync(mailbox=mailbox)
    assert (report.logged, report.triage) == (1, 1)
    client = Client.objects.get(pk=client_file.client.pk)
    assert client.awaiting_reply_since is not None and client.unanswered_count == 1

    # The provider answered from their own mail program: the sent folder says so.
    put(
        imap,
        "Sent",
        "From: practice@example.org",
        "To: Siobhan <siobhan@example.org>",
        "Subject: Re: Re: Notes",
        "Message-ID: <out-1@x>",
        body="Of course: 3pm?",
    )
    report = mailbox_sync(mailbox=mailbox)
    assert (report.logged, report.triage, report.already_seen) == (1, 0, 0)  # only what is new
    client.refresh_from_db()
    assert client.awaiting_reply_since is None
    assert Interaction.objects.filter(
        client=client, direction="outbound", summary="Re: Re: Notes"
    ).exists()
    assert InboundMail.objects.filter(
        status=MailStatus.TRIAGE, from_address="stranger@example.net"
    ).exists()
    mailbox.refresh_from_db()
    assert mailbox.last_error == "" and mailbox.inbox_uid == 2 and mailbox.sent_uid == 1

    imap.select("INBOX", readonly=True)
    _, unseen = imap.search(None, "UNSEEN")
    assert len(unseen[0].split()) == 2  # read, not marked as read: the provider's mailbox is theirs


def test_a_wrong_password_is_explained(client_file: ClientFile, imap_server: ImapServer) -> None:
    mailbox = mailbox_for(client_file, imap_server, password="wrong")
    mailbox_sync(mailbox=mailbox)
    mailbox.refresh_from_db()
    assert mailbox.last_error == "The mail server did not accept the username and password."


def test_an_unreachable_server_and_a_missing_folder_are_explained(
    client_file: ClientFile, imap_server: ImapServer, imap: imaplib.IMAP4
) -> None:
    mailbox = mailbox_for(client_file, imap_server, sent_folder="Sent Items")
    mailbox_sync(mailbox=mailbox)
    mailbox.refresh_from_db()
    assert mailbox.last_error == "There is no folder called Sent Items in this mailbox."
    mailbox.port = 1
    mailbox_sync(mailbox=mailbox)
    mailbox.refresh_from_db()
    assert mailbox.last_error.startswith("Could not reach 127.0.0.1:1")


@pytest.mark.tasks
def test_the_worker_reads_the_mailbox(
    client_file: ClientFile, imap_server: ImapServer, imap: imaplib.IMAP4
) -> None:
    put(imap, "INBOX", "From: siobhan@example.org", "Subject: Hello again", "Message-ID: <w-1@x>")
    mailbox_for(client_file, imap_server)
    run_once()
    assert Interaction.objects.filter(summary="Hello again", direction="inbound").exists()


def test_owners_set_up_the_mailbox_and_see_at_once_if_it_works(
    client_file: ClientFile, imap_server: ImapServer, imap: imaplib.IMAP4, owner_http: object
) -> None:
    from django.test import Client as HttpClient

    assert isinstance(owner_http, HttpClient)
    data = {
        "mailbox": "1",
        "mailbox-address": "practice@example.org",
        "mailbox-host": imap_server.host,
        "mailbox-port": imap_server.port,
        "mailbox-username": imap_server.username,
        "mailbox-password": "wrong",
        "mailbox-inbox_folder": "INBOX",
        "mailbox-sent_folder": "Sent",
    }
    page = owner_http.post("/settings/", data, follow=True).content.decode()
    assert "Saved, but the mailbox could not be read: The mail server did not accept" in page
    page = owner_http.post(
        "/settings/", data | {"mailbox-password": imap_server.password}, follow=True
    )
    assert "Connected. Read the mailbox: 0 on timelines, 0 to place." in page.content.decode()
    kept = owner_http.post(
        "/settings/", data | {"mailbox-password": ""}, follow=True
    )  # empty keeps it
    assert "Connected." in kept.content.decode()
    assert Mailbox.objects.get().password == imap_server.password
