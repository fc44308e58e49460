"""For every merge in a preview, field by field, what it would add to or change on the client.

It follows what portability.writing does: a contact point the client has (same kind
and number or address) is not added again; a birthday or anniversary is added only
when the client has none; work and the note are added; tags are added; an imported
extra is added, or changed when the client has another value for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapport.clients.models import Client, ContactKind, ContactPoint, DateKind, ImportantDate
from rapport.portability.importing import Planned

KIND_NAMES: dict[str, str] = {
    ContactKind.EMAIL: "Email",
    ContactKind.PHONE: "Phone",
    ContactKind.ADDRESS: "Address",
}
ADDED, CHANGED, KEPT = "added", "changed", "kept"


@dataclass(frozen=True)
class Change:
    field: str
    value: str
    action: str  # ADDED, CHANGED, or KEPT (the client's own value stays; the file's is left out)
    before: str = ""


@dataclass
class _Has:
    points: set[tuple[str, str]]
    dates: dict[str, tuple[int, int, int | None]]
    tags: set[str]


def merge_changes(items: Sequence[Planned]) -> None:
    """Sets each item's changes against the client it merges into, or might (possible)."""
    targets = {item.record.number: item.match or item.possible for item in items}
    ids = {client.pk for client in targets.values() if client is not None}
    has = _what_they_have(ids)
    extras = dict(Client.objects.filter(pk__in=ids).values_list("pk", "imported_extras"))
    for item in items:
        client = targets[item.record.number]
        if client is not None:
            item.changes = _changes(item, has[client.pk], extras.get(client.pk) or {})


def _what_they_have(ids: set[int]) -> dict[int, _Has]:
    has: dict[int, _Has] = defaultdict(lambda: _Has(set(), {}, set()))
    for client_id, kind, value, normalized in ContactPoint.objects.filter(
        client_id__in=ids
    ).values_list("client_id", "kind", "value", "normalized"):
        has[client_id].points.add((kind, normalized or value))
    for date in ImportantDate.objects.filter(client_id__in=ids):
        has[date.client_id].dates[date.kind] = (date.day, date.month, date.year)
    for client_id, name in Client.tags.through.objects.filter(client_id__in=ids).values_list(
        "client_id", "tag__name"
    ):
        has[client_id].tags.add(name.casefold())
    return has


def _day(value: tuple[int, int, int | None]) -> str:
    day, month, year = value
    return f"{day}/{month}" + (f"/{year}" if year else "")


def _changes(item: Planned, has: _Has, extras: dict[str, object]) -> list[Change]:
    record, changes = item.record, []
    for point in item.points:
        if (point.kind, point.normalized or point.value) not in has.points:
            label = f" ({point.label})" if point.label else ""
            changes.append(Change(f"{KIND_NAMES[point.kind]}{label}", point.value, ADDED))
            has.points.add((point.kind, point.normalized or point.value))
    for kind, value in ((DateKind.BIRTHDAY, record.birthday),
                        (DateKind.ANNIVERSARY, record.anniversary)):  # fmt: skip
        if value is not None:
            kept = has.dates.get(kind)
            changes.append(Change(kind.label, _day(value), ADDED) if kept is None else
                           Change(kind.label, _day(value), KEPT, _day(kept)))  # fmt: skip
    work = " at ".join(part for part in (record.title, record.organisation) if part)
    if work:
        changes.append(Change("Fact", f"Work: {work}"[:500], ADDED))
    if record.note:
        changes.append(Change("Note", record.note[:300], ADDED))
    for tag in record.tags:
        tag_name = tag.strip().lstrip("#").strip()[:50]
        if tag_name and tag_name.casefold() not in has.tags:
            changes.append(Change("Tag", tag_name, ADDED))
    for key, extra in record.extras.items():
        if key not in extras:
            changes.append(Change(key, str(extra)[:200], ADDED))
        elif extras[key] != extra:
            changes.append(Change(key, str(extra)[:200], CHANGED, str(extras[key])[:200]))
    return changes
