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
from rapport.attention.items import items_rebuild
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
from rapport.demo.generated import FIRST_NAMES, SURNAMES
from rapport.feedback.models import FeedbackQuestion, FeedbackRequest
from rapport.handoffs.models import Handoff
from rapport.practices.models import Member, Practice
from rapport.referrals.models import Outcome, Partner, Referral
from rapport.timeline.models import ContactMonth, Direction, Interaction, InteractionKind, Promise
from rapport.timeline.services import summary_apply
from rapport.timeline.summary import Contact, summarize
from rapport.touches.models import Touch, TouchKind
from rapport.touches.services import kinds_ensure

KINDS = ["meeting", "meeting", "call", "email", "email", "message", "note"]
HOUR = timedelta(hours=1)


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
    # One random stream for the whole practice, drawn in a fixed order: the same seed gives
    # the same practice, which the benchmark's figures depend on.
    rng = random.Random(seed)
    now = now or timezone.now()
    span = timedelta(days=365 * size.years)
    clients = _clients(practice, size.clients, rng, now, span)
    progress(f"{len(clients)} clients")
    history = _interactions(practice, clients, size.interactions, rng, now, span, progress)
    with transaction.atomic():
        _facts(practice, clients, size.facts, rng, now, span)
        _dates(practice, clients, size.dates, rng)
        _promises(practice, clients, rng, now)
    progress("facts, dates and promises")
    _appointments(practice, clients, rng, now, history)
    _touches(practice, clients, rng, now)
    _referrals(practice, clients, rng, now)
    _handoffs(practice, clients, now)
    # Its own stream, so that the rows drawn before stay what the benchmark's figures measured.
    _feedback(practice, clients, random.Random(seed + 19), now)
    progress("appointments, touches, referrals, handoffs and feedback")
    _summaries(practice, clients, history, now)
    progress("summaries")
    readings_refresh(practice=practice, now=now)
    progress("health readings")
    items_rebuild(practice=practice, now=now)  # the rows above were written in bulk
    progress("attention items")


def _clients(
    practice: Practice, count: int, rng: random.Random, now: datetime, span: timedelta
) -> list[Client]:
    """Clients with an email address each; the number in the name keeps every name unique."""
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
            for index in range(count)
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
    return clients


def _interactions(
    practice: Practice,
    clients: list[Client],
    count: int,
    rng: random.Random,
    now: datetime,
    span: timedelta,
    progress: Callable[[str], None],
) -> dict[int, list[Contact]]:
    """The interactions, written in batches so memory stays flat; returns each client's
    contact, which their stored summary is computed from at the end."""
    history: dict[int, list[Contact]] = defaultdict(list)
    batch: list[Interaction] = []
    for number in range(count):
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
        if len(batch) == 20_000 or number == count - 1:
            with transaction.atomic():
                Interaction.objects.bulk_create(batch)
            batch = []
            progress(f"{number + 1} interactions")
    return history


def _facts(
    practice: Practice,
    clients: list[Client],
    count: int,
    rng: random.Random,
    now: datetime,
    span: timedelta,
) -> None:
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
        for index in range(count)
    )


def _dates(practice: Practice, clients: list[Client], count: int, rng: random.Random) -> None:
    ImportantDate.objects.bulk_create(
        ImportantDate(
            practice=practice,
            client=clients[rng.randrange(len(clients))],
            kind=rng.choice(list(DateKind)),
            month=rng.randint(1, 12),
            day=rng.randint(1, 28),
            year=rng.choice([None, 1970 + rng.randrange(40)]),
        )
        for _ in range(count)
    )


