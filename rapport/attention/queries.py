"""Reads the desk makes of attention's data: what a member has hidden from Today, who is fading."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.db import connection
from django.db.models import BooleanField, Model, QuerySet
from django.db.models.expressions import RawSQL

from rapport.attention.models import AgendaAction, ClientReading
from rapport.clients.models import may_be_checked_on
from rapport.practices.models import Practice

_ACTIONS = connection.ops.quote_name(AgendaAction._meta.db_table)


def _table(model: type[Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def not_hidden(
    model: type[Model],
    practice: Practice,
    section: str,
    today: date,
    cycle: str | None = None,
    since: datetime | None = None,
) -> RawSQL:
    """No action on this object still hides it. With a cycle field (or a fixed `since`),
    only actions taken since then count, so a new message, a new due date or next
    year's birthday brings the item back.

    Written as SQL rather than an ORM Exists(): every section uses it twice, and
    compiling the subquery cost more than running it. Every value is a parameter; the
    names come from the model's own metadata.
    """
    table, pk = _table(model), model._meta.pk.column
    sql = (
        f"NOT EXISTS (SELECT 1 FROM {_ACTIONS} a WHERE a.practice_id = %s AND a.section = %s"  # noqa: S608
        f" AND a.object_id = {table}.{connection.ops.quote_name(pk)} AND a.hidden_until > %s"
    )
    params: list[Any] = [practice.pk, section, today]
    if cycle is not None:
        sql += f" AND a.taken_at >= {table}.{connection.ops.quote_name(cycle)}"
    if since is not None:
        sql += " AND a.taken_at >= %s"
        params.append(since)
    return RawSQL(sql + ")", params, output_field=BooleanField())  # noqa: S611 (names from metadata)


def not_hidden_sql(
    practice: Practice, section: str, today: date, *, row: str, cycle: str = ""
) -> tuple[str, list[Any]]:
    """The same condition for a hand-written query, on the row aliased `row`: its SQL and
    its parameters."""
    sql = (
        f"NOT EXISTS (SELECT 1 FROM {_ACTIONS} x WHERE x.practice_id = %s "  # noqa: S608
        f"AND x.section = %s AND x.object_id = {row}.id AND x.hidden_until > %s"
        + (f" AND x.taken_at >= {row}.{cycle}" if cycle else "")
        + ")"
    )
    return sql, [practice.pk, section, connection.ops.adapt_datefield_value(today)]


def fading_readings(practice: Practice) -> QuerySet[ClientReading]:
    """Clients Rapport may check on who are hearing from the provider far less than before,
    the most faded first."""
    return (
        ClientReading.objects.for_practice(practice)
        .filter(may_be_checked_on("client__"), fading=True, client__archived_at__isnull=True)
        .order_by("score", "pk")
    )
