"""Undoing an import, for 30 days: the clients it created go, and what it added to others.

What the import wrote is in its ImportedRow rows (portability.provenance), with the
values as written. Before anything goes, undo_review says which of those rows were
edited since, and what was added since to the clients it created (which would go
with them); the provider confirms, then import_undo removes it all in one transaction,
or, for a large import, import_undo_in_steps in many short ones (run by a task).
A contact point is found by its id, or by its value when the client's contact details
were saved again since (that writes them as new rows).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from rapport.clients.models import Client, ContactKind, ContactPoint, Tag
from rapport.portability.models import UNDO_FOR, ImportBatch, ImportedRow, RowKind
from rapport.portability.provenance import CLIENT_FIELDS, WRITTEN, client_values, plain
from rapport.practices.models import Member

KIND_NAMES = {
    ContactKind.EMAIL: "email",
    ContactKind.PHONE: "phone",
    ContactKind.ADDRESS: "address",
}
POINT_FIELDS = ("kind", "value", "label", "normalized")
CHUNK = 900  # ids per query: under SQLite's limit on parameters
SHOWN_NAMES = 50


def undo_refusal(batch: ImportBatch, now: datetime | None = None) -> str:
    """Why this import cannot be undone, or "" when it can."""
    now = now or timezone.now()
    if batch.finished_at is None:
        return "This file was not imported, so there is nothing to undo."
    if batch.undone_at is not None:
        return f"This import was already undone on {batch.undone_at:%-d %B %Y}."
    if now - batch.finished_at > UNDO_FOR:
        return (
            f"An import can be undone for 30 days; this one was on {batch.finished_at:%-d %B %Y}. "
            "Its clients are yours to edit or erase one by one."
        )
    return ""


def undoable(practice_id: int, now: datetime | None = None) -> models.QuerySet[ImportBatch]:
    """The practice's imports that can still be undone, newest first."""
    since = (now or timezone.now()) - UNDO_FOR
    return ImportBatch.objects.filter(
        practice_id=practice_id, finished_at__gte=since, undone_at__isnull=True
    ).defer("content")


@dataclass
class Review:
    """What undo would remove, and what was edited or added since (each a sentence)."""

    created: list[str] = field(default_factory=list)  # the new clients' names
    added: Counter[str] = field(default_factory=Counter)  # rows added to existing clients
    edited: list[str] = field(default_factory=list)
    point_ids: list[int] = field(default_factory=list)  # the import's points as they are now
    names: dict[int, str] = field(default_factory=dict)
    new: set[int] = field(default_factory=set)


def _rows(batch: ImportBatch, kind: str) -> Iterator[ImportedRow]:
    return ImportedRow.objects.filter(batch=batch, kind=kind).order_by("pk").iterator(2000)


def _ids(batch: ImportBatch, kind: str) -> models.QuerySet[ImportedRow, Any]:
    return ImportedRow.objects.filter(batch=batch, kind=kind).values("row_id")


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def undo_review(batch: ImportBatch) -> Review:
    review = Review()
    touched = ImportedRow.objects.filter(batch=batch).values("client_id")
    review.names = dict(Client.objects.filter(pk__in=touched).values_list("pk", "full_name"))
    _clients_reviewed(batch, review)
    _points_reviewed(batch, review)
    for kind in (RowKind.DATE, RowKind.FACT, RowKind.NOTE):
        _rows_reviewed(batch, kind, review)
    for row in _rows(batch, RowKind.EXTRAS):
        review.added[RowKind.EXTRAS.label] += 1
        now = Client.objects.filter(pk=row.row_id).values_list("imported_extras", flat=True)
        for key, value in row.values["after"].items():
            if now and plain(now[0]).get(key) != value:
                name = review.names.get(row.row_id, "")
                review.edited.append(f"{name}: the imported extra {key} was changed since.")
    _added_since(batch, review)
    return review


