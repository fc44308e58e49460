"""Logging conversations, promises, last contact, and quick capture with and without htmx."""

from __future__ import annotations

from datetime import UTC, timedelta

from django.test import Client as HttpClient
from django.utils import timezone

from rapport.clients.models import Fact, FactCategory
from rapport.timeline.models import Direction, Interaction, InteractionKind, Promise
from rapport.timeline.services import interaction_create
from tests.conftest import ClientFile


def promise_rows(*rows: tuple[str, str]) -> dict[str, str]:
    data = {"promise-TOTAL_FORMS": str(len(rows)), "promise-INITIAL_FORMS": "0"}
    for index, (text, due) in enumerate(rows):
        data |= {f"promise-{index}-text": text, f"promise-{index}-due_on": due}
    return data


def test_log_a_call_with_their_words_and_promises(
    client_file: ClientFile, staff_http: HttpClient
) -> None:
    client = client_file.client
    data = {
        "kind": "call",
        "direction": "inbound",
        "occurred_at": "2026-11-20T14:05",
        "summary": "Worried about the course fees.",
        "client_words": "I don't want to ask about money.",
    } | promise_rows(("Send the payment options", "2026-11-24"), ("", ""))
    response = staff_http.post(f"/clients/{client.pk}/interactions/new/", data)
    assert response.status_code == 302
    logged = Interaction.objects.get(summary="Worried about the course fees.")
    assert logged.direction == Direction.INBOUND
    assert timezone.localtime(logged.occurred_at).strftime("%Y-%m-%d %H:%M") == "2026-11-20 14:05"
    assert list(logged.promises.values_list("text", "due_on__day")) == [
        ("Send the payment options", 24)
    ]
    page = staff_http.get(f"/clients/{client.pk}/").content.decode()
    assert "I don&#x27;t want to ask about money." in page
    assert "Send the payment options" in page


