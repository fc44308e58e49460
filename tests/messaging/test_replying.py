"""Replying with the conversation in view, threaded in the client's mail program (observation 5)."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime

from django.test import Client as HttpClient
from django.utils import timezone

from rapport.desk.today.agenda import agenda_build
from rapport.messaging.inbound import mail_import_file
from rapport.practices.models import Member
from tests.conftest import ClientFile
from tests.messaging.conftest import MailServer, send_after_undo_window


def _mail(message_id: str, subject: str, body: str, hours_ago: int, *extra: str) -> bytes:
    headers = [
        "From: Siobhan <siobhan@example.org>",
        "To: owner@a.example",
        f"Subject: {subject}",
        f"Date: {format_datetime(timezone.now() - timedelta(hours=hours_ago))}",
        f"Message-ID: {message_id}",
        *extra,
    ]
    return ("\r\n".join(headers) + "\r\n\r\n" + body + "\r\n").encode()


def test_a_reply_shows_what_they_wrote_and_threads_with_it(
    client_file: ClientFile, owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    client = client_file.client
    practice = client.practice
    mail_import_file(
        practice=practice,
        raw=_mail("<first@mail.example>", "Moving house", "We move on the 3rd.", 10),
    )
    for number in range(1, 5):
        mail_import_file(
            practice=practice,
            raw=_mail(
                f"<n{number}@mail.example>",
                "Re: Moving house",
                f"Update number {number}: still boxes everywhere.",
                10 - number,
                "In-Reply-To: <first@mail.example>",
                "References: <first@mail.example>",
            ),
        )
    replies = agenda_build(practice).section("reply").items
    assert [item.client.pk for item in replies] == [client.pk]
    today = owner_http.get("/").content.decode()
    assert f'href="/clients/{client.pk}/compose/' in today  # every Replies owed row has Write

    page = owner_http.get(f"/clients/{client.pk}/compose/").content.decode()
    assert 'value="Re: Moving house"' in page  # not "Re: Re:", and never empty
    newest, older = page.index("Update number 4"), page.index("Update number 3")
    assert newest < older  # newest first
    # Three shown (the practice's own email from the client file is the newest), then folded.
    folded = page.index("<details>")
    assert page.index("Update number 3") < folded < page.index("Update number 2")

    answering = page.split('name="answering" value="', 1)[1].split('"', 1)[0]
    response = owner_http.post(
        f"/clients/{client.pk}/compose/",
        {
            "channel": "email",
            "to_address": "siobhan@example.org",
            "subject": "Re: Moving house",
            "body": "Hi Siobhán,\n\nGood luck with the boxes. Thursday still suits me.\n\nAda",
            "answering": answering,
        },
    )
    assert response.status_code == 302
    send_after_undo_window()
    sent = mail_server.received[-1]
    assert sent["Subject"] == "Re: Moving house"
    assert sent["In-Reply-To"] == "<n4@mail.example>"
    assert sent["References"].split() == ["<first@mail.example>", "<n4@mail.example>"]


def test_another_clients_mail_cannot_be_answered(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    from tests.conftest import make_client_file

    other = make_client_file(client_file.client.practice.members.first(), "Oren Adler", "o@x.org")
    response = owner_http.post(
        f"/clients/{client_file.client.pk}/compose/",
        {
            "channel": "email",
            "to_address": "siobhan@example.org",
            "subject": "Re: hi",
            "body": "Hi Siobhán,\n\nThanks.\n\nAda",
            "answering": str(other.mail.pk),
        },
    )
    assert response.status_code == 404
