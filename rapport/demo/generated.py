"""The demo's generated clients: name and detail pools, and a seeded history for each, so the
practice has a believable crowd around the hand-written people.

The same seeded random stream feeds every draw here, in a fixed order: change the order and
the demo (and every test that leans on it) changes.
"""

from __future__ import annotations

import random

from rapport.clients.models import CheckinConsent, ClientStatus, Closeness, DateKind, FactCategory
from rapport.demo.people import Person
from rapport.timeline.models import Direction, InteractionKind

# Each generated client's first name with the pronouns they gave, so that every sentence the
# demo writes about them agrees with them (a test reads them all).
PRONOUNS = {
    "Aisha": "she/her", "Ben": "he/him", "Chiara": "she/her", "Dmitri": "he/him",
    "Efua": "she/her", "Farid": "he/him", "Greta": "she/her", "Hamish": "he/him",
    "Ines": "she/her", "Jonas": "he/him", "Kalinda": "she/her", "Leon": "he/him",
    "Mei": "she/her", "Nadia": "she/her", "Oren": "he/him", "Pilar": "she/her",
    "Quentin": "he/him", "Rosa": "she/her", "Sunil": "he/him", "Tove": "she/her",
    "Uma": "she/her", "Viktor": "he/him", "Wen": "they/them", "Yusuf": "he/him",
    "Zainab": "she/her", "Anneke": "she/her", "Bilal": "he/him", "Carys": "she/her",
}  # fmt: skip
FIRST_NAMES = list(PRONOUNS)
SURNAMES = [
    "Abara",
    "Brennan",
    "Castellano",
    "Demir",
    "Eriksen",
    "Fitzgerald",
    "Gallagher",
    "Haddad",
    "Iqbal",
    "Jansen",
    "Kowalczyk",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "O'Neill",
    "Petrovic",
]
INTERESTS = [
    "Allotment gardening",
    "Trail running",
    "Jazz piano",
    "Birdwatching on the marshes",
    "Baking sourdough",
    "Rock climbing",
    "Watercolours",
    "Vintage motorbikes",
    "Chess club on Tuesdays",
]
PREFERENCES = [
    "Prefers texts to calls during the day",
    "Morning appointments only",
    "Likes a written summary after each session",
    "Would rather meet by video",
]
SUMMARIES = {
    InteractionKind.MEETING: [
        "Session on priorities for the quarter.",
        "Worked through a difficult conversation with a colleague.",
        "Reviewed progress since last month; more confident about delegating.",
    ],
    InteractionKind.CALL: [
        "Short call to check how the new routine is going.",
        "Talked through a setback at work.",
    ],
    InteractionKind.EMAIL: [
        "Sent the notes from our last session.",
        "Asked to move next week's session.",
    ],
    InteractionKind.MESSAGE: [
        "Quick message to say the interview went well.",
        "Asked for the book we mentioned.",
    ],
}

# Meetings twice as often as any one other kind of contact.
STORY_KINDS = [
    InteractionKind.MEETING,
    InteractionKind.MEETING,
    InteractionKind.CALL,
    InteractionKind.EMAIL,
    InteractionKind.MESSAGE,
]


def _story(rng: random.Random, months: int) -> list[tuple[int, str, str, str, str]]:
    """Contact from when they became a client until a few days ago, oldest first."""
    story: list[tuple[int, str, str, str, str]] = []
    days = min(months * 30, 1000)
    while days > 3:
        kind = rng.choice(STORY_KINDS)
        direction = (
            Direction.NONE
            if kind == InteractionKind.MEETING
            else rng.choice([Direction.INBOUND, Direction.OUTBOUND])
        )
        story.append((days, kind, direction, rng.choice(SUMMARIES[kind]), ""))
        if direction == Direction.INBOUND and kind != InteractionKind.CALL and days > 1:
            # A careful provider answers within a day or two; Today shows the exceptions.
            story.append(
                (
                    days - rng.randint(0, 1),
                    InteractionKind.EMAIL,
                    Direction.OUTBOUND,
                    "Answered.",
                    "",
                )
            )
        # New clients are seen often; long-standing ones settle into a slower rhythm.
        days -= rng.randint(10, 45) if months < 4 else rng.randint(20, 120)
    return story


def _person(rng: random.Random, index: int) -> Person:
    first, last = FIRST_NAMES[index % len(FIRST_NAMES)], rng.choice(SURNAMES)
    months = rng.randint(1, 36)
    story = _story(rng, months)
    return Person(
        f"{first} {last}",
        first,
        pronouns=PRONOUNS[first],
        status=rng.choice([ClientStatus.ACTIVE] * 4 + [ClientStatus.PROSPECT]),
        closeness=rng.choice(list(Closeness)),
        met=rng.choice(["a referral", "our website", "a workshop"]),
        months=months,
        tags=(rng.choice(["coaching", "counselling"]),),
        facts=[
            (FactCategory.INTEREST, rng.choice(INTERESTS)),
            (FactCategory.PREFERENCE, rng.choice(PREFERENCES)),
        ],
        dates=[
            (
                DateKind.BIRTHDAY,
                "",
                rng.randint(1, 28),
                rng.randint(1, 12),
                rng.choice([None, 1975, 1982, 1991]),
            )
        ],
        story=story,
        consent=rng.choice([CheckinConsent.YES] * 3 + [CheckinConsent.UNKNOWN, CheckinConsent.NO]),
    )


def generated_people(rng: random.Random, count: int) -> list[Person]:
    return [_person(rng, index) for index in range(count)]
