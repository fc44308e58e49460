"""Hearing replies from mail files: real-world mail, once only, and the reply clock."""

from __future__ import annotations

import base64
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.cli import main
from rapport.clients.models import Client
from rapport.messaging.inbound import mail_import_file
from rapport.messaging.mailparse import parse_mail
from rapport.messaging.models import InboundMail, MailStatus
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from tests.conftest import ClientFile


def mail(*headers: str, body: str = "Thanks, Thursday works.\r\n") -> bytes:
    return ("\r\n".join(headers) + "\r\n\r\n" + body).encode()


def from_siobhan(message_id: str = "<r1@mail.example>", *extra: str) -> bytes:
    return mail(
        "From: =?utf-8?q?Siobh=C3=A1n_N=C3=AD_Bhriain?= <Siobhan@Example.org>",
        "To: owner@a.example",
        "Subject: Re: Notes from today",
        f"Date: {format_datetime(timezone.now() + timedelta(minutes=1))}",  # clamped to now
        f"Message-ID: {message_id}",
        *extra,
    )


def test_a_clients_reply_starts_the_clock_once_and_is_threaded(client_file: ClientFile) -> None:
    practice = client_file.client.practice
    raw = from_siobhan("<r1@mail.example>", f"In-Reply-To: {client_file.outbox.message_id}")
    report = mail_import_file(practice=practice, raw=raw)
    assert (report.logged, report.triage) == (1, 0)
    again = mail_import_file(practice=practice, raw=raw)
    assert (again.logged, again.already_seen) == (0, 1)
    logged = Interaction.objects.get(client=client_file.client, direction="inbound", kind="email")
    assert logged.summary == "Re: Notes from today\n(in reply to “Notes from today”)"
    assert logged.client_words == "Thanks, Thursday works."
    client = Client.objects.get(pk=client_file.client.pk)
    assert client.awaiting_reply_since == logged.occurred_at


def test_mail_from_the_practice_answers(client_file: ClientFile) -> None:
    practice = client_file.client.practice
    mail_import_file(practice=practice, raw=from_siobhan())
    answer = mail(
        "From: Ada Owner <owner@a.example>",
        "To: siobhan@example.org",
        "Subject: Re: Re: Notes",
        "Message-ID: <a1@mail.example>",
        body="Great, see you then.\r\n",
    )
    mail_import_file(practice=practice, raw=answer)
    client = Client.objects.get(pk=client_file.client.pk)
    assert client.awaiting_reply_since is None
    assert InboundMail.objects.get(message_id="<a1@mail.example>").outgoing


def test_a_forward_to_the_mailbox_is_logged_against_the_original_sender(
    client_file: ClientFile,
) -> None:
    forward = mail(
        "From: Ada Owner <owner@a.example>",
        "To: rapport@practice.example",
        "Subject: Fwd: question",
        "Message-ID: <f1@mail.example>",
        body="---------- Forwarded message ---------\r\nFrom: Siobhan <siobhan@example.org>\r\n"
        "Subject: question\r\n\r\nCan I bring my partner?\r\n",
    )
    mail_import_file(practice=client_file.client.practice, raw=forward)
    logged = Interaction.objects.get(summary="Fwd: question")
    assert logged.client == client_file.client and logged.direction == "inbound"


def test_unknown_senders_wait_to_be_placed(client_file: ClientFile, owner_http: HttpClient) -> None:
    waiting = client_file.mail
    page = owner_http.get("/mail/").content.decode()
    assert "stranger@example.net" in page
    owner_http.post(f"/mail/{waiting.pk}/", {"action": "new"})
    waiting.refresh_from_db()
    assert waiting.status == MailStatus.LOGGED
    newcomer = waiting.client
    assert (
        newcomer is not None and newcomer.full_name == "Stranger" and newcomer.status == "prospect"
    )
    assert newcomer.awaiting_reply_since is not None


