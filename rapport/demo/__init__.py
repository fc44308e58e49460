"""The demo practice: a small coaching and counselling practice with believable clients and history.

Dates are relative to today, so the demo never looks abandoned. Seeded, so it
is the same every time.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from rapport.attention.models import AgendaSnapshot
from rapport.attention.services import readings_refresh
from rapport.clients.models import (
    Client,
    Closeness,
    ContactKind,
    DateKind,
    Fact,
    FactCategory,
    FactSource,
    ImportantDate,
)
from rapport.clients.services import ContactPointInput, client_create, fact_create
from rapport.demo.appointments import demo_appointments
from rapport.demo.cases import demo_cases
from rapport.demo.feedback import demo_feedback
from rapport.demo.generated import generated_people
from rapport.demo.handoffs import demo_handoffs
from rapport.demo.people import PEOPLE, Person
from rapport.demo.referrals import demo_referrals
from rapport.demo.touches import demo_touches
from rapport.desk.today.agenda import agenda_build
from rapport.messaging.models import OutboxStatus
from rapport.messaging.services import message_approve
from rapport.practices.models import Member, Practice
from rapport.practices.services import member_add, practice_create
from rapport.timeline.models import Direction, Interaction, InteractionKind, Promise
from rapport.timeline.services import client_history_refresh, interaction_create

DEMO_PRACTICE = "Harbour Lane Coaching & Counselling"
DEMO_EMAIL = "sam@harbourlane.example"
DEMO_PASSWORD = "tuesday-kettle-42"  # noqa: S105 (printed on purpose: a demo login)


def _at(days_ago: int, rng: random.Random, zone: ZoneInfo) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    hour = rng.choice([8, 9, 10, 11, 13, 14, 15, 16, 17])
    moment = datetime.combine(day, time(hour, rng.choice([0, 15, 30])), zone)
    # Never in the future: an afternoon slot "today" may not have happened yet.
    return min(moment, timezone.now() - timedelta(minutes=30 + days_ago))


def _add_person(practice: Practice, member: Member, person: Person, rng: random.Random) -> None:
    client = _client(practice, member, person)
    interactions = _history(client, member, person, rng)
    first = min(interactions, key=lambda item: item.occurred_at) if interactions else None
    _facts(client, person, first)
    _dates(client, person)
    client_history_refresh(client=client)


def _contact_points(person: Person) -> list[ContactPointInput]:
    points = []
    if person.phone:
        points.append(ContactPointInput(ContactKind.PHONE, person.phone, "mobile"))
    local = person.preferred.lower().replace(" ", "") or person.full_name.split()[0].lower()
    points.append(ContactPointInput(ContactKind.EMAIL, f"{_ascii(local)}@example.org", "personal"))
    return points


def _client(practice: Practice, member: Member, person: Person) -> Client:
    return client_create(
        practice=practice,
        full_name=person.full_name,
        preferred_name=person.preferred,
        pronunciation=person.say,
        pronouns=person.pronouns,
        status=person.status,
        closeness=person.closeness,
        how_we_met=person.met,
        client_since=timezone.localdate() - timedelta(days=30 * person.months),
        checkin_consent=person.consent,
        paused_note_ok=person.paused_note_ok,
        contact_points=_contact_points(person),
        tag_names=person.tags,
        created_by=member,
    )


def _history(
    client: Client, member: Member, person: Person, rng: random.Random
) -> list[Interaction]:
    """The person's history, written in one go: the stored summaries are refreshed after."""
    practice = client.practice
    interactions = [
        Interaction(
            practice=practice,
            client=client,
            kind=kind,
            direction=direction,
            occurred_at=_at(days, rng, practice.zone),
            summary=summary,
            client_words=words,
            created_by=member,
        )
        for days, kind, direction, summary, words in person.story
    ]
    Interaction.objects.bulk_create(interactions)
    return interactions


def _facts(client: Client, person: Person, first: Interaction | None) -> None:
    """What they told us, learned at their first contact. A regular's fourth fact is marked to
    ask about again, so the demo shows that prompt too."""
    for index, (category, text) in enumerate(person.facts):
        Fact.objects.create(
            practice=client.practice,
            client=client,
            category=category,
            text=text,
            important=category in (FactCategory.PERSON, FactCategory.LIFE_EVENT),
            source=FactSource.TOLD,
            learned_at=first.occurred_at if first else timezone.now(),
            learned_from=first,
            ask_again=(index == 3 and person.closeness == Closeness.REGULAR),
        )


def _dates(client: Client, person: Person) -> None:
    ImportantDate.objects.bulk_create(
        ImportantDate(
            practice=client.practice,
            client=client,
            kind=kind,
            label=label,
            day=day,
            month=month,
            year=year,
        )
        for kind, label, day, month, year in person.dates
    )


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or "client"


def _promises(practice: Practice) -> None:
    today = timezone.localdate()
    wanted = [
        ("Amara", "Send two references from leadership clients", today + timedelta(days=2)),
        ("Rahul", "Draft talking points for the conversation with his father", today),
        ("Gareth", "Reply with the fortnightly fees and options", today - timedelta(days=1)),
        ("Tomek", "Find a grief group that meets on Sundays", today + timedelta(days=5)),
    ]
    for preferred, text, due in wanted:
        client = Client.objects.for_practice(practice).get(preferred_name=preferred)
        interaction = client.interactions.first()
        if interaction is not None:
            Promise.objects.create(
                practice=practice, client=client, interaction=interaction, text=text, due_on=due
            )