def _clients_reviewed(batch: ImportBatch, review: Review) -> None:
    written = {row.row_id: row.values for row in _rows(batch, RowKind.CLIENT)}
    for client in Client.objects.filter(pk__in=_ids(batch, RowKind.CLIENT)).only(
        "pk", *CLIENT_FIELDS
    ):
        review.new.add(client.pk)
        review.created.append(client.full_name)
        now = client_values(client)
        changed = [name for name, value in written[client.pk].items() if now.get(name) != value]
        if changed:
            fields = ", ".join(name.replace("_", " ") for name in changed)
            review.edited.append(f"{client.full_name} (new): {fields} edited since.")


def _points_reviewed(batch: ImportBatch, review: Review) -> None:
    rows = list(_rows(batch, RowKind.POINT))
    by_value: dict[int, dict[tuple[str, str], ContactPoint]] = defaultdict(dict)
    by_id: dict[int, ContactPoint] = {}
    clients = sorted({row.client_id for row in rows if row.client_id})
    for some in _chunks(clients):
        for found in ContactPoint.objects.filter(client_id__in=some):
            by_value[found.client_id][(found.kind, found.normalized or found.value)] = found
            by_id[found.pk] = found
    for row in rows:
        was, client_id = row.values, row.client_id or 0
        point = by_id.get(row.row_id) or by_value[client_id].get(
            (was["kind"], was["normalized"] or was["value"])
        )
        what = f"{review.names.get(client_id, '')}: the {KIND_NAMES.get(was['kind'], '')} "
        what += str(was["value"])
        if client_id not in review.new:
            review.added[RowKind.POINT.label] += 1
            if point is None:
                review.edited.append(f"{what} is not there as imported (changed or removed since).")
        if point is None:
            continue
        review.point_ids.append(point.pk)
        if tuple(getattr(point, name) for name in POINT_FIELDS) != tuple(
            was[name] for name in POINT_FIELDS
        ):
            review.edited.append(f"{what} was edited since (now “{point.value}”, {point.label}).")


def _rows_reviewed(batch: ImportBatch, kind: str, review: Review) -> None:
    model, fields = WRITTEN[kind]
    label = RowKind(kind).label
    now = {
        item["pk"]: item
        for item in model._default_manager.filter(pk__in=_ids(batch, kind)).values("pk", *fields)
    }
    for row in _rows(batch, kind):
        if row.client_id not in review.new:
            review.added[label] += 1
        if (
            row.row_id in now
            and plain({name: now[row.row_id][name] for name in fields}) != row.values
        ):
            text = " ".join(
                str(value) for name, value in row.values.items() if name not in ("kind", "category")
            )
            name = review.names.get(row.client_id or 0, "")
            review.edited.append(f"{name}: the {label} “{text[:160]}” was edited since.")


def _added_since(batch: ImportBatch, review: Review) -> None:
    """Rows on the clients the import created that it did not write: they would go too."""
    ours = {
        WRITTEN[kind][0]: set(_ids(batch, kind).values_list("row_id", flat=True))
        for kind in WRITTEN
    }
    ours[ContactPoint] = set(review.point_ids)
    found: dict[int, Counter[str]] = defaultdict(Counter)
    for relation in Client._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one):
            continue
        model, attname = relation.related_model, relation.field.attname
        if isinstance(model, str):  # "self": no relation of a client to a client
            continue
        created = _ids(batch, RowKind.CLIENT)
        rows = model._default_manager.filter(**{f"{attname}__in": created}).values_list(
            attname, "pk"
        )
        for client_id, pk in rows:
            if pk not in ours.get(model, set()):
                found[client_id][str(model._meta.verbose_name_plural)] += 1
    for client_id, kinds in found.items():
        total = sum(kinds.values())
        review.edited.append(
            f"{review.names.get(client_id, '')} (new): {total} row{'s' if total != 1 else ''} "
            f"added since ({', '.join(sorted(kinds))}), which would go with them."
        )


