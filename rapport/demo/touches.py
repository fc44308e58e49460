"""The demo's personal touches: a year of small gestures grounded in what clients said, a few
planned for the coming days, a budget, and two clients with boundaries."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from rapport.clients.models import Client, Closeness, FactCategory
from rapport.clients.pronouns import Pronouns, pronouns_for
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Direction, InteractionKind
from rapport.timeline.services import interaction_create
from rapport.touches.models import Touch, TouchKind
from rapport.touches.services import kinds_ensure

# How a client answered a touch: {their} and the like are the client's own pronouns.
RESPONSES = [
    "Wrote back the same evening: “You remembered!”",
    "Brought it up at the next session, clearly pleased.",
    "A short thank-you text.",
    "Said it made {their} week.",
    "Laughed, and sent a photo back.",
    "",
]


def _note(key: str, fact: str, they: Pronouns) -> str:
    fact = fact.rstrip(".")
    return {
        "gift": f"A small book about it, with a note. ({fact})",
        "knowledge": f"Sent an article I came across. ({fact})",
        "card": "A card to say thank you for the referral.",
        "call": "Called just to ask how the week went, and listened.",
        "compliment": f"Told {they.object} specifically what I admired in how {they.subject} "
        "handled the meeting.",
        "surprise": f"Remembered it when we met. ({fact})",
        "above": "Stayed on after the session to help with the form.",
        "humour": "Sent the cartoon about spreadsheets we laughed about.",
        "in_person": "Coffee after the last session of the programme.",
    }[key]


def demo_touches(practice: Practice, owner: Member, rng: random.Random) -> None:
    kinds_ensure(practice=practice)
    kinds = {kind.key: kind for kind in TouchKind.objects.for_practice(practice)}
    practice.gift_budget_month, practice.gift_budget_year = Decimal(60), Decimal(500)
    practice.save(update_fields=["gift_budget_month", "gift_budget_year"])
    today = timezone.localdate(timezone.now(), practice.zone)
    clients = list(Client.objects.for_practice(practice).current().order_by("pk"))
    _boundaries(clients)
    for client in clients[:18]:
        _past_touches(practice, owner, client, list(kinds.values()), today, rng)
    _planned_touches(practice, owner, clients, kinds, today)


def _boundaries(clients: list[Client]) -> None:
    """Two clients whose limits the touch suggestions must respect."""
    guarded = clients[3]
    guarded.no_gifts = True  # a counselling client: no gifts, by the practice's own rule
    guarded.save(update_fields=["no_gifts"])
    clients[5].no_physical_contact = True
    clients[5].save(update_fields=["no_physical_contact"])


def _past_touches(
    practice: Practice,
    owner: Member,
    client: Client,
    kinds: list[TouchKind],
    today: date,
    rng: random.Random,
) -> None:
    """One to four touches over the last year, each of a kind the client's boundaries allow,
    and on the timeline as the contact it was."""
    they = pronouns_for(client.pronouns)
    interest = next(
        (fact for fact in client.facts.all() if fact.category == FactCategory.INTEREST), None
    )
    allowed = [
        kind
        for kind in kinds
        if kind.suits(client) and not kind.crosses(client)
        and not (kind.key == "in_person" and client.closeness != Closeness.CLOSE)
    ]  # fmt: skip
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(allowed)
        day = today - timedelta(days=rng.randint(3, 360))
        moment = datetime.combine(day, time(rng.choice([10, 12, 15, 17])), practice.zone)
        note = _note(kind.key, interest.text if interest else f"{they.possessive} news", they)
        response = rng.choice(RESPONSES).format(their=they.possessive)
        interaction = interaction_create(
            client=client,
            kind=kind.shows_as,
            direction=Direction.OUTBOUND
            if kind.shows_as == InteractionKind.CALL
            else Direction.NONE,
            occurred_at=moment,
            summary=f"{kind.name}: {note}"
            + (f"\nHow {they.subject} responded: {response}" if response else ""),
            created_by=owner,
        )
        grounded = interest if kind.key in ("gift", "knowledge") else None
        Touch.objects.create(
            practice=practice,
            client=client,
            kind=kind,
            planned_on=day,
            done_at=moment,
            note=note,
            response=response,
            cost=Decimal(rng.choice([8, 12, 15, 22])) if kind.is_gift else None,
            source_fact=grounded,
            source_text=grounded.text if grounded else "",
            interaction=interaction,
            created_by=owner,
        )


def _planned_touches(
    practice: Practice,
    owner: Member,
    clients: list[Client],
    kinds: dict[str, TouchKind],
    today: date,
) -> None:
    """A few for the coming days, so Today has touches to suggest; none that crosses a line."""
    planned = [
        (clients[1], "card", 0, "A card for finishing the course: {they} worked hard for it."),
        (clients[2], "knowledge", 1, "The podcast episode on pricing we talked about."),
        (clients[6], "call", 6, "Ask how the move went; no agenda."),
    ]
    for client, key, offset, note in planned:
        if kinds[key].crosses(client):
            continue
        Touch.objects.create(
            practice=practice,
            client=client,
            kind=kinds[key],
            planned_on=today + timedelta(days=offset),
            note=note.format(they=pronouns_for(client.pronouns).subject),
            created_by=owner,
        )
