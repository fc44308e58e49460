"""Another practice's objects are a 404, for every URL that takes an id, for reads and writes.

The walk reads the URL configuration itself (tests/url_walk.py), so a URL added later is
covered without anyone remembering; an id parameter it does not know fails the test.
"""

from __future__ import annotations

import imaplib

from django.test import Client as HttpClient

from rapport.api.models import ApiToken
from rapport.appointments.models import Appointment, CalendarUpload
from rapport.cases.models import Advice, Case, CaseFact, CaseInteraction, Step
from rapport.clients.models import Client, ContactKind, ContactPoint, Fact, ImportantDate
from rapport.clients.services import ContactPointInput, client_create
from rapport.handoffs.models import Handoff
from rapport.links.models import LinkPurpose
from rapport.links.services import link_create
from rapport.messaging.imap import mailbox_sync
from rapport.messaging.models import (
    InboundMail,
    Mailbox,
    MailStatus,
    MessageTemplate,
    OutboxMessage,
    OutboxStatus,
    PracticeRule,
)
from rapport.portability.models import ImportBatch
from rapport.practices.models import Member, Practice
from rapport.referrals.models import Partner, Referral
from rapport.timeline.models import Interaction, Promise
from rapport.touches.models import Touch, TouchKind
from tests.conftest import ClientFile, make_client_file
from tests.imap_server import ImapServer
from tests.url_walk import pages


def id_urls(file: ClientFile, *, only_nested: bool = False) -> list[str]:
    """Every URL that takes an id, filled in with the ids of this client file."""
    return [
        page.url(file)
        for page in pages()
        if page.kwargs and not (only_nested and page.kwargs == ["client_id"])
    ]


def _snapshot() -> list[list[dict[str, object]]]:
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Client,
            ContactPoint,
            Fact,
            ImportantDate,
            Interaction,
            Promise,
            OutboxMessage,
            MessageTemplate,
            PracticeRule,
            InboundMail,
            Appointment,
            Touch,
            TouchKind,
            ApiToken,
            ImportBatch,
            CalendarUpload,
            Case,
            Step,
            Advice,
            Partner,
            Referral,
            Handoff,
            CaseFact,
            CaseInteraction,
        )
    ]


def test_the_walk_covers_every_id_url(client_file: ClientFile) -> None:
    urls = id_urls(client_file)
    assert len(urls) >= 15
    assert f"/clients/{client_file.client.pk}/facts/{client_file.fact.pk}/edit/" in urls


def test_outsiders_get_404_on_every_id_url(
    client_file: ClientFile, owner_http: HttpClient, outsider_http: HttpClient
) -> None:
    before = _snapshot()
    for url in id_urls(client_file):
        # The owner reaches it (a page, or "use POST" for an action): a 404 below is isolation.
        assert owner_http.get(url).status_code in (200, 405), url
        assert outsider_http.get(url).status_code == 404, f"GET {url}"
        response = outsider_http.post(
            url, {"text": "x", "full_name": "x", "kind": "note", "done": "1"}
        )
        assert response.status_code == 404, f"POST {url}"
    assert _snapshot() == before, "an outsider's request changed practice A's data"


def test_own_client_with_foreign_child_is_404(
    client_file: ClientFile, outsider: Member, outsider_http: HttpClient
) -> None:
    """Mixing one's own client id with another practice's fact, date or interaction id."""
    own = make_client_file(outsider, "Bo Client", "bo@example.org")
    mixed = ClientFile(
        own.client,
        client_file.fact,
        client_file.important_date,
        client_file.interaction,
        client_file.promise,
        client_file.outbox,
        client_file.template,
        client_file.rule,
        client_file.mail,
        client_file.appointment,
        client_file.touch,
        client_file.touch_kind,
        client_file.api_token,
        client_file.import_batch,
        client_file.export_file,
        client_file.calendar_upload,
        client_file.case,
        client_file.partner,
        client_file.referral,
        client_file.handoff,
        client_file.feedback,
    )
    before = _snapshot()
    for url in id_urls(mixed, only_nested=True):
        assert outsider_http.get(url).status_code == 404, f"GET {url}"
        assert outsider_http.post(url, {"text": "x", "done": "1"}).status_code == 404, f"POST {url}"
    assert _snapshot() == before


def test_bulk_actions_ignore_foreign_clients(
    client_file: ClientFile, outsider_http: HttpClient
) -> None:
    response = outsider_http.post(
        "/clients/bulk/", {"action": "archive", "clients": [client_file.client.pk]}, follow=True
    )
    assert response.status_code == 200
    client_file.client.refresh_from_db()
    assert client_file.client.archived_at is None


