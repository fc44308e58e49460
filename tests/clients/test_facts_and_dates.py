"""What we know about a client: facts with their history, and the dates that matter."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.clients.models import Fact, ImportantDate
from rapport.practices.models import Member
from tests.conftest import ClientFile, make_client_file


def test_a_fact_remembers_when_and_where_it_was_learned(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    client, interaction = client_file.client, client_file.interaction
    response = owner_http.post(
        f"/clients/{client.pk}/facts/new/",
        {
            "category": "person",
            "text": "Partner: Declan, a paramedic",
            "source": "told",
            "learned_at": "2026-03-02T10:30",
            "learned_from": interaction.pk,
            "important": "on",
        },
    )
    assert response.status_code == 302
    fact = Fact.objects.get(text="Partner: Declan, a paramedic")
    assert fact.learned_from == interaction and fact.important
    assert timezone.localtime(fact.learned_at).strftime("%Y-%m-%d %H:%M") == "2026-03-02 10:30"
    assert fact.confirmed_at is None
    page = owner_http.get(f"/clients/{client.pk}/").content.decode()
    assert "Partner: Declan, a paramedic" in page and "in a call" in page


def test_a_fact_cannot_claim_another_clients_conversation(
    client_file: ClientFile, owner: Member, owner_http: HttpClient
) -> None:
    other = make_client_file(owner, "Kofi Mensah", "kofi@example.org")
    response = owner_http.post(
        f"/clients/{client_file.client.pk}/facts/new/",
        {
            "category": "interest",
            "text": "Chess",
            "source": "told",
            "learned_at": "2026-03-02T10:30",
            "learned_from": other.interaction.pk,
        },
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Fact.objects.filter(text="Chess").exists()


def test_forgotten_facts_go_on_the_ask_again_list_until_confirmed(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    client, fact = client_file.client, client_file.fact
    base = f"/clients/{client.pk}/facts/{fact.pk}"
    owner_http.post(f"{base}/ask-again/")
    page = owner_http.get(f"/clients/{client.pk}/").content.decode()
    assert 'id="ask-again"' in page and "Grows orchids" in page.split('id="ask-again"')[1][:800]
    with time_machine.travel(timezone.now() + timedelta(days=10)):
        owner_http.post(f"{base}/confirm/")
    fact.refresh_from_db()
    assert not fact.ask_again
    assert fact.confirmed_at is not None and fact.confirmed_at > fact.learned_at + timedelta(days=9)
    assert 'id="ask-again"' not in owner_http.get(f"/clients/{client.pk}/").content.decode()


def test_editing_and_deleting_a_fact(client_file: ClientFile, owner_http: HttpClient) -> None:
    client, fact = client_file.client, client_file.fact
    url = f"/clients/{client.pk}/facts/{fact.pk}"
    form = owner_http.get(f"{url}/edit/").content.decode()
    assert 'value="Grows orchids"' in form
    owner_http.post(
        f"{url}/edit/",
        {
            "category": "interest",
            "text": "Grows orchids, mostly Phalaenopsis",
            "source": "told",
            "learned_at": "2026-01-01T09:00",
        },
    )
    fact.refresh_from_db()
    assert fact.text == "Grows orchids, mostly Phalaenopsis" and fact.learned_from is None
    assert owner_http.get(f"{url}/delete/").status_code == 405
    owner_http.post(f"{url}/delete/")
    assert not Fact.objects.filter(pk=fact.pk).exists()


@pytest.mark.parametrize(
    ("day", "month", "year", "error"),
    [
        ("29", "2", "", None),  # a leap-day birthday, year unknown
        ("29", "2", "1988", None),
        ("29", "2", "1987", "February has 28 days in 1987."),
        ("31", "4", "", "April has 30 days."),
        ("12", "5", "1850", "Give a year between 1900 and next year"),
        ("12", "13", "", "Select a valid choice"),
    ],
)
def test_important_dates_with_or_without_a_year(
    client_file: ClientFile,
    owner_http: HttpClient,
    day: str,
    month: str,
    year: str,
    error: str | None,
) -> None:
    client = client_file.client
    response = owner_http.post(
        f"/clients/{client.pk}/dates/new/",
        {"kind": "birthday", "label": "", "day": day, "month": month, "year": year},
    )
    saved = ImportantDate.objects.filter(client=client, day=int(day)).exclude(
        pk=client_file.important_date.pk
    )
    if error is None:
        assert response.status_code == 302
        assert saved.get().year == (int(year) if year else None)
    else:
        assert response.status_code == 400
        assert error in response.content.decode()
        assert not saved.exists()


def test_the_client_page_leads_with_the_person_then_the_timeline(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    page = owner_http.get(f"/clients/{client_file.client.pk}/").content.decode()
    order = [
        "Siobhán",
        "Quick note",
        "People in their life",
        "Interests",
        "Preferences",
        "Life events",
        "What they value",
        "Important dates",
        "14 February",
        'id="timeline"',
        "I am nervous but ready.",
    ]
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions)
