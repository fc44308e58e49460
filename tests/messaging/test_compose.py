"""The composer: templates, the live check, approval, other channels, and opting out."""

from __future__ import annotations

import re

from django.test import Client as HttpClient

from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.models import MessageTemplate, OutboxMessage
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from rapport.timeline.services import interaction_create
from tests.messaging.conftest import MailServer, send_after_undo_window


def tomek(member: Member, **fields: object) -> Client:
    return client_create(
        practice=member.practice,
        full_name="Tomasz Wiśniewski",
        preferred_name="Tomek",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "tomek@example.org")],
        **fields,  # type: ignore[arg-type]
    )


def test_a_template_is_filled_with_what_rapport_knows(
    owner: Member, owner_http: HttpClient
) -> None:
    owner.practice.core_values = "- I tell you what I know, and what I don't."
    owner.practice.save()
    client = tomek(owner)
    page = owner_http.get(f"/clients/{client.pk}/compose/").content.decode()
    welcome = MessageTemplate.objects.get(practice=owner.practice, name="Welcome")
    assert f'href="/clients/{client.pk}/compose/?template={welcome.pk}"' in page
    assert MessageTemplate.objects.count() == 8
    draft = owner_http.get(
        f"/clients/{client.pk}/compose/", {"template": welcome.pk}
    ).content.decode()
    assert "Hi Tomek," in draft and "I tell you what I know" in draft and "Ada Owner" in draft
    assert "Nothing to flag" in draft


def test_a_placeholder_left_in_blocks_sending_and_nothing_is_saved(
    owner: Member, owner_http: HttpClient
) -> None:
    client = tomek(owner)
    owner_http.get(f"/clients/{client.pk}/compose/")
    thanks = MessageTemplate.objects.get(practice=owner.practice, name="Thank you")
    draft = owner_http.get(
        f"/clients/{client.pk}/compose/", {"template": thanks.pk}
    ).content.decode()
    assert "Fix before it can go" in draft and "{{what you are thanking them for}}" in draft
    response = owner_http.post(
        f"/clients/{client.pk}/compose/",
        {
            "channel": "email",
            "to_address": "tomek@example.org",
            "subject": "Thank you",
            "body": "Hi Tomek,\n\nThank you for {{what you are thanking them for}}.\n\nAda",
        },
    )
    assert response.status_code == 400
    assert "Fix what the check marks as an error" in response.content.decode()
    assert not OutboxMessage.objects.exists()
    assert not Interaction.objects.filter(client=client).exists()


def test_the_check_answers_as_the_provider_types(owner: Member, owner_http: HttpClient) -> None:
    client = tomek(owner, closeness="new")
    response = owner_http.post(
        f"/clients/{client.pk}/compose/check/",
        {"subject": "Hi", "body": "Hi Tomasz,\n\nThanks hun, see you soon xx"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert "<html" not in html
    assert re.findall(r'class="chip">([a-z-]+)<', html) == ["greeting", "pet-name", "over-familiar"]
    assert "They asked to be called Tomek." in html


def test_saying_it_by_phone_logs_the_call_and_answers_the_reply_clock(
    owner: Member, owner_http: HttpClient
) -> None:
    client = tomek(owner)
    interaction_create(
        client=client, kind="email", direction="inbound", summary="Can we move Thursday?"
    )
    client.refresh_from_db()
    assert client.awaiting_reply_since is not None
    owner_http.post(
        f"/clients/{client.pk}/compose/",
        {"channel": "phone", "body": "Hi Tomek, yes, Thursday at 4 works. Ada"},
    )
    call = Interaction.objects.get(client=client, kind="call")
    assert call.direction == "outbound" and "Thursday at 4" in call.summary
    client.refresh_from_db()
    assert client.awaiting_reply_since is None
    assert not OutboxMessage.objects.exists()


def test_only_the_clients_own_address(owner: Member, owner_http: HttpClient) -> None:
    client = tomek(owner)
    response = owner_http.post(
        f"/clients/{client.pk}/compose/",
        {
            "channel": "email",
            "to_address": "someone@else.example",
            "subject": "Hi",
            "body": "Hi Tomek, hello.",
        },
    )
    assert response.status_code == 400 and "Select a valid choice" in response.content.decode()


def test_unsubscribing_stops_all_but_appointment_messages(
    owner: Member, owner_http: HttpClient, mail_server: MailServer
) -> None:
    client = tomek(owner)
    owner_http.post(
        f"/clients/{client.pk}/compose/",
        {
            "channel": "email",
            "to_address": "tomek@example.org",
            "subject": "How are things?",
            "body": "Hi Tomek,\n\nHow are things?\n\nAda",
        },
    )
    send_after_undo_window()
    link = mail_server.received[0]["List-Unsubscribe"].strip()[1:-1]
    path = link.removeprefix("https://rapport.example")
    anyone = HttpClient(enforce_csrf_checks=True)
    assert "Stop these messages?" in anyone.get(path).content.decode()
    one_click = anyone.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200 and "Done" in one_click.content.decode()
    client.refresh_from_db()
    assert client.messages_opt_out
    assert Interaction.objects.filter(
        client=client, kind="note", summary__startswith="Unsubscribed"
    ).exists()

    refused = owner_http.post(
        f"/clients/{client.pk}/compose/",
        {
            "channel": "email",
            "to_address": "tomek@example.org",
            "subject": "News",
            "body": "Hi Tomek, news.",
        },
    )
    assert refused.status_code == 400 and "asked not to get messages" in refused.content.decode()
    owner_http.post(
        f"/clients/{client.pk}/compose/",
        {
            "channel": "email",
            "to_address": "tomek@example.org",
            "subject": "Running late",
            "body": "Hi Tomek,\n\nI'm running ten minutes late. Sorry.\n\nAda",
            "essential": "on",
        },
    )
    send_after_undo_window()
    assert len(mail_server.received) == 2
    assert mail_server.received[1]["List-Unsubscribe"] is None  # essential: no unsubscribe link


def test_a_tampered_unsubscribe_link_is_a_kind_404(db: None) -> None:
    response = HttpClient().get("/u/eyJwIjoxLCJjIjoxfQ:1abc:forged/")
    assert response.status_code == 404 and "This link does not work" in response.content.decode()


def test_a_template_or_purpose_that_is_not_there_is_a_404_or_a_blank_page(
    owner: Member, owner_http: HttpClient
) -> None:
    client = tomek(owner)
    url = f"/clients/{client.pk}/compose/"
    assert owner_http.get(url, {"template": "abc"}).status_code == 404
    assert owner_http.get(url, {"template": "99999"}).status_code == 404
    blank = owner_http.get(url, {"purpose": "nonsense"})
    assert blank.status_code == 200 and "Hi Tomek,\n" not in blank.content.decode()


def test_findings_are_marked_in_the_draft_where_they_occur(
    owner: Member, owner_http: HttpClient
) -> None:
    client = tomek(owner)
    page = owner_http.post(
        f"/clients/{client.pk}/compose/check/",
        {"subject": "Notes", "body": "Hi Tomek,\n\nHere you go, hun. Ada"},
    ).content.decode()
    mark = re.search(r'<mark class="finding-mark[^"]*" tabindex="0"[^>]*>(.*?)</mark>', page)
    assert mark is not None and mark.group(1).startswith("hun<sup")
    assert 'aria-describedby="finding-1"' in mark.group(0)  # the explanation, on focus too
    assert "[1]" in mark.group(1)  # a number, so it reads without colour
    assert 'id="finding-1"' in page and "A pet name" in page
    assert "Here you go, " in page  # the rest of the draft, around the mark
