"""What an import wrote, row by row, with the values it wrote: what undo removes and checks.

Rows are written in bulk without their ids coming back, so the ids are found after
the insert: the rows of the same table above the highest id before the import, in
this practice, with the same client and values. A row written meanwhile by someone
else has other values, or another client, and is not taken for the import's.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from rapport.clients.models import Client, ContactPoint, Fact, ImportantDate, Tag
from rapport.portability.bulk import insert_rows
from rapport.portability.models import ImportBatch, ImportedRow, RowKind
from rapport.timeline.models import Interaction

# The rows an import adds to a client, and the values that say whether one was edited since.
WRITTEN: dict[str, tuple[type[models.Model], tuple[str, ...]]] = {
    RowKind.POINT: (ContactPoint, ("kind", "value", "label", "normalized")),
    RowKind.DATE: (ImportantDate, ("kind", "day", "month", "year")),
    RowKind.FACT: (Fact, ("category", "text")),
    RowKind.NOTE: (Interaction, ("kind", "summary")),
}
# A client's own details as the provider edits them (clients.services.client_update).
CLIENT_FIELDS = (
    "full_name", "preferred_name", "pronunciation", "pronouns", "status", "closeness",
    "how_we_met", "client_since", "checkin_consent", "checkin_channel", "paused_note_ok",
    "rhythm_days", "time_zone", "wants_reminders", "no_gifts", "no_physical_contact",
)  # fmt: skip


def plain(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values as they are kept in ImportedRow.values (dates as ISO text), for comparing."""
    result: dict[str, Any] = json.loads(json.dumps(values, cls=DjangoJSONEncoder))
    return result


def client_values(client: Client) -> dict[str, Any]:
    return plain({name: getattr(client, name) for name in CLIENT_FIELDS})


class Provenance:
    """Gathers an import's rows while it writes, then keeps them in one bulk insert."""

    def __init__(self, batch: ImportBatch | None, practice_id: int | None = None) -> None:
        """`practice_id`: where the rows are written, when not the batch's own practice (a
        large import is written into a holding practice first: portability.staging)."""
        self.batch = batch
        self.practice_id = practice_id or (batch.practice_id if batch else None)
        self.rows: list[dict[str, Any]] = []
        self.highest = {
            kind: model._default_manager.aggregate(top=models.Max("pk"))["top"] or 0
            for kind, (model, _) in WRITTEN.items()
        } if batch else {}  # fmt: skip

    def _add(self, kind: str, row_id: int, client_id: int | None, values: dict[str, Any]) -> None:
        if self.batch is not None:
            self.rows.append({"batch_id": self.batch.pk, "kind": kind, "row_id": row_id,
                              "client_id": client_id, "values": values})  # fmt: skip

    def clients(self, created: Iterable[Client]) -> None:
        for client in created:
            self._add(RowKind.CLIENT, client.pk, client.pk, client_values(client))

    def tags(self, created: Iterable[Tag]) -> None:
        for tag in created:
            self._add(RowKind.TAG, tag.pk, None, {"name": tag.name})

    def links(self, pairs: Iterable[tuple[int, int]]) -> None:
        for client_id, tag_id in pairs:
            self._add(RowKind.TAG_LINK, tag_id, client_id, {})

    def extras(self, client: Client, added: Mapping[str, Any]) -> None:
        before = {key: client.imported_extras.get(key) for key in added}
        changed = {key: value for key, value in added.items() if before[key] != value}
        if changed:
            was = {key: before[key] for key in changed}
            self._add(RowKind.EXTRAS, client.pk, client.pk, {"before": was, "after": changed})

    def written(self, kind: str, rows: Sequence[dict[str, Any]]) -> None:
        """Finds the ids of rows just inserted into the table for this kind."""
        if self.batch is None or not rows:
            return
        model, fields = WRITTEN[kind]
        wanted = Counter((row["client_id"], *(row[name] for name in fields)) for row in rows)
        inserted = model.objects.filter(  # type: ignore[attr-defined]
            pk__gt=self.highest[kind], practice_id=self.practice_id
        ).values_list("pk", "client_id", *fields)
        for pk, client_id, *values in inserted.iterator(chunk_size=2000):
            key = (client_id, *values)
            if wanted[key] > 0:
                wanted[key] -= 1
                self._add(kind, pk, client_id, plain(dict(zip(fields, values, strict=True))))

    def save(self) -> None:
        if self.batch is not None:
            insert_rows(ImportedRow, self.rows)