def test_a_promise_without_a_day_is_refused_and_nothing_is_saved(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    data = {
        "kind": "meeting",
        "direction": "none",
        "occurred_at": "2026-11-20T14:05",
        "summary": "Session.",
    } | promise_rows(("Call her sister", ""))
    response = owner_http.post(f"/clients/{client_file.client.pk}/interactions/new/", data)
    assert response.status_code == 400
    assert "A promise needs a day" in response.content.decode()
    assert not Interaction.objects.filter(summary="Session.").exists()
    assert Promise.objects.count() == 1


def test_an_empty_interaction_asks_for_words(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    data = {
        "kind": "call",
        "direction": "outbound",
        "occurred_at": "2026-11-20T14:05",
    } | promise_rows()
    response = owner_http.post(f"/clients/{client_file.client.pk}/interactions/new/", data)
    assert "Write a few words about what happened." in response.content.decode()


def test_timeline_is_newest_first(client_file: ClientFile, owner_http: HttpClient) -> None:
    client = client_file.client
    for days, summary in [(30, "Oldest meeting"), (1, "Newest meeting"), (10, "Middle meeting")]:
        interaction_create(
            client=client,
            kind=InteractionKind.MEETING,
            summary=summary,
            occurred_at=timezone.now() - timedelta(days=days),
        )
    page = owner_http.get(f"/clients/{client.pk}/").content.decode()
    assert (
        page.index("Newest meeting") < page.index("Middle meeting") < page.index("Oldest meeting")
    )


def test_last_contact_follows_real_contact_not_notes(client_file: ClientFile) -> None:
    client = client_file.client
    # The latest contact in the file is the call: its approved email has not gone yet.
    call_time = client_file.interaction.occurred_at
    assert client_file.outbox.interaction.occurred_at > call_time
    assert client.last_contact_at == call_time
    interaction_create(client=client, kind=InteractionKind.NOTE, summary="Private thought")
    client.refresh_from_db()
    assert client.last_contact_at == call_time
    later = interaction_create(
        client=client, kind=InteractionKind.EMAIL, direction="outbound", summary="Hi"
    )
    client.refresh_from_db()
    assert client.last_contact_at == later.occurred_at


def test_a_note_has_no_direction(client_file: ClientFile) -> None:
    note = interaction_create(
        client=client_file.client, kind=InteractionKind.NOTE, direction="inbound", summary="x"
    )
    assert note.direction == Direction.NONE


def test_deleting_an_interaction_recomputes_last_contact(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    client = client_file.client
    for interaction in (client_file.outbox.interaction, client_file.interaction):
        owner_http.post(f"/clients/{client.pk}/interactions/{interaction.pk}/delete/")
    client.refresh_from_db()
    assert client.last_contact_at is None


def test_mark_a_promise_kept(client_file: ClientFile, owner_http: HttpClient) -> None:
    promise = client_file.promise
    owner_http.post(f"/clients/{client_file.client.pk}/promises/{promise.pk}/done/", {"back": "/"})
    promise.refresh_from_db()
    assert promise.done_at is not None


def test_promise_back_link_never_leaves_the_site(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    url = f"/clients/{client_file.client.pk}/promises/{client_file.promise.pk}/done/"
    response = owner_http.post(url, {"back": "https://evil.example/"})
    assert response["Location"] == f"/clients/{client_file.client.pk}/"


def test_quick_capture_with_htmx_updates_the_page_in_place(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    client = client_file.client
    response = owner_http.post(
        f"/clients/{client.pk}/capture/", {"text": "likes: sea swimming"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "Remembered under Interests: sea swimming" in body
    interests = body.split('id="facts-interest"')[1].split("</article>")[0]
    assert "sea swimming" in interests
    assert 'id="profile" aria-label="The person" hx-swap-oob="true"' in body
    fact = Fact.objects.get(text="sea swimming")
    assert fact.category == FactCategory.INTEREST and fact.client == client


def test_quick_capture_without_javascript_is_a_plain_post(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    client = client_file.client
    response = owner_http.post(f"/clients/{client.pk}/capture/", {"text": "Seemed tired today."})
    assert response.status_code == 302 and response["Location"] == f"/clients/{client.pk}/"
    note = Interaction.objects.get(summary="Seemed tired today.")
    assert note.kind == InteractionKind.NOTE
    assert "Note added to the timeline." in owner_http.get(response["Location"]).content.decode()


def test_quick_capture_refuses_empty_text(client_file: ClientFile, owner_http: HttpClient) -> None:
    client = client_file.client
    before = Interaction.objects.count(), Fact.objects.count()
    htmx = owner_http.post(f"/clients/{client.pk}/capture/", {"text": "  "}, HTTP_HX_REQUEST="true")
    assert "Type a note" in htmx.content.decode()
    plain = owner_http.post(f"/clients/{client.pk}/capture/", {"text": ""})
    assert plain.status_code == 400 and "Type a note" in plain.content.decode()
    assert (Interaction.objects.count(), Fact.objects.count()) == before


def test_times_are_read_and_shown_in_the_practice_time_zone(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    practice = client_file.client.practice
    practice.time_zone = "Pacific/Auckland"
    practice.save()
    data = {
        "kind": "call",
        "direction": "outbound",
        "occurred_at": "2026-11-20T09:15",
        "summary": "Morning call in Auckland.",
    } | promise_rows()
    owner_http.post(f"/clients/{client_file.client.pk}/interactions/new/", data)
    logged = Interaction.objects.get(summary="Morning call in Auckland.")
    # 09:15 in Auckland (UTC+13 in November) is 20:15 the evening before in UTC.
    assert logged.occurred_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M") == "2026-11-19 20:15"
    edit = owner_http.get(f"/clients/{client_file.client.pk}/interactions/{logged.pk}/edit/")
    assert 'value="2026-11-20T09:15"' in edit.content.decode()