def _mail_to_b(*headers: str, body: str) -> bytes:
    return ("\r\n".join([*headers, "To: owner@b.example"]) + "\r\n\r\n" + body).encode()


def _into_mailbox(server: ImapServer, practice: Practice, mails: list[bytes]) -> None:
    """The mails arrive in the practice's own IMAP mailbox, and the worker's sync reads them."""
    imap = imaplib.IMAP4(server.host, server.port)
    imap.login(server.username, server.password)
    _, count = imap.select("INBOX")
    if int(count[0] or 0):  # the server is shared by the session's tests
        imap.store("1:*", "+FLAGS", "\\Deleted")
        imap.expunge()
    for raw in mails:
        assert imap.append("INBOX", "", None, raw)[0] == "OK"
    imap.logout()
    mailbox = Mailbox.objects.create(
        practice=practice, host=server.host, port=server.port, use_ssl=False,
        username=server.username, password=server.password, address="mail@b.example",
    )  # fmt: skip
    assert mailbox_sync(mailbox=mailbox).unreadable == 0 and not mailbox.last_error


def test_mail_that_names_another_practices_mail_reveals_nothing_of_it(
    client_file: ClientFile, outsider: Member, outsider_http: HttpClient, imap_server: ImapServer
) -> None:
    """Message-IDs are written by whoever sends the mail: one of practice A's, in a mail read
    from practice B's mailbox, neither lends B its subject nor touches A's outbox (issue 15)."""
    theirs = client_file.outbox
    OutboxMessage.objects.filter(pk=theirs.pk).update(
        subject="Orchid plans after the divorce", status=OutboxStatus.SENT
    )
    secrets = ["Orchid plans", "Siobh", "notes from today are below", "example.org"]
    bo = client_create(
        practice=outsider.practice,
        full_name="Bo Lindqvist",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "bo@b-clients.example")],
    )
    thread = f"In-Reply-To: {theirs.message_id}\r\nReferences: <x@y.example> {theirs.message_id}"
    reply = _mail_to_b(
        "From: Bo <bo@b-clients.example>", "Subject: Re: hello", "Message-ID: <bo1@b.example>",
        thread, body="Thursday works.\r\n",
    )  # fmt: skip
    stranger = _mail_to_b(
        "From: Kim <kim@elsewhere.example>", "Subject: Re: your mail",
        "Message-ID: <kim1@b.example>", thread, body="Who is this?\r\n",
    )  # fmt: skip
    bounce = _mail_to_b(
        "From: MAILER-DAEMON@mx.example", "Subject: failure notice", "Message-ID: <mx1@mx.example>",
        body=f"550 No such user here\r\n\r\nMessage-ID: {theirs.message_id}\r\n",
    )  # fmt: skip
    practice_a, before = client_file.client.practice_id, _snapshot()
    _into_mailbox(imap_server, outsider.practice, [reply, stranger, bounce])
    logged = Interaction.objects.for_practice(outsider.practice).get(client=bo)
    assert logged.summary == "Re: hello"
    assert (
        not InboundMail.objects.for_practice(outsider.practice)
        .filter(status=MailStatus.BOUNCE)
        .exists()
    )
    pages = ["/", f"/clients/{bo.pk}/", "/mail/", "/overview/", "/clients/"]
    b_side = [outsider_http.get(url).content.decode() for url in pages]
    b_side += [str(row) for row in Interaction.objects.for_practice(outsider.practice).values()] + [
        str(row) for row in InboundMail.objects.for_practice(outsider.practice).values()
    ]
    for text in b_side:
        assert not [secret for secret in secrets if secret in text]
    # A's outbox, mail and timeline are as they were: the bounce was B's own mail.
    assert _of(practice_a, _snapshot()) == _of(practice_a, before)
    assert OutboxMessage.objects.get(pk=theirs.pk).status == OutboxStatus.SENT


def _of(practice_id: int, snapshot: list[list[dict[str, object]]]) -> list[object]:
    return [[row for row in rows if row.get("practice_id") == practice_id] for rows in snapshot]


def test_a_link_opens_only_its_own_clients_appointment(
    client_file: ClientFile, outsider: Member
) -> None:
    """The token is the only way in: what it names is looked for in its own practice and client,
    so a link row naming another practice's appointment id (a bug, a bad restore) opens nothing."""
    theirs = make_client_file(outsider, "Bo Client", "bo@example.org").appointment
    token = link_create(
        client=client_file.client,
        purpose=LinkPurpose.RESCHEDULE,
        target_id=theirs.pk,
        target_nonce=theirs.link_nonce,
    )
    response = HttpClient().get(f"/r/{token}/")
    assert response.status_code == 404
    assert "Bo" not in response.content.decode()
