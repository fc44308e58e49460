"""Reads other pages make of appointments: the member's day ahead, a client's next one, and
the appointments that call for a word from the provider."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from django.db import connection
from django.db.models import Model
from django.utils import timezone

from rapport.appointments.models import (
    HOLDING_TIME,
    MAX_LENGTH,
    Appointment,
    AppointmentStatus,
    ClientChoice,
)
from rapport.clients.models import Client
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Promise


def coming_up(member: Member, *, now: datetime | None = None, limit: int = 8) -> list[Appointment]:
    """The rest of today's appointments; if there are none, the next one."""
    now = now or timezone.now()
    zone = member.practice.zone
    tomorrow = timezone.localtime(now, zone).date() + timedelta(days=1)
    ahead = (
        Appointment.objects.for_practice(member.practice)
        .holding_time()
        .filter(member=member, ends_at__gt=now)
        .starting_after(now - MAX_LENGTH)
        .select_related("client")
        .order_by("starts_at", "pk")
    )
    midnight = datetime.combine(tomorrow, time.min, tzinfo=zone)
    rows = list(ahead[:limit])
    return [row for row in rows if row.starts_at < midnight] or rows[:1]


def next_for_client(client: Client, *, now: datetime | None = None) -> Appointment | None:
    now = now or timezone.now()
    return (
        Appointment.objects.filter(client=client, ends_at__gt=now)
        .starting_after(now - MAX_LENGTH)
        .holding_time()
        .select_related("member__user")
        .order_by("starts_at", "pk")
        .first()
    )


class Need(StrEnum):
    """Why an appointment needs a word. Rows come ordered by these values, last first:
    reminders, then follow-ups, then answers to reschedule links."""

    REMINDER = "reminder"  # tomorrow's, for a client who asked for reminders
    CHANGED = "changed"  # the client answered a reschedule link
    FOLLOW_UP = "follow_up"  # seen lately, not heard from since


# The condition (on the appointment aliased `a`) that leaves out what the provider has
# handled, for this need, counted from this column ("" for always): its SQL and parameters.
HiddenCheck = Callable[[Need, str], tuple[str, list[Any]]]


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _follow_up_sql(now: datetime, days: int, hidden: HiddenCheck) -> tuple[str, list[Any]]:
    at = connection.ops.adapt_datetimefield_value
    appointments, promises = _table(Appointment), _table(Promise)
    hidden_sql, hidden_params = hidden(Need.FOLLOW_UP, "")
    sql = (
        "a.status = %s AND a.ends_at >= %s AND a.ends_at <= %s "  # noqa: S608
        # No contact since: the appointment's own meeting, at its real start (which can be
        # after the booked end), is the visit itself, not contact after it.
        "AND (c.last_contact_at IS NULL OR c.last_contact_at < a.ends_at "
        "OR c.last_contact_at <= COALESCE(a.actual_start_at, a.starts_at)) "
        # One follow-up per client: for the latest appointment.
        f"AND NOT EXISTS (SELECT 1 FROM {appointments} b WHERE b.client_id = a.client_id "
        "AND b.status = %s AND b.ends_at > a.ends_at AND b.ends_at <= %s "
        "AND b.starts_at >= a.starts_at) "
        # A client whose next session is booked hears from you then, unless you owe them.
        f"AND (NOT EXISTS (SELECT 1 FROM {appointments} n WHERE n.client_id = a.client_id "
        "AND n.status IN (%s, %s) AND n.starts_at > %s) "
        f"OR EXISTS (SELECT 1 FROM {promises} p WHERE p.client_id = a.client_id "
        f"AND p.done_at IS NULL)) AND {hidden_sql}"
    )
    params = [
        AppointmentStatus.COMPLETED.value, at(now - timedelta(days=days)), at(now),
        AppointmentStatus.COMPLETED.value, at(now), *HOLDING_TIME, at(now), *hidden_params,
    ]  # fmt: skip
    return sql, params


def needing_word(
    practice: Practice,
    *,
    now: datetime,
    today: date,
    hidden: HiddenCheck,
    changes_days: int,
    follow_up_days: int,
    cap: int,
) -> list[tuple[int, Need]]:
    """Up to `cap` appointments, each with its need: tomorrow's reminders not yet sent, answers
    to reschedule links in the last `changes_days`, and follow-ups of the last
    `follow_up_days`. One SQL query written out by hand, bounded to appointments starting
    from a couple of weeks ago, so it reads a short index range however long the history:
    as an ORM expression, the three conditions cost more to compile than to run. Table names
    come from the models' metadata; every value is a parameter."""
    at = connection.ops.adapt_datetimefield_value
    tomorrow, zone = today + timedelta(days=1), practice.zone
    hidden_sql, hidden_params = hidden(Need.REMINDER, "")
    reminder = (
        "a.starts_at >= %s AND a.starts_at < %s AND a.status = %s "
        f"AND a.reminder_sent_at IS NULL AND c.wants_reminders = %s AND {hidden_sql}",
        [
            at(datetime.combine(tomorrow, time.min, tzinfo=zone)),
            at(datetime.combine(tomorrow + timedelta(days=1), time.min, tzinfo=zone)),
            AppointmentStatus.SCHEDULED.value,
            True,
            *hidden_params,
        ],
    )
    hidden_sql, hidden_params = hidden(Need.CHANGED, "client_choice_at")
    # "None of these times work" is not a change: it is a message from the client, waiting
    # for the provider's answer among the replies owed (rescheduling.reschedule_decline).
    changed = (
        f"a.client_choice_at >= %s AND a.client_choice <> %s AND {hidden_sql}",
        [at(now - timedelta(days=changes_days)), ClientChoice.OTHER.value, *hidden_params],
    )
    follow_up = _follow_up_sql(now, follow_up_days, hidden)
    # Every kind starts after this: a follow-up within follow_up_days, a reschedule answer
    # (made before the start, or while it was running late) within changes_days.
    earliest = now - timedelta(days=max(changes_days, follow_up_days) + 2)
    sql = (
        f"SELECT a.id, CASE WHEN {reminder[0]} THEN %s WHEN {changed[0]} THEN %s ELSE %s END "  # noqa: S608
        f"AS kind FROM {_table(Appointment)} a INNER JOIN {_table(Client)} c "
        "ON c.id = a.client_id WHERE a.practice_id = %s AND a.starts_at >= %s "
        f"AND c.archived_at IS NULL AND (({reminder[0]}) OR ({changed[0]}) OR ({follow_up[0]})) "
        "ORDER BY kind DESC, a.starts_at, a.id LIMIT %s"
    )
    params = [
        *reminder[1], Need.REMINDER.value, *changed[1], Need.CHANGED.value,
        Need.FOLLOW_UP.value, practice.pk, at(earliest),
        *reminder[1], *changed[1], *follow_up[1], cap,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(pk, Need(kind)) for pk, kind in cursor.fetchall()]
