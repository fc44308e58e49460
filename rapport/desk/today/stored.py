"""The object a Today section words an item from, made again from what the attention table
kept of it (the fields `attention.reasons.SHOWN_FIELDS` names) and the item's client, so
showing Today reads no other table."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.db import connection
from django.db.models import GeneratedField
from django.utils import timezone

from rapport.appointments.queries import Need
from rapport.attention.due import DueItem
from rapport.attention.models import Section
from rapport.attention.reasons import SHOWN_FIELDS
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


def row_of(due: DueItem) -> Any:
    """The client for a reason about the client; otherwise the object, with its client (and
    for an appointment, the word it needs)."""
    if due.section not in SHOWN_FIELDS:
        return due.client
    model, names = SHOWN_FIELDS[due.section]
    meta = model._meta
    values = {meta.pk.attname: due.object_id, "client_id": due.client.pk}
    values |= {name: _read(meta.get_field(name), due.shown[name]) for name in names}
    # from_db takes a partial row's values in the model's field order, whatever order the
    # names come in: given otherwise, a message's subject would read as its status.
    kept = [f.attname for f in meta.concrete_fields if f.attname in values]
    row = model.from_db(connection.alias, kept, [values[name] for name in kept])
    row.client = due.client  # type: ignore[attr-defined]
    if due.section == Section.TOUCH:
        row.kind = TouchKind(pk=due.shown["kind_id"], name=due.shown["kind_name"])  # type: ignore[attr-defined]
    if due.section == Section.FEEDBACK:
        row.words = due.shown["words"]  # type: ignore[attr-defined]
    if due.section in _NEED:
        return row, _NEED[due.section]
    return row