@transaction.atomic
def import_undo(*, batch: ImportBatch, member: Member | None) -> Review:
    """Removes what the import brought, in one transaction; refuses (ValueError) when it can no
    longer be undone. A large import is undone by a task instead (import_undo_in_steps)."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    refusal = undo_refusal(batch)
    if refusal:
        raise ValueError(refusal)
    review = undo_review(batch)
    _remove(batch, review, between=lambda: None)
    batch.undone_at, batch.undone_by = timezone.now(), member
    batch.save(update_fields=["undone_at", "undone_by"])
    return review


def import_undo_in_steps(
    *, batch: ImportBatch, member: Member | None, between: Callable[[], None]
) -> bool:
    """Removes what the import brought a few hundred rows a transaction, calling `between`
    after each, so that other members keep writing. Every step removes rows by their ids, so
    run again after an interruption it carries on where it stopped.

    False, with the review kept again, when what was edited since is not what the provider
    was shown (batch.undo_review): they are asked again first."""
    review = undo_review(batch)
    if review.edited != batch.undo_review.get("edited"):
        ImportBatch.objects.filter(pk=batch.pk).update(
            undo_review=review_shown(review), undo_started_at=None
        )
        return False
    _remove(batch, review, between=between)
    ImportBatch.objects.filter(pk=batch.pk).update(undone_at=timezone.now(), undone_by=member)
    return True


def review_shown(review: Review) -> dict[str, Any]:
    """What the undo page shows of a review, as plain data (kept on the batch for a large one)."""
    return {
        "created": len(review.created),
        "names": review.created[:SHOWN_NAMES],
        "added": sorted(review.added.items()),
        "edited": review.edited,
    }


def _remove(batch: ImportBatch, review: Review, *, between: Callable[[], None]) -> None:
    # Created clients' points, dates and notes go with them; the rest are removed by id.
    removed: list[tuple[type[models.Model], Sequence[int]]] = [(ContactPoint, review.point_ids)]
    for kind in (RowKind.DATE, RowKind.FACT, RowKind.NOTE):
        removed.append((WRITTEN[kind][0], list(_ids(batch, kind).values_list("row_id", flat=True))))
    for model, ids in removed:
        for some in _chunks(ids):
            model._default_manager.filter(pk__in=some).delete()
            between()
    _unlink_tags(batch, between)
    for row in _rows(batch, RowKind.EXTRAS):
        _restore_extras(row)
    for some in _chunks(list(_ids(batch, RowKind.CLIENT).values_list("row_id", flat=True))):
        Client.objects.filter(pk__in=some).delete()
        between()
    Tag.objects.filter(pk__in=_ids(batch, RowKind.TAG), clients__isnull=True).delete()
    # The import's copies of people's data are not kept.
    rows = ImportedRow.objects.filter(batch=batch)
    while some := list(rows.values_list("pk", flat=True)[:CHUNK]):
        ImportedRow.objects.filter(pk__in=some).delete()
        between()


def _unlink_tags(batch: ImportBatch, between: Callable[[], None]) -> None:
    through = Client.tags.through
    pairs = [(row.client_id, row.row_id) for row in _rows(batch, RowKind.TAG_LINK)]
    half = CHUNK // 2  # two parameters a pair
    for start in range(0, len(pairs), half):
        links = models.Q(pk__in=[])
        for client_id, tag_id in pairs[start : start + half]:
            links |= models.Q(client_id=client_id, tag_id=tag_id)
        through.objects.filter(links).delete()
        between()


def _restore_extras(row: ImportedRow) -> None:
    client = Client.objects.filter(pk=row.row_id).first()
    if client is None:
        return
    extras = dict(client.imported_extras)
    for key, value in row.values["before"].items():
        if value is None:
            extras.pop(key, None)
        else:
            extras[key] = value
    client.imported_extras = extras
    client.save(update_fields=["imported_extras"])
