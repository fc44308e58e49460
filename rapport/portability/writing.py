"""Writing an import as planned (portability.importing): a few bulk inserts, all or nothing.

What it writes is recorded per row (portability.provenance) so the import can be
undone for 30 days (portability.undo).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from rapport.attention.items import items_refresh
from rapport.clients.models import (
    Client,
    ContactPoint,
    DateKind,
    Fact,
    FactCategory,
    FactSource,
    ImportantDate,
    Tag,
)
from rapport.portability.bulk import insert_rows
from rapport.portability.entries import NOTE_LIMIT
from rapport.portability.importing import CREATE, MERGE, Planned, Point, counts
from rapport.portability.models import ImportBatch, RowKind
from rapport.portability.provenance import Provenance
from rapport.portability.records import Record
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Interaction, InteractionKind


def _tag_name(name: str) -> str:
    """A tag as written in an address book ("#VIP ") as the name Rapport keeps ("VIP")."""
    return name.strip().lstrip("#").strip()[:50]


def _tags(practice: Practice, names: set[str]) -> tuple[dict[str, Tag], list[Tag]]:
    """The practice's tags by folded name, with those the file brings created; and the new."""
    wanted = {_tag_name(name) for name in names}
    wanted.discard("")
    existing = {tag.name.casefold(): tag for tag in Tag.objects.for_practice(practice)}
    new = [Tag(practice=practice, name=name) for name in sorted(wanted)
           if name.casefold() not in existing]  # fmt: skip
    for tag in Tag.objects.bulk_create(new):
        existing[tag.name.casefold()] = tag
    return existing, new


@transaction.atomic
def commit(
    *,
    practice: Practice,
    planned: Sequence[Planned],
    member: Member | None,
    progress: Callable[[int], None] = lambda done: None,
    batch: ImportBatch | None = None,
) -> dict[str, int]:
    """Writes the plan as decided (outcomes may have been changed by the provider).

    With a batch, every row written is recorded on it, for undo (portability.undo).
    """
    now = timezone.now()
    trace = Provenance(batch, practice.pk)
    chosen = [item for item in planned if item.outcome in (CREATE, MERGE)]
    tags, new_tags = _tags(practice, {tag for item in chosen for tag in item.record.tags})
    trace.tags(new_tags)
    trace.clients(_create_clients(practice=practice, chosen=chosen, member=member, now=now))
    matched = [(item, item.match) for item in chosen if item.match is not None]
    rows = _Batch.start(
        practice=practice,
        member=member,
        now=now,
        tags=tags,
        clients=[person.pk for _, person in matched],
    )
    for done, (item, person) in enumerate(matched, 1):
        rows.add(person, item)
        if item.outcome == MERGE and item.record.extras:
            trace.extras(person, item.record.extras)
            person.imported_extras = {**person.imported_extras, **item.record.extras}
            person.save(update_fields=["imported_extras"])
        if done % 500 == 0:
            progress(done)
    rows.insert(trace)
    trace.save()
    # Written in bulk, past the signals that keep Today's attention items.
    items_refresh(practice=practice, clients=[person.pk for _, person in matched], now=now)
    progress(len(chosen))
    return counts(planned)


def _create_clients(
    *, practice: Practice, chosen: Sequence[Planned], member: Member | None, now: datetime
) -> list[Client]:
    """A client for each record to be created, in one bulk insert; each becomes its item's match."""
    new_clients = []
    for item in chosen:
        if item.outcome == CREATE or item.match is None:
            record = item.record
            client = Client(
                practice=practice,
                full_name=record.full_name.strip()[:200] or record.display_name[:200],
                preferred_name=record.preferred_name.strip()[:100],
                pronouns=record.pronouns[:40],
                client_since=timezone.localdate(now, practice.zone),
                imported_extras=record.extras,
                created_by=member,
                looked_after_by=member,  # as for a client added by hand: who brought them in
            )
            client.derive()
            item.match = client
            new_clients.append(client)
    return Client.objects.bulk_create(new_clients, batch_size=1000)