def _promises(practice: Practice, clients: list[Client], rng: random.Random, now: datetime) -> None:
    """A promise for one client in twenty, due within ten days either side of now. A promise
    is made in an interaction, so a client without one makes none."""
    some = rng.sample(clients, min(len(clients), max(1, len(clients) // 20)))
    first_interaction = {
        row["client_id"]: row["id"]
        for row in Interaction.objects.filter(client__in=some).values("client_id", "id").order_by()
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


def _summaries(
    practice: Practice, clients: list[Client], history: dict[int, list[Contact]], now: datetime
) -> None:
    """Each client's stored contact summary and months, from the same pure function the
    timeline uses, written once at the end instead of after every interaction."""
    zone = practice.zone
    months: list[ContactMonth] = []
    for client in clients:
        summary = summarize(history[client.pk], zone=zone, now=now)
        client.practice = practice
        months += summary_apply(client=client, summary=summary)
    with transaction.atomic():
        ContactMonth.objects.bulk_create(months, batch_size=5000)


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
    rows = _past_appointments(practice, member, clients, rng, now)
    few = max(1, len(clients) // 50)
    tomorrow = _tomorrow(practice, member, rng.sample(clients, min(len(clients), few)), now)
    rows += tomorrow
    rows += _moved(practice, member, clients, few, rng, now)
    rows += _just_met(practice, member, clients, few, rng, now)
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
        # Tomorrow's clients want reminders, so Today has reminders to suggest.
        Client.objects.filter(pk__in=[row.client_id for row in tomorrow]).update(
            wants_reminders=True
        )


def _past_appointments(
    practice: Practice, member: Member, clients: list[Client], rng: random.Random, now: datetime
) -> list[Appointment]:
    """Two a client over the last two years, mostly started on time."""
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
                    ends_at=start + HOUR,
                    status=AppointmentStatus.COMPLETED,
                    actual_start_at=start + timedelta(minutes=rng.choice([0, 0, 0, 2, 8, 15])),
                )
            )
    return rows


def _tomorrow(
    practice: Practice, member: Member, clients: list[Client], now: datetime
) -> list[Appointment]:
    tomorrow = now + timedelta(days=1)
    return [
        Appointment(
            practice=practice, client=client, member=member, starts_at=tomorrow,
            ends_at=tomorrow + HOUR,
        )
        for client in clients
    ]  # fmt: skip


def _moved(
    practice: Practice,
    member: Member,
    clients: list[Client],
    few: int,
    rng: random.Random,
    now: datetime,
) -> list[Appointment]:
    """Moved by the client through the reschedule link, in the coming days."""
    rows = []
    for client in rng.sample(clients, min(len(clients), few)):
        start = now + timedelta(days=rng.randint(2, 9))
        rows.append(
            Appointment(
                practice=practice, client=client, member=member, starts_at=start,
                ends_at=start + HOUR, client_choice=ClientChoice.MOVED,
                client_choice_at=now - timedelta(days=rng.randint(0, 10)),
            )
        )  # fmt: skip
    return rows


def _just_met(
    practice: Practice,
    member: Member,
    clients: list[Client],
    few: int,
    rng: random.Random,
    now: datetime,
) -> list[Appointment]:
    """Met in the last week, so Today has follow-ups to suggest."""
    rows = []
    for client in rng.sample(clients, min(len(clients), few)):
        start = now - timedelta(days=rng.randint(1, 6))
        rows.append(
            Appointment(
                practice=practice, client=client, member=member, starts_at=start,
                ends_at=start + HOUR, status=AppointmentStatus.COMPLETED, actual_start_at=start,
            )
        )  # fmt: skip
    return rows


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


def _referrals(
    practice: Practice, clients: list[Client], rng: random.Random, now: datetime
) -> None:
    """Two partners; a referral for one client in fifty, some waiting to hear how it went."""
    partners = Partner.objects.bulk_create(
        [
            Partner(practice=practice, name="Dr Amira Ahmed", specialties="sleep, anxiety",
                    email="amira.ahmed@example.org"),
            Partner(practice=practice, name="Tom Reyes", specialties="tax, small business"),
        ]
    )  # fmt: skip
    rows = []
    for client in rng.sample(clients, min(len(clients), max(1, len(clients) // 50))):
        referred = now - timedelta(days=rng.randint(1, 60))
        known = rng.random() < 0.5
        rows.append(
            Referral(
                practice=practice, client=client, partner=rng.choice(partners),
                referred_at=referred, need="a better fit",
                outcome=rng.choice([Outcome.HELPED, Outcome.NOT_A_FIT]) if known else "",
                outcome_at=now if known else None,
                follow_up_at=None if known else referred + timedelta(days=7),
            )
        )  # fmt: skip
    with transaction.atomic():
        Referral.objects.bulk_create(rows, batch_size=5000)


def _handoffs(practice: Practice, clients: list[Client], now: datetime) -> None:
    """One client in a hundred handed to the practice's first member by a colleague who has
    since left, waiting for their Got it (no random draw: the rest of the data stays put)."""
    member = Member.objects.filter(practice=practice).select_related("user").order_by("pk").first()
    if member is None:
        return
    rows = [
        Handoff(
            practice=practice, client=client, from_name="Robin Former",
            to_member=member, to_name=member.user.name, created_at=now - timedelta(days=1),
            next_steps="Call to introduce yourself.",
        )
        for client in clients[:: 100]
    ]  # fmt: skip
    Handoff.objects.bulk_create(rows)


_FEEDBACK_WORDS = (
    "More time at the end to plan the week.",
    "A written summary afterwards would have helped.",
    "Starting on time; we started late.",
    "Nothing, it was just right.",
    "Fewer forms before the first session.",
)


def _feedback(practice: Practice, clients: list[Client], rng: random.Random, now: datetime) -> None:
    """A feedback request answered by one client in twenty over the last months, and about
    half of the answers still waiting for a reply."""
    requests = []
    for client in rng.sample(clients, min(len(clients), max(1, len(clients) // 20))):
        answered = now - timedelta(days=rng.randint(0, 150), hours=rng.randint(0, 23))
        requests.append(
            FeedbackRequest(
                practice=practice, client=client, created_at=answered - timedelta(days=2),
                sent_at=answered - timedelta(days=2), answered_at=answered,
                replied_at=answered + timedelta(hours=3) if rng.random() < 0.5 else None,
            )
        )  # fmt: skip
    with transaction.atomic():
        FeedbackRequest.objects.bulk_create(requests, batch_size=5000)
        FeedbackQuestion.objects.bulk_create(
            (
                FeedbackQuestion(
                    practice=practice,
                    request=request,
                    text="What would have made today more helpful?",
                    answer=rng.choice(_FEEDBACK_WORDS),
                )
                for request in requests
            ),
            batch_size=5000,
        )
