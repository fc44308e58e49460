"""Touch ideas read as sentences about the client, by name and in their pronouns (issue 17):
"Ask Tomek how his sister Priya is — she's a client too", not "Ask after them: Sister: Priya,
also a client."."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client as HttpClient

from rapport.clients.models import FactCategory
from rapport.clients.pronouns import pronoun_sets, pronouns_for
from rapport.clients.services import client_create, fact_create
from rapport.practices.models import Member
from rapport.touches.ideas import ClientView, FactView, ask_after, ideas_for
from rapport.touches.services import kinds_ensure
from tests.touches.idea_kinds import KINDS, TODAY

TOMEK = ClientView("Tomek", pronouns_for("he/him"))
SIOBHAN = ClientView("Siobhán", pronouns_for("she/her"))
ALEX = ClientView("Alex", pronouns_for(""))


@pytest.mark.parametrize(
    ("who", "fact", "sentence"),
    [
        (TOMEK, "Sister: Priya, also a client.",
         "Ask Tomek how his sister Priya is — she's a client too."),
        (SIOBHAN, "Partner: Declan, a paramedic",
         "Ask Siobhán how her partner Declan is — Declan is a paramedic."),
        (ALEX, "Brother: Jan (a nurse)", "Ask Alex how their brother Jan is — he's a nurse."),
        (ALEX, "Father: recovering from a stroke",
         "Ask Alex how their father is (recovering from a stroke)."),
        (SIOBHAN, "Son: Oisín", "Ask Siobhán how her son Oisín is."),
        (TOMEK, "Has two teenage daughters", "Ask Tomek how the people in his life are doing."),
    ],
)  # fmt: skip
def test_people_in_their_life_are_asked_after_by_name(
    who: ClientView, fact: str, sentence: str
) -> None:
    assert ask_after(fact, who) == sentence


def _ideas(who: ClientView, category: str, text: str, *, hard_news: bool = False) -> list[str]:
    fact = FactView(1, category, text, hard_news, TODAY - timedelta(days=5))
    return [
        idea.text
        for idea in ideas_for(facts=[fact], kinds=KINDS, given=[], today=TODAY, client=who)
    ]


def test_every_kind_of_fact_makes_a_sentence_in_their_pronouns() -> None:
    assert _ideas(SIOBHAN, "interest", "Grows orchids") == [
        "Give Siobhán a small gift that fits her interest, with a note saying why you thought "
        "of her.",
        "Send Siobhán an article, a book or a tip about it that you came across.",
    ]  # fmt: skip
    assert _ideas(TOMEK, "interest", "Chess")[0] == (
        "Give Tomek a small gift that fits his interest, with a note saying why you thought of him."
    )
    assert _ideas(ALEX, "preference", "Calls, not email") == [
        "Remember it next time you see Alex, without being asked."
    ]
    assert _ideas(TOMEK, "life_event", "Finished the course") == ["Send Tomek a card to mark it."]
    assert _ideas(SIOBHAN, "value", "Honesty") == [
        "Pay Siobhán a specific compliment when you see her live it."
    ]
    assert _ideas(ALEX, "value", "Honesty") == [
        "Pay Alex a specific compliment when you see them live it."
    ]
    assert _ideas(TOMEK, "other", "His father is in hospital", hard_news=True) == [
        "Call Tomek just to ask how he is, and to listen."
    ]
    assert _ideas(ALEX, "other", "Lost their job", hard_news=True) == [
        "Call Alex just to ask how they are, and to listen."
    ]
    met = ideas_for(
        facts=[], kinds=KINDS, given=[], today=TODAY, client=TOMEK, met_in_person_on=TODAY
    )
    assert [idea.text for idea in met] == [
        "You met Tomek in person for the first time: send him a short note to say it was good "
        "to meet."
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("given", "subject", "sets"),
    [
        ("she/her", "she", {"she"}), ("He/Him", "he", {"he"}), ("they/them", "they", {"they"}),
        ("she/they", "she", {"she", "they"}), ("", "they", {"they"}), ("ze/hir", "ze", {"they"}),
        ("any", "they", {"they"}),
    ],
)  # fmt: skip
def test_pronouns_are_read_from_what_the_client_gave(
    given: str, subject: str, sets: set[str]
) -> None:
    assert pronouns_for(given).subject == subject and pronoun_sets(given) == sets


def test_the_client_page_shows_ideas_as_sentences(owner: Member, owner_http: HttpClient) -> None:
    tomek = client_create(
        practice=owner.practice, full_name="Tomasz Wiśniewski", preferred_name="Tomek",
        pronouns="he/him", closeness="regular",
    )  # fmt: skip
    fact_create(client=tomek, category=FactCategory.PERSON, text="Sister: Priya, also a client.")
    kinds_ensure(practice=owner.practice)
    page = owner_http.get(f"/clients/{tomek.pk}/").content.decode()
    assert "Ask Tomek how his sister Priya is — she&#x27;s a client too." in page
    assert "Ask after them" not in page
