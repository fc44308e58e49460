"""What needs the provider now: Today's one read of the attention table.

Per section, the reasons due by now, not yet over and not hidden by a member, in Today's
order, counted up to a cap; the first few of each come with their client. One statement
(each section an index range starting from the practice, joined once), so Today costs the
same round trip at 50 clients or 20,000. Table and column names come from the models'
metadata; every value is a parameter.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from django.db import connection

from rapport.appointments.models import MAX_LENGTH
from rapport.attention.models import AgendaAction, AttentionItem, Section
from rapport.attention.reasons import DATES_AHEAD_DAYS, ON_ITS_WAY, SHOWN_FIELDS
from rapport.clients.models import Client
from rapport.messaging.models import RESENDABLE, OutboxMessage, OutboxStatus
from rapport.practices.models import Member, Practice


@dataclass
class DueItem:
    section: str
    object_id: int
    shown_in: str
    shown: dict[str, Any]
    client: Client


@dataclass
class DueSection:
    items: list[DueItem]
    total: int  # counted up to the cap


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


_ITEMS = _q(AttentionItem._meta.db_table)
_ORDER = "rank, md_rank, sort_at, sort_name, object_id"
_IN_INDEX = "i.rank, i.sort_at, i.sort_name, i.object_id"  # attention_item_today's order
_VISIBLE = (
    "{0}.due_at <= %s AND ({0}.until_at IS NULL OR {0}.until_at > %s) AND {0}.hidden_until <= %s"
)


def _outranked() -> str:
    """The appointment's word is another, more pressing one that shows: a reminder before an
    answer to a reschedule link, either before a follow-up. Asked of the unique index
    (practice, section, object)."""
    return (
        f"i.section <> '{Section.REMINDER}' AND EXISTS (SELECT 1 FROM {_ITEMS} h "  # noqa: S608
        f"WHERE h.practice_id = i.practice_id AND h.section IN ('{Section.REMINDER}', "
        f"'{Section.CHANGED}') AND h.object_id = i.object_id AND h.section <> i.section "
        f"AND {_VISIBLE.format('h')})"
    )


def _part(where: str, md_rank: str = "0", order: str = _IN_INDEX) -> str:
    """Rows of the table, in Today's order, up to a cap: one index range from the practice,
    read in the index's order where it is Today's, so it stops at the cap."""
    return (
        "SELECT * FROM (SELECT i.shown_in, i.section, i.object_id, i.shown, i.client_id, "  # noqa: S608
        f"i.rank, {md_rank} AS md_rank, i.sort_at, i.sort_name FROM {_ITEMS} i "
        f"WHERE i.practice_id = %s AND {where} ORDER BY {order} LIMIT %s) p"
    )


def _dates_part(wraps: bool, leap_day: bool) -> str:
    """Yearly dates whose day falls in the window from today (over the year end, January
    after December), hidden only by an action taken in this year's window."""
    window = "i.month_day >= %s " + ("OR" if wraps else "AND") + " i.month_day <= %s"
    if leap_day:  # a 29 February date is kept on 28 February in common years
        window += " OR i.month_day = 229"
    rank = "CASE WHEN i.month_day < %s THEN i.month_day + 1300 ELSE i.month_day END"
    return _part(
        f"i.section = '{Section.DATE}' AND ({window}) "
        "AND (i.hidden_until <= %s OR i.cycle_at < %s)",
        rank,
        order="md_rank, i.sort_name, i.object_id",
    )


def _json(row: str, names: tuple[str, ...]) -> str:
    pairs = ", ".join(f"'{name}', {row}.{_q(name)}" for name in names)
    return (
        f"jsonb_build_object({pairs})"
        if connection.vendor == "postgresql"
        else (f"json_object({pairs})")
    )


def _outbox_part(key: str, names: tuple[str, ...], where: str, order: str) -> str:
    """Messages read from the outbox itself, whose status the worker changes in bulk."""
    return (
        f"SELECT * FROM (SELECT '{key}' AS shown_in, '{key}' AS section, "  # noqa: S608
        f"o.id AS object_id, {_json('o', names)} AS shown, o.client_id, 0 AS rank, "
        f"0 AS md_rank, o.{order} AS sort_at, '' AS sort_name "
        f"FROM {_q(OutboxMessage._meta.db_table)} o WHERE o.practice_id = %s AND {where} "
        f"ORDER BY {_ORDER} LIMIT %s) p"
    )


def _unsent_part() -> str:
    """The messages that did not go, in the outbox's index on failures, without what a
    member handled."""
    statuses = ", ".join(f"'{status}'" for status in RESENDABLE)
    handled = (
        f"SELECT 1 FROM {_q(AgendaAction._meta.db_table)} a WHERE a.practice_id = o.practice_id "  # noqa: S608
        f"AND a.section = '{Section.UNSENT}' AND a.object_id = o.id AND a.hidden_until > %s"
    )
    where = f"o.status IN ({statuses}) AND NOT EXISTS ({handled})"
    return _outbox_part(Section.UNSENT, SHOWN_FIELDS[Section.UNSENT][1], where, "created_at")


