"""The demo's calendar: a believable week around today, past sessions with honest start times,
and one of each thing Today says about appointments."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from django.utils import timezone

from rapport.appointments.models import Appointment, AppointmentStatus, ClientChoice
from rapport.appointments.services import meeting_sync
from rapport.clients.models import Client, ClientStatus
from rapport.practices.models import Member, Practice

ROOMS = ["Room 2, 14 Harbour Lane", "Room 1, 14 Harbour Lane", ""]
VIDEO = "https://meet.example.org/harbour-lane-sam"


def _slot(day_offset: int, clock: time, practice: Practice) -> datetime:
    day = timezone.localdate() + timedelta(days=day_offset)
    return datetime.combine(day, clock, tzinfo=practice.zone)


def _book(
    practice: Practice, member: Member, client: Client, start: datetime, **extra: object
) -> Appointment:
    now = timezone.now()
    length = timedelta(minutes=50)
    place = ROOMS[client.pk % len(ROOMS)]
    fields: dict[str, object] = {
        "place": place,
        "video_link": "" if place else VIDEO,
        "status": AppointmentStatus.SCHEDULED,
    }
    if start + length <= now:
        fields |= {"status": AppointmentStatus.COMPLETED, "actual_start_at": start}
    fields |= extra
    appointment = Appointment.objects.create(
        practice=practice,
        client=client,
        member=member,
        starts_at=start,
        ends_at=start + length,
        **fields,
    )
    meeting_sync(appointment=appointment)  # one that happened is on their timeline, as contact
    return appointment


def demo_appointments(practice: Practice, owner: Member, rng: random.Random) -> None:
    now = timezone.now()
    active = list(
        Client.objects.for_practice(practice).filter(status=ClientStatus.ACTIVE).order_by("pk")
    )
    # Regulars are clients heard from in the last six weeks: their sessions are contact, so a
    # client whose story is drifting away (Niamh, the demo's fading one) cannot be one.
    recent = now - timedelta(days=42)
    regulars = [c for c in active if c.last_contact_at and c.last_contact_at >= recent][:8]
    others = [client for client in active if client not in regulars]
    _past_sessions(practice, owner, regulars, rng)
    # Around the moment the demo is opened, so there is always one to run late for.
    half_hour = now.replace(minute=0 if now.minute < 30 else 30, second=0, microsecond=0)
    _today(practice, owner, regulars, others, half_hour)
    _days_ahead(practice, owner, regulars, others)
    _moved_by_the_client(practice, owner, regulars[6], now, half_hour)
    # Seen two days ago, not a word since: Today suggests the follow-up. Someone with no other
    # appointment in the demo, in touch lately but not in the last few days.
    quiet = next(
        client
        for client in others[5:]
        if client.last_contact_at is not None
        and recent <= client.last_contact_at < now - timedelta(days=3)
    )
    _book(practice, owner, quiet, _slot(-2, time(11, 0), practice))


def _past_sessions(
    practice: Practice, owner: Member, regulars: list[Client], rng: random.Random
) -> None:
    """Fortnightly sessions over the last three months: mostly on time, a few honestly late."""
    for index, client in enumerate(regulars):
        for weeks_ago in range(2, 13, 2):
            clock = time(9 + index % 8, 0)
            start = _slot(-7 * weeks_ago - index % 3, clock, practice)
            delay = rng.choice([0, 0, 0, 0, 2, 4, 12])
            _book(
                practice,
                owner,
                client,
                start,
                actual_start_at=start + timedelta(minutes=delay),
                late_minutes=15 if delay > 10 else None,
                late_notices=1 if delay > 10 else 0,
            )


def _today(
    practice: Practice,
    owner: Member,
    regulars: list[Client],
    others: list[Client],
    half_hour: datetime,
) -> None:
    """Today's sessions either side of now, for the owner and, if there is one, the staff."""
    # The second regular (Tomek) comes later today: seen this morning, he would not need the
    # gentle check after his hard session that Today shows.
    today_order = [regulars[0], regulars[2], regulars[1], regulars[3]]
    for client, hours in zip(today_order, [-3, -1.5, 1, 2.5], strict=True):
        _book(practice, owner, client, half_hour + timedelta(hours=hours))
    staff = Member.objects.filter(practice=practice).exclude(pk=owner.pk).first()
    if staff is not None:
        for client, hours in zip(others[:3], [-2, 0.5, 2], strict=True):
            _book(practice, staff, client, half_hour + timedelta(hours=hours))


def _days_ahead(
    practice: Practice, owner: Member, regulars: list[Client], others: list[Client]
) -> None:
    """The coming week, starting with tomorrow's session for a client who wants reminders."""
    reminded = regulars[4]
    reminded.wants_reminders = True
    reminded.save(update_fields=["wants_reminders"])
    _book(practice, owner, reminded, _slot(1, time(10, 0), practice))
    for offset, client in zip([2, 3, 5, 6], [regulars[5], regulars[7], *others[3:5]], strict=True):
        _book(practice, owner, client, _slot(offset, time(9 + offset, 30), practice))


def _moved_by_the_client(
    practice: Practice, owner: Member, mover: Client, now: datetime, half_hour: datetime
) -> None:
    """A client who took the reschedule link in a late notice for this morning's session."""
    _book(
        practice,
        owner,
        mover,
        _slot(3, time(15, 0), practice),
        client_choice=ClientChoice.MOVED,
        client_choice_at=now - timedelta(hours=3),
        client_choice_from=half_hour - timedelta(hours=2, minutes=30),
        late_notices=1,
        sequence=1,
    )
