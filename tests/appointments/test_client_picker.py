"""The booking form's client picker: a short list of this practice's current clients whose
names hold what was typed, case and accents aside; with and without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.appointments.client_picker import PICKER_LIMIT
from rapport.appointments.models import Appointment
from rapport.clients.models import Client
from rapport.clients.services import client_create, clients_archive
from rapport.practices.models import Member

PICKER = "/appointments/clients/"


def _names(html: str) -> list[str]:
    return re.findall(r'data-name="([^"]*)"', html)


def _add(member: Member, *names: str) -> list[Client]:
    return [client_create(practice=member.practice, full_name=name) for name in names]


def test_names_match_whatever_the_case_and_accents(owner: Member, owner_http: HttpClient) -> None:
    _add(owner, "Ewa Wiśniewska", "Siobhan Murphy", "Tomek Wisniewski", "Ada Lovelace")
    for typed, found in [
        ("wisniew", ["Ewa Wiśniewska", "Tomek Wisniewski"]),
        ("WIŚNIEWSKI", ["Tomek Wisniewski"]),
        ("siobhán", ["Siobhan Murphy"]),
        ("  murphy ", ["Siobhan Murphy"]),
    ]:
        response = owner_http.get(PICKER, {"client_q": typed})
        assert response.status_code == 200
        assert _names(response.content.decode()) == found, typed


def test_another_practices_clients_never_appear(
    owner: Member, outsider: Member, owner_http: HttpClient, outsider_http: HttpClient
) -> None:
    (ours,) = _add(owner, "Maya Patel")
    (theirs,) = _add(outsider, "Maya Patel")
    page = owner_http.get(PICKER, {"client_q": "maya", "client": theirs.pk}).content.decode()
    assert f'value="{ours.pk}"' in page and f'value="{theirs.pk}"' not in page
    page = outsider_http.get(PICKER, {"client_q": "maya", "client": ours.pk}).content.decode()
    assert f'value="{theirs.pk}"' in page and f'value="{ours.pk}"' not in page
    # Booking another practice's client by its id is refused like any other wrong choice.
    response = owner_http.post(
        "/appointments/new/",
        {"client": theirs.pk, "member": owner.pk, "starts_at": "2026-12-01T10:00", "length": 50},
    )
    assert response.status_code == 400 and not Appointment.objects.exists()


def test_the_list_is_short_in_name_order_and_leaves_out_the_archived(
    owner: Member, owner_http: HttpClient
) -> None:
    clients = _add(owner, *(f"Sam Patel {number:02}" for number in range(PICKER_LIMIT + 5)))
    clients_archive(practice=owner.practice, client_ids=[clients[0].pk])
    page = owner_http.get(PICKER, {"client_q": "patel"}).content.decode()
    names = _names(page)
    assert names == [f"Sam Patel {number:02}" for number in range(1, PICKER_LIMIT + 1)]
    assert f"The first {PICKER_LIMIT} matches" in page and "type more of the name" in page


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "Type part of their name to find them."),
        ("   ", "Type part of their name to find them."),
        ("x" * 150, "That is longer than any name (150 characters): type part of one."),
        ("%_\\'\"<b>", "No current client has “%_\\&#x27;&quot;&lt;b&gt;” in their name."),
        ("a\x00b", "No current client has “ab” in their name."),
    ],
)
def test_odd_input_gets_a_clear_answer(
    owner: Member, owner_http: HttpClient, typed: str, said: str
) -> None:
    _add(owner, "Maya Patel", "100% Wool Ltd")
    response = owner_http.get(PICKER, {"client_q": typed})
    page = response.content.decode()
    assert response.status_code == 200 and said in page and _names(page) == []


def test_the_chosen_client_stays_listed_while_looking_at_others(
    owner: Member, owner_http: HttpClient
) -> None:
    maya, _ = _add(owner, "Maya Patel", "Sam Okafor")
    page = owner_http.get(PICKER, {"client_q": "sam", "client": maya.pk}).content.decode()
    assert _names(page) == ["Sam Okafor", "Maya Patel"]  # the matches, then the choice kept
    assert re.search(rf'value="{maya.pk}"[^>]*checked', page)


def test_without_javascript_find_shows_the_matches_and_books_no_one(
    owner: Member, owner_http: HttpClient
) -> None:
    maya, sam = _add(owner, "Maya Patel", "Sam Okafor")
    form = {"member": owner.pk, "starts_at": "2026-12-01T10:00", "length": 50, "place": "Room 2"}
    found = owner_http.post("/appointments/new/", form | {"client_q": "OKAF", "find_client": "1"})
    page = found.content.decode()
    assert found.status_code == 200 and _names(page) == ["Sam Okafor"]
    assert 'value="Room 2"' in page and 'value="2026-12-01T10:00"' in page  # nothing lost
    # Enter in the search box sends the form by its default button: while the box does not
    # name the chosen client, that is a search too.
    looking = owner_http.post("/appointments/new/", form | {"client_q": "sam", "client": maya.pk})
    assert looking.status_code == 200 and _names(looking.content.decode()) == [
        "Sam Okafor",
        "Maya Patel",
    ]
    assert not Appointment.objects.exists()
    booked = owner_http.post("/appointments/new/", form | {"client_q": "okafor", "client": sam.pk})
    assert booked.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.client == sam
    assert timezone.localtime(appointment.ends_at).strftime("%H:%M") == "10:50"


def test_the_edit_form_shows_the_client_chosen(
    owner: Member, owner_http: HttpClient, staff_http: HttpClient
) -> None:
    (maya,) = _add(owner, "Maya Patel")
    owner_http.post(
        "/appointments/new/",
        {"client": maya.pk, "member": owner.pk, "starts_at": "2026-12-01T10:00", "length": 50},
    )
    appointment = Appointment.objects.get()
    page = staff_http.get(f"/appointments/{appointment.pk}/").content.decode()
    assert re.search(rf'value="{maya.pk}"[^>]*checked', page)
    assert "To choose someone else, type part of their name" in page
    booking = owner_http.get(f"/appointments/new/?client={maya.pk}").content.decode()
    assert re.search(rf'value="{maya.pk}"[^>]*checked', booking)
