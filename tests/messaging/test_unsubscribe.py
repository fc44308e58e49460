"""The unsubscribe link in non-essential emails: short, random, kept only as a hash, one click."""

from __future__ import annotations

import hashlib
import io
import re
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

from django.core import signing
from django.core.management import call_command
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.links.models import ClientLink, LinkPurpose
from rapport.messaging.models import OutboxMessage
from rapport.messaging.outbox import email_for, outbox_send_due
from rapport.practices.models import Member
from tests.messaging.conftest import MailServer

TOKEN = re.compile(r"[A-Za-z0-9_-]{22,}")  # 22 base64 characters: 132 bits


def _sent_link(http: HttpClient, member: Member, mail_server: MailServer) -> tuple[Client, str]:
    """Approves a non-essential email to a new client, sends it, and returns its link's path."""
    client = client_create(
        practice=member.practice,
        full_name="Tomasz Wiśniewski",
        preferred_name="Tomek",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "tomek@example.org")],
    )
    response = http.post(
        f"/clients/{client.pk}/compose/",
        {
            "channel": "email",
            "to_address": "tomek@example.org",
            "subject": "How are things?",
            "body": "Hi Tomek,\n\nHow are things?\n\nAda",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    # Past any undo window: the message is due.
    assert outbox_send_due(now=timezone.now() + timedelta(minutes=11)) == 1
    (received,) = mail_server.received
    header = received["List-Unsubscribe"].strip()
    assert header.startswith("<https://rapport.example/u/") and header.endswith(">")
    link = header[1:-1]
    assert f"To stop messages like this one: {link}" in received.get_content()
    return client, urlsplit(link).path


def _database() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_the_link_is_short_random_and_kept_only_as_a_hash(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    client, path = _sent_link(owner_http, owner, mail_server)
    assert len(path) <= 40, path
    token = path.removeprefix("/u/").removesuffix("/")
    assert TOKEN.fullmatch(token)
    stored = ClientLink.objects.get(purpose=LinkPurpose.UNSUBSCRIBE)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert (stored.client_id, stored.practice_id, stored.expires_at) == (
        client.pk,
        owner.practice_id,
        None,
    )
    everything = _database()
    assert token not in everything and stored.token_hash in everything


def test_the_link_opens_a_page_and_unsubscribes_in_one_click(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    client, path = _sent_link(owner_http, owner, mail_server)
    anyone = HttpClient(enforce_csrf_checks=True)
    page = anyone.get(path)
    assert page.status_code == 200 and "Stop these messages?" in page.content.decode()
    client.refresh_from_db()
    assert not client.messages_opt_out  # a look (or a mail scanner's fetch) changes nothing
    one_click = anyone.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200 and "Done" in one_click.content.decode()
    client.refresh_from_db()
    assert client.messages_opt_out
    assert anyone.post(path).status_code == 200  # a second click is no error


def test_every_copy_of_an_email_has_a_working_link(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    client, first = _sent_link(owner_http, owner, mail_server)
    message = OutboxMessage.objects.get(client=client)
    again = urlsplit(email_for(message).extra_headers["List-Unsubscribe"][1:-1]).path
    assert again != first and len(again) <= 40
    for path in (first, again):
        assert "Stop these messages?" in HttpClient().get(path).content.decode()


def test_unknown_and_orphaned_links_are_kind_404s(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    client, path = _sent_link(owner_http, owner, mail_server)
    visitor = HttpClient()
    token = path.removeprefix("/u/").removesuffix("/")
    for bad in [secrets.token_urlsafe(16), token[:-1], token + "A", "x" * 300]:
        response = visitor.get(f"/u/{bad}/")
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
        assert "Harbour Lane" not in response.content.decode()
    client.delete()
    assert not ClientLink.objects.exists()
    assert visitor.post(path).status_code == 404


def test_a_link_sent_before_links_were_short_still_works(owner: Member) -> None:
    """Emails already in inboxes carry the old signed token; unsubscribing must keep working."""
    client = client_create(practice=owner.practice, full_name="Greta Lind")
    old = signing.dumps(
        {"p": owner.practice_id, "c": client.pk}, salt="rapport.unsubscribe", compress=True
    )
    assert "Stop these messages?" in HttpClient().get(f"/u/{old}/").content.decode()
    HttpClient().post(f"/u/{old}/")
    client.refresh_from_db()
    assert client.messages_opt_out
