"""A large synthetic practice, written in bulk: for the benchmark and for tests about volume.

Rows go in with bulk_create and the stored summaries are computed with the same
pure function the timeline uses, so the data is exactly what the app would
have built one write at a time, only much faster.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from rapport.appointments.models import Appointment, AppointmentStatus, ClientChoice
from rapport.attention.services import readings_refresh
from rapport.clients.models import (
    CheckinConsent,
    Client,
    ClientStatus,
    Closeness,
    ContactKind,
    ContactPoint,
    DateKind,
    Fact,
    FactCategory,
    ImportantDate,
)
from rapport.demo.people import FIRST_NAMES, SURNAMES
from rapport.practices.models import Member, Practice
from rapport.timeline.models import ContactMonth, Direction, Interaction, InteractionKind, Promise
from rapport.timeline.services import summary_apply
from rapport.timeline.summary import Contact, summarize
from rapport.touches.models import Touch, TouchKind
from rapport.touches.services import kinds_ensure

KINDS = ["meeting", "meeting", "call", "email", "email", "message", "note"]


@dataclass(frozen=True)
class BulkSize:
    clients: int
    interactions: int
    facts: int
    dates: int
    years: int = 5


def bulk_practice(
    practice: Practice,
    size: BulkSize,
    *,
    seed: int = 1,
    now: datetime | None = None,
    progress: Callable[[str], None] = lambda message: None,
) -> None:
    rng = random.Random(seed)
    now = now or timezone.now()
    span = timedelta(days=365 * size.years)
    statuses = [ClientStatus.ACTIVE] * 6 + [
        ClientStatus.PROSPECT,
        ClientStatus.PAUSED,
        ClientStatus.FORMER,
    ]
    consents = [CheckinConsent.YES] * 3 + [CheckinConsent.UNKNOWN, CheckinConsent.NO]
    with transaction.atomic():
        clients = Client.objects.bulk_create(
            Client(
                practice=practice,
                full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)} {index:05}",
                status=rng.choice(statuses),
                closeness=rng.choice(list(Closeness)),
                checkin_consent=rng.choice(consents),
                client_since=(now - span * rng.random()).date(),
            )
            for index in range(size.clients)
        )
        ContactPoint.objects.bulk_create(
            ContactPoint(
                practice=practice,
                client=client,
                kind=ContactKind.EMAIL,
                value=f"client{client.pk}@example.org",
                normalized=f"client{client.pk}@example.org",
            )
            for client in clients
        )
    progress(f"{len(clients)} clients")

    history: dict[int, list[Contact]] = defaultdict(list)
    batch: list[Interaction] = []
    for number in range(size.interactions):
        client = clients[rng.randrange(len(clients))]
        kind = rng.choice(KINDS)
        direction = "none" if kind in ("meeting", "note") else rng.choice(["inbound", "outbound"])
        at = now - span * rng.random() ** 1.5  # more recent history than old
        batch.append(
            Interaction(
                practice=practice,
                client=client,
                kind=kind,
                direction=direction,
                occurred_at=at,
                summary="Session notes.",
            )
        )
        history[client.pk].append(Contact(at, kind, direction))
        if len(batch) == 20_000 or number == size.interactions - 1:
            with transaction.atomic():
                Interaction.objects.bulk_create(batch)
            batch = []
            progress(f"{number + 1} interactions")

    with transaction.atomic():
        Fact.objects.bulk_create(
            Fact(
                practice=practice,
                client=clients[rng.randrange(len(clients))],
                category=rng.choice(list(FactCategory)),
                text=f"Something they told us ({index})",
                important=rng.random() < 0.2,
                ask_again=rng.random() < 0.01,
                learned_at=now - span * rng.random(),
            )
            for index in range(size.facts)
        )
        ImportantDate.objects.bulk_create(
            ImportantDate(
                practice=practice,
                client=clients[rng.randrange(len(clients))],
                kind=rng.choice(list(DateKind)),
                month=rng.randint(1, 12),
                day=rng.randint(1, 28),
                year=rng.choice([None, 1970 + rng.randrange(40)]),
            )
            for _ in range(size.dates)
        )
        some = rng.sample(clients, min(len(clients), max(1, size.clients // 20)))
        first_interaction = {
            row["client_id"]: row["id"]
            for row in Interaction.objects.filter(client__in=some)
            .values("client_id", "id")
            .order_by()
        }
        Promise.objects.bulk_create(
            Promise(
                practice=practice,
                client=client,
                interaction_id=first_interaction[client.pk],
                text="Send the notes",
                due_on=(now + timedelta(days=rng.randint(-10, 10))).date(),
            )
            for client in some
            if client.pk in first_interaction
        )
    progress("facts, dates and promises")
    _appointments(practice, clients, rng, now, history)
    _touches(practice, clients, rng, now)
    progress("appointments and touches")

    zone = practice.zone
    months: list[ContactMonth] = []
    for client in clients:
        summary = summarize(history[client.pk], zone=zone, now=now)
        client.practice = practice
        months += summary_apply(client=client, summary=summary)
    with transaction.atomic():
        ContactMonth.objects.bulk_create(months, batch_size=5000)
    progress("summaries")
    readings_refresh(practice=practice, now=now)
    progress("health readings")


def _appointments(
    practice: Practice,
    clients: list[Client],
    rng: random.Random,
    now: datetime,
    history: dict[int, list[Contact]],
) -> None:
    """Two past appointments a client, and a few of each kind Today looks at. Each completed
    one has its meeting on the timeline, as `appointments.services.meeting_sync` makes it."""
    member = Member.objects.filter(practice=practice).first()
    if member is None:
        return
    hour = timedelta(hours=1)
    rows = []
    for client in clients:
        for _ in range(2):
            start = now - timedelta(days=rng.randint(8, 700), hours=rng.randint(0, 8))
            rows.append(
                Appointment(
                    practice=practice,
                    client=client,
                    member=member,
                    starts_at=start,
                    ends_at=start + hour,
                    status=AppointmentStatus.COMPLETED,
                    actual_start_at=start + timedelta(minutes=rng.choice([0, 0, 0, 2, 8, 15])),
                )
            )
    few = max(1, len(clients) // 50)
    tomorrow = now + timedelta(days=1)
    for client in rng.sample(clients, min(len(clients), few)):
        rows.append(
            Appointment(
                practice=practice, client=client, member=member, starts_at=tomorrow,
                ends_at=tomorrow + hour,
            )
        )  # fmt: skip
    reminded = [row.client_id for row in rows[-few:]]
    for client in rng.sample(clients, min(len(clients), few)):
        start = now + timedelta(days=rng.randint(2, 9))
        rows.append(
            Appointment(
                practice=practice, client=client, member=member, starts_at=start,
                ends_at=start + hour, client_choice=ClientChoice.MOVED,
                client_choice_at=now - timedelta(days=rng.randint(0, 10)),
            )
        )  # fmt: skip
    for client in rng.sample(clients, min(len(clients), few)):
        start = now - timedelta(days=rng.randint(1, 6))
        rows.append(
            Appointment(
                practice=practice, client=client, member=member, starts_at=start,
                ends_at=start + hour, status=AppointmentStatus.COMPLETED, actual_start_at=start,
            )
        )  # fmt: skip
    met = [row for row in rows if row.status == AppointmentStatus.COMPLETED]
    meetings = [
        Interaction(
            practice=practice,
            client_id=row.client_id,
            kind=InteractionKind.MEETING,
            direction=Direction.NONE,
            occurred_at=row.actual_start_at or row.starts_at,
            summary="Appointment.",
            created_by=member,
        )
        for row in met
    ]
    with transaction.atomic():
        Interaction.objects.bulk_create(meetings, batch_size=5000)
        for row, meeting in zip(met, meetings, strict=True):
            row.interaction = meeting
            history[row.client_id].append(
                Contact(meeting.occurred_at, meeting.kind, meeting.direction)
            )
        Appointment.objects.bulk_create(rows, batch_size=5000)
        Client.objects.filter(pk__in=reminded).update(wants_reminders=True)


def _touches(practice: Practice, clients: list[Client], rng: random.Random, now: datetime) -> None:
    """A touch a client on average over the years, and a few planned for the coming days."""
    kinds_ensure(practice=practice)
    kinds = list(TouchKind.objects.for_practice(practice))
    rows = []
    for client in clients:
        kind = rng.choice(kinds)
        done = now - timedelta(days=rng.randint(1, 700))
        rows.append(
            Touch(
                practice=practice, client=client, kind=kind, planned_on=done.date(),
                done_at=done, note=f"{kind.name}, remembered.",
                cost=Decimal(rng.choice([0, 5, 12, 25])) if kind.is_gift else None,
            )
        )  # fmt: skip
    for client in rng.sample(clients, min(len(clients), max(1, len(clients) // 50))):
        rows.append(
            Touch(
                practice=practice, client=client, kind=rng.choice(kinds),
                planned_on=(now + timedelta(days=rng.randint(-2, 3))).date(), note="Planned.",
            )
        )  # fmt: skip
    with transaction.atomic():
        Touch.objects.bulk_create(rows, batch_size=5000)