def test_place_or_ignore(client_file: ClientFile, owner: Member, owner_http: HttpClient) -> None:
    practice = owner.practice
    for number in (1, 2):
        raw = mail(f"From: nobody{number}@example.net", "Subject: Hi", f"Message-ID: <n{number}@x>")
        mail_import_file(practice=practice, raw=raw)
    first, second = InboundMail.objects.filter(from_address__startswith="nobody").order_by("pk")
    owner_http.post(f"/mail/{first.pk}/", {"action": "place", "client": client_file.client.pk})
    owner_http.post(f"/mail/{second.pk}/", {"action": "ignore"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.client) == (MailStatus.LOGGED, client_file.client)
    assert second.status == MailStatus.IGNORED and second.interaction is None


def test_real_world_shapes_are_read() -> None:
    html_only = mail(
        "From: a@example.org",
        "Subject: =?iso-8859-1?q?Caf=E9?=",
        "Content-Type: text/html; charset=utf-8",
        body="<html><body><p>Hello&nbsp;there</p><script>x()</script>"
        "<div>Line two</div></body></html>",
    )
    parsed = parse_mail(html_only)
    assert parsed.subject == "Café" and parsed.text == "Hello\xa0there\nLine two"

    latin = mail(
        "From: b@example.org",
        "Content-Type: text/plain; charset=windows-1252",
        "Content-Transfer-Encoding: quoted-printable",
        body="Caf=E9 =96 na=EFve\r\n",
    )
    assert parse_mail(latin).text == "Café \u2013 naïve"

    big = base64.b64encode(b"\0" * 3_000_000).decode()
    multipart = mail(
        "From: c@example.org",
        'Content-Type: multipart/mixed; boundary="XX"',
        body="--XX\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode("Żółw".encode()).decode()
        + "\r\n--XX\r\nContent-Type: application/pdf\r\n"
        'Content-Disposition: attachment; filename="scan.pdf"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n" + big + "\r\n--XX--\r\n",
    )
    parsed = parse_mail(multipart)
    assert parsed.text == "Żółw" and parsed.attachments == [("scan.pdf", 3_000_000)]

    broken = (
        b"From: <<<not an address\r\nDate: yesterday-ish\r\n"
        b"Content-Type: text/plain; charset=klingon\r\n\r\nqapla\xff\r\n"
    )
    parsed = parse_mail(broken)
    assert parsed.sent_at is None and parsed.text.startswith("qapla")
    assert parsed.message_id == parse_mail(broken).message_id  # stable without a Message-ID


def test_an_mbox_with_a_bad_mail_imports_the_rest(
    client_file: ClientFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mbox = b"".join(
        b"From sender@example Tue Nov 17 09:15:00 2026\n" + raw.replace(b"\r\n", b"\n") + b"\n"
        for raw in (
            from_siobhan("<m1@x>"),
            from_siobhan("<m2@x>"),
            mail("From: someone@else.example", "Message-ID: <m3@x>"),
        )
    )
    path = tmp_path / "export.mbox"
    path.write_bytes(mbox)
    assert main(["mail-import", str(path), "--member", "owner@a.example"]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: 2 on timelines, 1 to place"
    assert main(["mail-import", str(path), "--member", "owner@a.example"]) == 0
    assert "3 already read before" in capsys.readouterr().out
    assert main(["mail-import", str(tmp_path / "missing.mbox"), "--member", "owner@a.example"]) == 2


def test_upload_a_mail_file_from_the_page(client_file: ClientFile, owner_http: HttpClient) -> None:
    upload = SimpleUploadedFile("reply.eml", from_siobhan("<u1@x>"), content_type="message/rfc822")
    response = owner_http.post("/mail/", {"upload": "1", "file": upload}, follow=True)
    assert "Read reply.eml: 1 on timelines, 0 to place." in response.content.decode()
    assert (
        "Choose an .eml or .mbox file first."
        in owner_http.post("/mail/", {"upload": "1"}, follow=True).content.decode()
    )
