"""The appointments that call for a word, as attention items: tomorrow's reminders, answers to
reschedule links and follow-ups (the conditions of `appointments.queries.needing_word`), each
stored with the moments it starts and stops needing one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta

from rapport.appointments.models import (
    HOLDING_TIME,
    MAX_LENGTH,
    Appointment,
    AppointmentStatus,
    ClientChoice,
)
from rapport.attention.models import AttentionItem, Section
from rapport.attention.reasons import (
    ALWAYS,
    APPOINTMENT_WINDOW_DAYS,
    CHANGES_DAYS,
    FOLLOW_UP_DAYS,
    JUST_AFTER,
    Scope,
    item,
)
from rapport.timeline.models import Promise

# Today lists reminders first, then follow-ups, then answers to reschedule links.
_RANK: dict[str, int] = {Section.REMINDER: 0, Section.FOLLOW_UP: 1, Section.CHANGED: 2}


def coming_up(scope: Scope) -> Iterable[AttentionItem]:
    """Each member's appointments that still hold their time, until they end (Today's
    "coming up": the rest of the day, or the next one)."""
    rows = scope.narrow(
        Appointment.objects.for_practice(scope.practice)
        .holding_time()
        .filter(ends_at__gt=scope.now)
        .starting_after(scope.now - MAX_LENGTH)
    )
    for row in rows:
        found = item(
            scope, Section.COMING_UP, row, row.client_id, sort_at=row.starts_at,
            until_at=row.ends_at,
        )  # fmt: skip
        found.member_id = row.member_id
        yield found


def appointment_reasons(scope: Scope) -> Iterable[AttentionItem]:
    window = scope.now - timedelta(days=APPOINTMENT_WINDOW_DAYS)
    rows = scope.narrow(
        Appointment.objects.for_practice(scope.practice)
        .filter(starts_at__gte=window, client__archived_at__isnull=True)
        .select_related("client")
        .order_by("starts_at", "pk")
    )
    by_client: dict[int, list[Appointment]] = defaultdict(list)
    for row in rows:
        by_client[row.client_id].append(row)
    owed = set(
        scope.narrow(Promise.objects.for_practice(scope.practice).open()).values_list(
            "client_id", flat=True
        )
    )
    for client_id, theirs in by_client.items():
        for row in theirs:
            last = row.starts_at + timedelta(days=APPOINTMENT_WINDOW_DAYS) + JUST_AFTER
            yield from _reminder(scope, row)
            # "None of these times work" is a message among the replies owed, not a change.
            if row.client_choice_at is not None and row.client_choice != ClientChoice.OTHER:
                until = min(row.client_choice_at + timedelta(days=CHANGES_DAYS) + JUST_AFTER, last)
                yield _item(scope, Section.CHANGED, row, cycle_at=row.client_choice_at, until=until)
            yield from _follow_up(scope, row, theirs, owes=client_id in owed, last=last)


def _item(
    scope: Scope,
    section: str,
    row: Appointment,
    *,
    until: datetime,
    due: datetime = ALWAYS,
    cycle_at: datetime | None = None,
) -> AttentionItem:
    return item(
        scope, section, row, row.client_id, sort_at=row.starts_at, rank=_RANK[section],
        shown_in=Section.APPOINTMENTS, due_at=due, until_at=until, cycle_at=cycle_at,
    )  # fmt: skip


def _reminder(scope: Scope, row: Appointment) -> Iterable[AttentionItem]:
    """The day before, for a client who asked for reminders, until it is sent."""
    if row.status != AppointmentStatus.SCHEDULED or row.reminder_sent_at is not None:
        return
    if not row.client.wants_reminders:
        return
    day = row.starts_at.astimezone(scope.zone).date()
    yield _item(
        scope, Section.REMINDER, row, due=scope.midnight(day - timedelta(days=1)),
        until=scope.midnight(day),
    )  # fmt: skip


def _follow_up(
    scope: Scope, row: Appointment, theirs: list[Appointment], *, owes: bool, last: datetime
) -> Iterable[AttentionItem]:
    """Seen lately and not heard from since: from the end of the visit for FOLLOW_UP_DAYS, for
    their latest visit only, and once their next booked session has begun unless a promise
    is owed to them (until then they hear from the provider at it)."""
    if row.status != AppointmentStatus.COMPLETED:
        return
    contact = row.client.last_contact_at
    visit = row.actual_start_at or row.starts_at
    if not (contact is None or contact < row.ends_at or contact <= visit):
        return
    due = row.ends_at
    until = min(row.ends_at + timedelta(days=FOLLOW_UP_DAYS) + JUST_AFTER, last)
    for other in theirs:
        later = other.ends_at > row.ends_at and other.starts_at >= row.starts_at
        if other.status == AppointmentStatus.COMPLETED and later:
            until = min(until, other.ends_at)  # a later visit takes over
        if other.status in HOLDING_TIME and not owes:
            due = max(due, other.starts_at)
    if due < until:
        yield _item(scope, Section.FOLLOW_UP, row, due=due, until=until)