def _on_its_way_part() -> str:
    """The emails this member approved that can still be taken back, the first to go first."""
    where = f"o.status = '{OutboxStatus.QUEUED}' AND o.attempts = 0 AND o.created_by_id = %s"
    return _outbox_part(ON_ITS_WAY, SHOWN_FIELDS[ON_ITS_WAY][1], where, "next_attempt_at")


@cache
def _section_sql(key: str, wraps: bool, leap_day: bool) -> str:
    """One section's rows: its first few in order, each with the section's total."""
    where = f"i.shown_in = %s AND {_VISIBLE.format('i')}"
    if key == Section.COMING_UP:  # one member's, from those that may still be running
        where = "i.shown_in = %s AND i.member_id = %s AND i.sort_at >= %s AND i.until_at > %s"
    if key == Section.HANDOFF:  # one member's: handed to them
        where = f"i.shown_in = %s AND i.member_id = %s AND {_VISIBLE.format('i')}"
    if key == Section.APPOINTMENTS:
        where += f" AND NOT ({_outranked()})"
    parts = [_part(where)]
    if key == Section.UNSENT:
        parts = [_unsent_part()]
    if key == ON_ITS_WAY:
        parts = [_on_its_way_part()]
    if key == Section.DATE:  # the gentle checks first, then the yearly dates
        # The gentle checks by their own sections' index range: not among every yearly date.
        care = f"i.section IN ('{Section.CARE}', '{Section.CARE_TALK}')"
        parts = [_part(f"{care} AND {_VISIBLE.format('i')}")]
        parts.append(_dates_part(wraps, leap_day))
    client_columns = ", ".join(f"c.{_q(f.column)}" for f in Client._meta.concrete_fields)
    return (
        "SELECT * FROM (SELECT t.shown_in, t.position, t.total, t.section, t.object_id, "  # noqa: S608
        f"t.shown, {client_columns} FROM (SELECT * FROM (SELECT x.*, ROW_NUMBER() OVER "
        f"(ORDER BY {_ORDER}) AS position, COUNT(*) OVER () AS total FROM "
        f"({' UNION ALL '.join(parts)}) x) w WHERE w.position <= %s ORDER BY w.position "
        # Limited before the join, so the planner fetches only the shown rows' clients by key.
        f"LIMIT %s) t INNER JOIN {_q(Client._meta.db_table)} c ON c.id = t.client_id) s"
    )


def items_due(
    practice: Practice,
    *,
    now: datetime,
    today: date,
    sections: list[str],
    shown: dict[str, int],
    cap: int,
    member: Member | None = None,
) -> dict[str, DueSection]:
    """For each of `sections`, its first `shown[section]` items and how many there are;
    `coming_up` among them is `member`'s appointments that have not ended, soonest first,
    `handoff` the notes handed to them (none without a member), and ON_ITS_WAY the emails
    they approved that can still be taken back."""
    at, day = connection.ops.adapt_datetimefield_value, connection.ops.adapt_datefield_value
    visible = [at(now), at(now), day(today)]
    last = today + timedelta(days=DATES_AHEAD_DAYS)
    first_md, last_md = today.month * 100 + today.day, last.month * 100 + last.day
    wraps, leap_day = first_md > last_md, last_md == 228 and not calendar.isleap(last.year)
    # Only an action taken in this year's window hides a yearly date.
    this_window = at(now - timedelta(days=DATES_AHEAD_DAYS + 1))
    parts, params = [], []
    for key in sections:
        parts.append(_section_sql(key, wraps, leap_day))
        if key == Section.COMING_UP:
            member_id = None if member is None else member.pk
            params += [practice.pk, key, member_id, at(now - MAX_LENGTH), at(now)]
        elif key == Section.HANDOFF:
            params += [practice.pk, key, None if member is None else member.pk, *visible]
        elif key == Section.UNSENT:
            params += [practice.pk, day(today)]
        elif key == ON_ITS_WAY:
            params += [practice.pk, None if member is None else member.pk]
        elif key == Section.DATE:
            params += [practice.pk, *visible]
        else:
            params += [practice.pk, key, *visible]
        if key == Section.APPOINTMENTS:
            params += visible
        if key == Section.DATE:
            params += [cap, first_md, practice.pk, first_md, last_md, day(today), this_window]
        # At least one row per section, so that its total comes back even when none is shown.
        params += [cap, max(shown[key], 1), max(shown[key], 1)]
    found = {key: DueSection([], 0) for key in sections}
    # Read as clients, so each column is converted as the ORM would; the item's columns
    # come along as attributes.
    rows: list[Any] = list(Client.objects.raw(" UNION ALL ".join(parts), params))
    for person in sorted(rows, key=lambda row: (row.shown_in, row.position)):
        due = found[person.shown_in]
        due.total = person.total
        if person.position > shown[person.shown_in]:
            continue
        person.practice = practice
        stored = person.shown
        data = json.loads(stored) if isinstance(stored, str) else stored
        due.items.append(DueItem(person.section, person.object_id, person.shown_in, data, person))
    return found