@dataclass
class _Batch:
    """The rows the chosen records add to their clients, gathered for a few bulk inserts.

    What the clients already have is read once at the start, so a merge adds no
    second copy of a phone, a birthday or a tag the client already has.
    """

    practice_id: int
    now: datetime
    member: Member | None
    tags: dict[str, Tag]
    clients: list[int]
    existing_points: set[tuple[int, str, str]]
    dated: set[tuple[int, str]]
    points: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def start(
        cls,
        *,
        practice: Practice,
        member: Member | None,
        now: datetime,
        tags: dict[str, Tag],
        clients: list[int],
    ) -> _Batch:
        return cls(
            practice_id=practice.pk,
            now=now,
            member=member,
            tags=tags,
            clients=clients,
            existing_points={
                (point.client_id, point.kind, point.normalized or point.value)
                for point in ContactPoint.objects.filter(client_id__in=clients)
            },
            dated=set(
                ImportantDate.objects.filter(client_id__in=clients).values_list("client_id", "kind")
            ),
        )

    def add(self, person: Client, item: Planned) -> None:
        who = {"practice_id": self.practice_id, "client_id": person.pk}
        self._add_points(who, item.points)
        self._add_dates(who, item.record)
        self._add_work_and_note(who, item.record)
        for name in item.record.tags:
            tag = self.tags.get(_tag_name(name).casefold())
            if tag is not None:
                self.links.append({"client_id": person.pk, "tag_id": tag.pk})

    def _add_points(self, who: dict[str, Any], points: Sequence[Point]) -> None:
        for point in points:
            key = (who["client_id"], point.kind, point.normalized or point.value)
            if key not in self.existing_points:
                self.existing_points.add(key)
                self.points.append(who | {"kind": point.kind, "value": point.value[:500],
                    "label": point.label[:40], "normalized": point.normalized[:254]})  # fmt: skip

    def _add_dates(self, who: dict[str, Any], record: Record) -> None:
        for kind, value in ((DateKind.BIRTHDAY, record.birthday),
                            (DateKind.ANNIVERSARY, record.anniversary)):  # fmt: skip
            if value is not None and (who["client_id"], kind) not in self.dated:
                day, month, year = value
                if month == 2 and day == 29 and year is not None and year % 4:
                    year = None  # 29 February of a year without one: keep the day, not the year
                self.dates.append(who | {"kind": kind, "day": day, "month": month, "year": year})

    def _add_work_and_note(self, who: dict[str, Any], record: Record) -> None:
        work = " at ".join(part for part in (record.title, record.organisation) if part)
        if work:
            self.facts.append(who | {"category": FactCategory.OTHER, "text": f"Work: {work}"[:500],
                "source": FactSource.IMPORTED, "learned_at": self.now})  # fmt: skip
        if record.note:
            self.notes.append(who | {"kind": InteractionKind.NOTE, "occurred_at": self.now,
                "summary": f"Note from the imported address book:\n{record.note[:NOTE_LIMIT]}",
                "created_by_id": self.member.pk if self.member else None})  # fmt: skip

    def insert(self, trace: Provenance) -> None:
        for kind, model, rows in (
            (RowKind.POINT, ContactPoint, self.points),
            (RowKind.DATE, ImportantDate, self.dates),
            (RowKind.FACT, Fact, self.facts),
            (RowKind.NOTE, Interaction, self.notes),
        ):
            insert_rows(model, rows)
            trace.written(kind, rows)
        through = Client.tags.through
        unique_links = {(row["client_id"], row["tag_id"]) for row in self.links} - set(
            through.objects.filter(client_id__in=self.clients).values_list("client_id", "tag_id")
        )
        insert_rows(through, [{"client_id": c, "tag_id": t} for c, t in sorted(unique_links)])
        trace.links(unique_links)