def _moments_ahead(practice: Practice, member: Member, rng: random.Random) -> None:
    """Dates and hard moments placed relative to today, so Today always has them."""
    today = timezone.localdate()
    clients = {c.preferred_name: c for c in Client.objects.for_practice(practice)}
    for name, kind, label, offset, year in [
        ("Kofi", DateKind.BIRTHDAY, "", 3, 1986),
        ("Amara", DateKind.ANNIVERSARY, "Founded her company", 10, 2019),
        ("Niamh", DateKind.OTHER, "Oisín's first day at secondary school", 6, None),
    ]:
        day = today + timedelta(days=offset)
        ImportantDate.objects.create(
            practice=practice,
            client=clients[name],
            kind=kind,
            label=label,
            day=day.day,
            month=day.month,
            year=year,
        )
    # Hard news for a client who wants check-ins: Maggie, paused, asked not to be chased,
    # so Today never suggests writing to her, even after hard news.
    fact_create(
        client=clients["Niamh"],
        category=FactCategory.LIFE_EVENT,
        text="Her sister Colette was taken into hospital after a fall",
        important=True,
        hard_news=True,
        learned_at=timezone.now() - timedelta(days=8),
    )
    interaction_create(
        client=clients["Tomek"],
        kind=InteractionKind.MEETING,
        occurred_at=_at(10, rng, practice.zone),
        summary="Hard session: went back over the last weeks of his father's illness.",
        client_words="I never told anyone I was relieved when it ended.",
        hard_conversation=True,
        created_by=member,
    )
    # He wrote afterwards: the reply clock should show it.
    interaction_create(
        client=clients["Tomek"],
        kind=InteractionKind.MESSAGE,
        direction=Direction.INBOUND,
        occurred_at=_at(9, rng, practice.zone),
        summary="Asked if we can talk about going back to full-time hours.",
        created_by=member,
    )


def _a_message_that_bounced(practice: Practice, member: Member) -> None:
    """One approved email the server refused: a typo in an address, as happens."""
    kofi = Client.objects.for_practice(practice).get(preferred_name="Kofi")
    address = "kofi@mensah-electrical.example"
    kofi.contact_points.create(
        practice=practice, kind="email", label="work", value=address, normalized=address
    )
    approved = message_approve(
        client=kofi,
        member=member,
        channel="email",
        to_address=address,
        subject="Your job advert",
        body="Hi Kofi,\n\nI've read the advert again: leading with the training you offer is "
        "the right call. Two small suggestions are below.\n\nSam",
    )
    assert approved.outbox is not None
    approved.outbox.status = OutboxStatus.FAILED
    approved.outbox.attempts = 1
    approved.outbox.last_error = "The mail server refused the address (550: mailbox unavailable)."
    approved.outbox.save()


def _past_mornings(practice: Practice) -> None:
    """Eight weeks of morning counts, drifting towards today's, so the overview has a story."""
    rng = random.Random(7)
    today = timezone.localdate()
    counts = agenda_build(practice, limit=0).counts()
    AgendaSnapshot.objects.bulk_create(
        AgendaSnapshot(
            practice=practice,
            day=today - timedelta(days=offset),
            counts={
                key: max(0, value + rng.randint(-2, 3) + offset // 14)
                for key, value in counts.items()
            },
        )
        for offset in range(56, 0, -1)
    )


@transaction.atomic
def demo_practice_ensure() -> tuple[Practice, bool]:
    """The demo practice, created with its history if it is not there yet."""
    existing = Practice.objects.filter(name=DEMO_PRACTICE).first()
    if existing is not None:
        return existing, False
    owner = practice_create(
        name=DEMO_PRACTICE,
        owner_email=DEMO_EMAIL,
        owner_name="Sam Adeyemi",
        password=DEMO_PASSWORD,
        time_zone="Europe/London",
        default_region="GB",
    )
    practice = owner.practice
    practice.usual_lengths = "50, 80, 30"  # a counselling practice: the therapeutic hour first
    practice.core_values = (
        "We listen before we advise. We tell you what we know, what we think and what we "
        "don't know yet. If someone else would help you more, we'll say so and introduce you."
    )
    practice.save(update_fields=["usual_lengths", "core_values"])
    jo = member_add(
        practice=practice,
        email="jo@harbourlane.example",
        name="Jo Whitfield",
        password="kettle-tuesday-24",  # noqa: S106
    )
    rng = random.Random(2026)
    for person in PEOPLE + generated_people(rng, 24):
        _add_person(practice, owner, person, rng)
    _promises(practice)
    _moments_ahead(practice, owner, rng)
    _a_message_that_bounced(practice, owner)
    demo_appointments(practice, owner, rng)
    demo_touches(practice, owner, rng)
    demo_referrals(practice, owner)
    demo_cases(practice, owner)
    demo_handoffs(practice, sam=owner, jo=jo)
    demo_feedback(practice, owner)
    readings_refresh(practice=practice)
    _past_mornings(practice)
    return practice, True
