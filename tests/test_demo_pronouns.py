"""The demo's words agree with each client's pronouns (issue 17: it once wrote "she worked
hard" about Tomek, who is he/him). Every sentence the demo writes about a client, on their
timeline, in their facts and dates, promises and touches, uses only the pronouns they gave.
The demo is built by tests/test_demo.py, which runs the check here on it."""

from __future__ import annotations

import re
from collections import defaultdict

from rapport.clients.models import Client, Fact, ImportantDate
from rapport.clients.pronouns import FORMS, pronoun_sets
from rapport.practices.models import Practice
from rapport.timeline.models import Interaction, Promise
from rapport.touches.models import Touch

EVERY_FORM = set().union(*FORMS.values())


def _pronouns_in(text: str) -> set[str]:
    words = re.findall(
        r"[a-z]+(?:'[a-z]+)?", text.lower().replace("\N{RIGHT SINGLE QUOTATION MARK}", "'")
    )
    return {word for word in words if word in EVERY_FORM}


def _texts_about_each_client(clients: list[Client]) -> dict[int, list[str]]:
    """What the demo wrote about each client, in the provider's voice (never the client's own
    quoted words, which speak as "I")."""
    texts: dict[int, list[str]] = defaultdict(list)
    for client in clients:
        texts[client.pk].append(client.how_we_met)
    rows = [
        *Interaction.objects.filter(client__in=clients).values_list("client_id", "summary"),
        *Fact.objects.filter(client__in=clients).values_list("client_id", "text"),
        *ImportantDate.objects.filter(client__in=clients).values_list("client_id", "label"),
        *Promise.objects.filter(client__in=clients).values_list("client_id", "text"),
        *Touch.objects.filter(client__in=clients).values_list("client_id", "note"),
        *Touch.objects.filter(client__in=clients).values_list("client_id", "response"),
    ]
    for client_id, text in rows:
        texts[client_id].append(text)
    return texts


def check_demo_pronouns(practice: Practice) -> None:
    """Called by tests/test_demo.py on the demo it builds, so the demo (over a minute to
    build) is built once for both."""
    clients = list(Client.objects.for_practice(practice))
    assert all(client.pronouns for client in clients), "every demo client gives pronouns"
    texts = _texts_about_each_client(clients)
    wrong, checked = [], 0
    for client in clients:
        allowed = set().union(*(FORMS[name] for name in pronoun_sets(client.pronouns)))
        for text in texts[client.pk]:
            used = _pronouns_in(text)
            checked += bool(used)
            if used - allowed:
                wrong.append((client.display_name, client.pronouns, text))
    assert wrong == []
    assert checked > 50  # the check read sentences with pronouns in them, many of them
    tomek = next(client for client in clients if client.preferred_name == "Tomek")
    card = Touch.objects.get(client=tomek, note__startswith="A card for finishing the course")
    assert card.note == "A card for finishing the course: he worked hard for it."


def test_the_check_would_catch_she_about_him() -> None:
    allowed = FORMS["he"]
    assert _pronouns_in("A card for finishing the course: she worked hard for it.") - allowed
    assert (
        not _pronouns_in("Said it made his week; he\N{RIGHT SINGLE QUOTATION MARK}s fine.")
        - allowed
    )
