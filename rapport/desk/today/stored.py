"""The object a Today section words an item from, made again from what the attention table
kept of it (the fields `attention.reasons.SHOWN_FIELDS` names) and the item's client, so
showing Today reads no other table."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import GeneratedField, Model
from django.utils import timezone

from rapport.appointments.queries import Need
from rapport.attention.due import DueItem
from rapport.attention.models import Section
from rapport.attention.reasons import SHOWN_FIELDS
from rapport.referrals.models import Partner
from rapport.touches.models import TouchKind

_NEED: dict[str, Need] = {Section.REMINDER: Need.REMINDER, Section.CHANGED: Need.CHANGED,
         Section.FOLLOW_UP: Need.FOLLOW_UP}  # fmt: skip


def _read(field: Any, value: Any) -> Any:
    """A value as the field holds it (a generated field, as what it computes)."""
    if isinstance(field, GeneratedField):
        field = field.output_field
    value = field.to_python(value)
    if isinstance(value, datetime) and timezone.is_naive(value):  # SQLite's JSON: UTC
        value = value.replace(tzinfo=UTC)
    return value


@cache
def _fields(model: type[Model], names: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    """Each kept name with the field that reads it: looked up once per process, not per row."""
    return tuple((name, model._meta.get_field(name)) for name in names)


@cache
def _order(model: type[Model], names: tuple[str, ...]) -> list[str]:
    """The partial row's names in the model's field order, which from_db takes whatever order
    the names come in: given otherwise, a message's subject would read as its status."""
    values = {model._meta.pk.attname, "client_id", *names}
    return [f.attname for f in model._meta.concrete_fields if f.attname in values]


def row_of(due: DueItem) -> Any:
    """The client for a reason about the client; otherwise the object, with its client (and
    for an appointment, the word it needs)."""
    if due.section not in SHOWN_FIELDS:
        return due.client
    model, names = SHOWN_FIELDS[due.section]
    values = {model._meta.pk.attname: due.object_id, "client_id": due.client.pk}
    values |= {name: _read(field, due.shown[name]) for name, field in _fields(model, names)}
    kept = _order(model, names)
    row = model.from_db(connection.alias, kept, [values[name] for name in kept])
    row.client = due.client  # type: ignore[attr-defined]
    if due.section == Section.TOUCH:
        row.kind = TouchKind(pk=due.shown["kind_id"], name=due.shown["kind_name"])  # type: ignore[attr-defined]
    if due.section == Section.REFERRAL:
        row.partner = Partner(pk=due.shown["partner_id"], name=due.shown["partner_name"])  # type: ignore[attr-defined]
    if due.section == Section.FEEDBACK:
        row.words = due.shown["words"]  # type: ignore[attr-defined]
    if due.section in _NEED:
        return row, _NEED[due.section]
    return row
