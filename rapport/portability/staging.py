"""A large import, written where no one can see it, then published in short steps.

SQLite lets one writer in at a time, so an import of 200,000 clients in one
transaction would hold every other member's quick capture for a minute or more.
A large import is therefore written in short transactions into a practice of its
own that no member belongs to (every query is scoped to a practice, so nothing
there shows anywhere), then published: its clients moved into the practice a few
thousand at a time, each with all its rows, and, in one last transaction, its
tags, what it merges into existing clients, and the batch marked finished.

Interrupted while writing, the holding practice is deleted and nothing was
imported; interrupted while publishing, publishing is finished later
(portability.tidy), so an import is never left half-visible for long.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from rapport.attention.items import items_refresh
from rapport.clients.models import Client, ContactPoint, Fact, ImportantDate, Tag
from rapport.portability.importing import CREATE, MERGE, Planned, Point, counts
from rapport.portability.models import ImportBatch, ImportedRow, RowKind
from rapport.portability.records import Record
from rapport.portability.writing import commit
from rapport.practices.models import Practice
from rapport.timeline.models import Interaction

WRITE_CHUNK = 500  # records a transaction while writing: a capture waits for one at most
PUBLISH_CHUNK = 2000  # clients moved into the practice a transaction
OWNED_BY_CLIENT = (ContactPoint, ImportantDate, Fact, Interaction)
# SQLite has no queue for its one write lock: a writer kept waiting retries after ever longer
# sleeps (up to 100 ms), and one that starts its next transaction at once wins it every time.
# A pause longer than those sleeps between two steps lets a waiting capture in.
SQLITE_PAUSE = 0.12


def let_others_write() -> None:
    if connection.vendor == "sqlite":
        time.sleep(SQLITE_PAUSE)


def staged_commit(
    *, batch: ImportBatch, planned: Sequence[Planned], progress: Callable[[int], None]
) -> dict[str, int]:
    """Writes the plan as decided into a holding practice, then publishes it."""
    practice = batch.practice
    holding = Practice.with_holding.create(
        name=f"Import {batch.pk} being written", holds_import=True,
        time_zone=practice.time_zone, default_region=practice.default_region,
    )  # fmt: skip
    new = [item for item in planned if item.outcome == CREATE or
           (item.outcome == MERGE and item.match is None)]  # fmt: skip
    merges = [item for item in planned if item.outcome == MERGE and item.match is not None]
    batch.holding, batch.merges = holding, [_kept(item) for item in merges]
    result = counts(planned)
    batch.result = result
    batch.save(update_fields=["holding", "merges", "result"])
    with _plan_out_of_collection():
        for start in range(0, len(new), WRITE_CHUNK):
            commit(practice=holding, planned=new[start : start + WRITE_CHUNK],
                   member=batch.member, batch=batch)  # fmt: skip
            progress(start + len(new[start : start + WRITE_CHUNK]))
            let_others_write()
        publish(batch)
    return result


@contextmanager
def _plan_out_of_collection() -> Iterator[None]:
    """The plan of a large file is millions of objects that live until the end. The cyclic
    garbage collector's full passes over them took up to two seconds each, inside a write or
    publish step, so other members waited that much longer; frozen, they are not scanned."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def publish(batch: ImportBatch) -> None:
    """Moves what the holding practice holds into the practice, then writes the merges and
    marks the batch finished. Run again after an interruption, it carries on."""
    holding, practice = batch.holding, batch.practice
    if holding is None:
        return
    ImportBatch.objects.filter(pk=batch.pk).update(publishing_at=timezone.now())
    ids = list(Client.objects.filter(practice=holding).values_list("pk", flat=True))
    for start in range(0, len(ids), PUBLISH_CHUNK):
        chunk = ids[start : start + PUBLISH_CHUNK]
        with transaction.atomic():
            for model in OWNED_BY_CLIENT:
                model.objects.filter(practice=holding, client_id__in=chunk).update(
                    practice=practice
                )
            Client.objects.filter(pk__in=chunk).update(practice=practice)
            items_refresh(practice=practice, clients=chunk)  # Today's items, in the practice
        ImportBatch.objects.filter(pk=batch.pk).update(heard_at=timezone.now())
        let_others_write()
    with transaction.atomic():
        # Only one publisher finishes (a stopped one may be taken for dead while it is not).
        if not ImportBatch.objects.filter(pk=batch.pk, finished_at__isnull=True).update(
            finished_at=timezone.now(), content=b""
        ):
            return
        _publish_tags(batch, holding, practice)
        merges = _merges(batch.merges)
        if merges:
            commit(practice=practice, planned=merges, member=batch.member, batch=batch)
        ImportBatch.objects.filter(pk=batch.pk).update(merges=[])
        holding.delete()


def _publish_tags(batch: ImportBatch, holding: Practice, practice: Practice) -> None:
    """The import's tags join the practice's: one of the same name made meanwhile is used."""
    existing = {tag.name.casefold(): tag for tag in Tag.objects.for_practice(practice)}
    links = Client.tags.through.objects
    for tag in Tag.objects.for_practice(holding):
        same = existing.get(tag.name.casefold())
        if same is None:
            Tag.objects.filter(pk=tag.pk).update(practice=practice)
            continue
        links.filter(tag_id=tag.pk).update(tag_id=same.pk)
        rows = ImportedRow.objects.filter(batch=batch)
        rows.filter(kind=RowKind.TAG, row_id=tag.pk).delete()  # not the import's to undo
        rows.filter(kind=RowKind.TAG_LINK, row_id=tag.pk).update(row_id=same.pk)
        tag.delete()


def _kept(item: Planned) -> dict[str, Any]:
    """A merge as plain data, to be written when the import is published."""
    assert item.match is not None
    return {
        "client": item.match.pk,
        "record": asdict(item.record),
        "points": [asdict(point) for point in item.points],
    }


def _merges(kept: Sequence[dict[str, Any]]) -> list[Planned]:
    """The merges kept by staged_commit, into the clients that are still there."""
    clients = Client.objects.in_bulk([item["client"] for item in kept])
    return [
        Planned(Record(**item["record"]), MERGE, match=clients[item["client"]],
                points=[Point(**point) for point in item["points"]])
        for item in kept if item["client"] in clients
    ]  # fmt: skip


def abandon(batch_id: int) -> bool:
    """Throws away what an import wrote before it started publishing; False if it had (then
    publishing is to be finished instead)."""
    batch = ImportBatch.objects.filter(pk=batch_id).select_related("holding").first()
    if batch is None or batch.publishing_at is not None:
        return False
    if batch.holding is not None:
        # A few thousand at a time, so that other members' writes are never held for long.
        clients = Client.objects.filter(practice=batch.holding)
        while ids := list(clients.values_list("pk", flat=True)[:PUBLISH_CHUNK]):
            Client.objects.filter(pk__in=ids).delete()
        batch.holding.delete()
    ImportedRow.objects.filter(batch=batch).delete()
    return True
