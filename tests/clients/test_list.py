"""The client list: search, status filters, bulk actions, and a query count that does not grow."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext

from rapport.clients.models import Client, ClientStatus, ContactKind, ContactPoint, Tag
from rapport.clients.services import ContactPointInput, client_create
from rapport.practices.models import Member
from tests.conftest import ClientFile, add_history


def names(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [client.display_name for client in response.context["page"].object_list]


@pytest.fixture
def book(owner: Member) -> dict[str, Client]:
    practice = owner.practice
    return {
        "maya": client_create(
            practice=practice,
            full_name="Maya Lindqvist",
            preferred_name="Maya",
            contact_points=[ContactPointInput(ContactKind.EMAIL, "Maya.L@Example.org")],
            tag_names=["coaching"],
        ),
        "kofi": client_create(
            practice=practice,
            full_name="Kofi Mensah",
            status=ClientStatus.PROSPECT,
            contact_points=[ContactPointInput(ContactKind.PHONE, "07700 900456")],
            tag_names=["Referral"],
        ),
        "hana": client_create(
            practice=practice, full_name="Hana Yoshida", status=ClientStatus.FORMER
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lindq", ["Maya"]),  # part of the name
        ("maya.l@example.ORG", ["Maya"]),  # email, any case
        ("07700 900456", ["Kofi Mensah"]),  # phone as dialled at home
        ("+44 7700 900456", ["Kofi Mensah"]),  # phone with country code
        ("900456", ["Kofi Mensah"]),  # the end of a number
        ("referral", ["Kofi Mensah"]),  # a tag, any case
        ("#coaching", ["Maya"]),
        ("nobody", []),
    ],
)
def test_search_by_name_email_phone_or_tag(
    owner_http: HttpClient, book: dict[str, Client], query: str, expected: list[str]
) -> None:
    assert names(owner_http.get("/clients/", {"q": query})) == expected


@pytest.mark.parametrize(
    ("query", "stored"),
    [
        ("wisniewski", "Tomasz Wiśniewski"),  # typed without the accent
        ("Wiśniewski", "Tomasz Wisniewski"),  # typed with one that was not stored
        ("SIOBHÁN", "Siobhan Brien"),
        ("siobhan", "Siobhán Ní Bhriain"),
        ("lukasz", "Łukasz Nowak"),  # a letter that does not decompose
        ("strasse", "Jana Straße"),
    ],
)
def test_search_sets_case_and_accents_aside_both_ways(
    owner: Member, owner_http: HttpClient, query: str, stored: str
) -> None:
    client_create(practice=owner.practice, full_name=stored)
    client_create(practice=owner.practice, full_name="Maya Lindqvist")
    assert names(owner_http.get("/clients/", {"q": query})) == [stored]


def test_a_renamed_client_is_found_by_the_new_name(owner: Member, owner_http: HttpClient) -> None:
    from rapport.clients.services import client_update

    client = client_create(practice=owner.practice, full_name="Zoe Baker")
    client_update(client=client, profile={"full_name": "Zoë Ångström", "preferred_name": "Zo"},
                  contact_points=[], tag_names=[])  # fmt: skip
    assert names(owner_http.get("/clients/", {"q": "angstrom"})) == ["Zo"]
    assert names(owner_http.get("/clients/", {"q": "baker"})) == []


def test_filter_by_status_and_archived(owner_http: HttpClient, book: dict[str, Client]) -> None:
    assert names(owner_http.get("/clients/", {"status": "prospect"})) == ["Kofi Mensah"]
    assert names(owner_http.get("/clients/", {"status": "former"})) == ["Hana Yoshida"]
    assert len(names(owner_http.get("/clients/"))) == 3
    owner_http.post("/clients/bulk/", {"action": "archive", "clients": [book["hana"].pk]})
    assert names(owner_http.get("/clients/")) == ["Kofi Mensah", "Maya"]
    assert names(owner_http.get("/clients/", {"status": "archived"})) == ["Hana Yoshida"]


def test_htmx_search_answers_only_the_results(
    owner_http: HttpClient, book: dict[str, Client]
) -> None:
    response = owner_http.get("/clients/", {"q": "kofi"}, HTTP_HX_REQUEST="true")
    assert b"<html" not in response.content
    assert b"Kofi Mensah" in response.content


def test_bulk_tag_status_and_archive(owner_http: HttpClient, book: dict[str, Client]) -> None:
    ids = [book["maya"].pk, book["kofi"].pk]
    owner_http.post("/clients/bulk/", {"action": "tag", "tag": "VIP", "clients": ids})
    assert sorted(Tag.objects.get(name="VIP").clients.values_list("full_name", flat=True)) == [
        "Kofi Mensah",
        "Maya Lindqvist",
    ]
    owner_http.post("/clients/bulk/", {"action": "status", "status": "paused", "clients": ids})
    assert set(Client.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"paused"}
    owner_http.post("/clients/bulk/", {"action": "archive", "clients": ids})
    assert Client.objects.filter(pk__in=ids, archived_at__isnull=False).count() == 2
    assert Client.objects.get(pk=book["hana"].pk).archived_at is None


def test_bulk_without_selection_or_tag_says_what_to_fix(
    owner_http: HttpClient, book: dict[str, Client]
) -> None:
    response = owner_http.post("/clients/bulk/", {"action": "tag", "tag": "x"}, follow=True)
    assert "Select at least one client first." in response.content.decode()
    response = owner_http.post(
        "/clients/bulk/", {"action": "tag", "tag": " ", "clients": [book["maya"].pk]}, follow=True
    )
    assert "Type the tag to add." in response.content.decode()
    assert not Tag.objects.filter(name="").exists()


def test_a_tampered_selection_is_refused_plainly(
    owner_http: HttpClient, book: dict[str, Client]
) -> None:
    """An id no database can hold (SQLite cannot even compare it) was a 500."""
    for bad in (str(2**64), "-3", "abc"):
        response = owner_http.post(
            "/clients/bulk/", {"action": "archive", "clients": [bad, book["maya"].pk]}, follow=True
        )
        assert response.status_code == 200
        assert "not in your book" in response.content.decode()
    assert not Client.objects.filter(archived_at__isnull=False).exists()


def test_empty_book_says_what_to_do_next(owner_http: HttpClient) -> None:
    response = owner_http.get("/clients/")
    assert "Add your first client" in response.content.decode()


def _make_clients(member: Member, count: int) -> None:
    practice = member.practice
    tag = Tag.objects.create(practice=practice, name=f"tag{count}")
    clients = Client.objects.bulk_create(
        Client(practice=practice, full_name=f"Client {count}-{index:04}") for index in range(count)
    )
    ContactPoint.objects.bulk_create(
        ContactPoint(
            practice=practice,
            client=client,
            kind=ContactKind.EMAIL,
            value=f"c{client.pk}@example.org",
            normalized=f"c{client.pk}@example.org",
        )
        for client in clients
    )
    tag.clients.add(*clients)


def _queries_for(http: HttpClient, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert http.get(url).status_code == 200
    return len(queries)


def test_list_query_count_does_not_grow_with_clients(owner: Member, owner_http: HttpClient) -> None:
    _make_clients(owner, 10)
    small = _queries_for(owner_http, "/clients/?q=client")
    _make_clients(owner, 1000)
    assert _queries_for(owner_http, "/clients/?q=client") == small
    assert _queries_for(owner_http, "/clients/?page=3") == small


def test_client_page_query_count_does_not_grow_with_history(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    url = f"/clients/{client_file.client.pk}/"
    few = _queries_for(owner_http, url)
    add_history(client_file.client, 300)
    assert _queries_for(owner_http, url) == few
    # Session, user with member; the client; facts, dates, contact points, tags; the reading
    # and the months' contact; one page of the timeline (no count of the whole history) and
    # one read for both lists of promises; the next appointment; touches, their kinds and
    # the first meeting; open cases and closed cases (two reads, from the cases section); the
    # notes handed to this member waiting for their Got it (who looks after the client is the
    # member reading, already known).
    assert few == 18
    assert _queries_for(owner_http, f"{url}?page=2") == 18
