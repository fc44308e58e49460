"""Bringing contacts in: a preview of what will happen to each record, then one transaction.

Each record becomes a new client, is merged into the client it matches (same
email or phone), or is skipped, with the reason; a close name is shown as a
possible match for the provider to decide. Writing is in bulk so ten thousand
contacts take seconds, and all or nothing: a failure leaves nothing half-made.
"""

from __future__ import annotations

import calendar
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.utils import timezone

from rapport.clients.contact import normalize_contact
from rapport.clients.models import (
    Client,
    ContactKind,
    ContactPoint,
    DateKind,
    Fact,
    FactCategory,
    FactSource,
    ImportantDate,
    Tag,
)
from rapport.portability.records import Record
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Interaction, InteractionKind

CREATE, MERGE, SKIP, ERROR = "create", "merge", "skip", "error"
OUTCOMES = (CREATE, MERGE, SKIP, ERROR)
CLOSE_NAME = 0.9


@dataclass
class Point:
    kind: str
    value: str
    label: str
    normalized: str


@dataclass
class Planned:
    record: Record
    outcome: str
    reason: str = ""
    match: Client | None = None
    possible: Client | None = None  # a close name: the provider may choose to merge
    points: list[Point] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "record": self.record.number,
            "line": self.record.line,
            "name": self.record.display_name,
            "outcome": self.outcome,
            "reason": " ".join([self.reason, *self.notes]).strip(),
            "client_id": self.match.pk if self.match else None,
        }


def _points(record: Record, region: str) -> tuple[list[Point], list[str]]:
    points, notes = [], []
    for value, label in record.emails:
        try:
            points.append(Point(ContactKind.EMAIL, value, label, normalize_contact(
                kind=ContactKind.EMAIL, value=value, region=region)))  # fmt: skip
        except ValidationError:
            notes.append(f"“{value[:60]}” is not an email address and was left out.")
    for value, label in record.phones:
        try:
            normalized = normalize_contact(kind=ContactKind.PHONE, value=value, region=region)
        except ValidationError:
            normalized = ""
            notes.append(f"“{value[:40]}” could not be read as a phone number; kept as written.")
        points.append(Point(ContactKind.PHONE, value, label, normalized))
    for value, label in record.addresses:
        points.append(Point(ContactKind.ADDRESS, value, label, " ".join(value.split()).lower()))
    return points, notes


def plan(practice: Practice, records: Sequence[Record]) -> list[Planned]:
    """What would happen to each record; nothing is written."""
    by_point = _clients_by_point(practice)
    by_name = _clients_by_name(practice)
    seen: dict[str, int] = {}  # a matchable email or phone → the record in this file that had it
    result = []
    for record in records:
        if record.problem:
            result.append(Planned(record, ERROR, f"Record {record.number} (line {record.line}): "
                                  f"{record.problem}."))  # fmt: skip
            continue
        points, notes = _points(record, practice.default_region)
        notes += _drop_unreal_dates(record)
        matchable = [point.normalized for point in points if point.kind != ContactKind.ADDRESS
                     and point.normalized]  # fmt: skip
        problem = _unusable(record, matchable)
        if problem:
            result.append(Planned(record, ERROR, problem))
            continue
        earlier = next((seen[key] for key in matchable if key in seen), None)
        if earlier is not None:
            result.append(Planned(record, SKIP, f"The same person as record {earlier} in this "
                                  "file.", points=points))  # fmt: skip
            continue
        for key in matchable:
            seen[key] = record.number
        result.append(
            _merge_or_create(record, points, notes, matchable, by_point=by_point, by_name=by_name)
        )
    return result


def _clients_by_point(practice: Practice) -> dict[str, Client]:
    """The practice's clients by normalized email and phone, the keys a record is matched on."""
    by_point: dict[str, Client] = {}
    for point in ContactPoint.objects.filter(
        practice=practice, kind__in=[ContactKind.EMAIL, ContactKind.PHONE]
    ).select_related("client"):
        if point.normalized:
            by_point.setdefault(point.normalized, point.client)
    return by_point


def _clients_by_name(practice: Practice) -> dict[str, Client]:
    """The practice's clients by case-folded name, for pointing out a possible match."""
    return {
        client.full_name.casefold(): client
        for client in Client.objects.for_practice(practice).only("id", "full_name", "practice_id")
    }


def _drop_unreal_dates(record: Record) -> list[str]:
    """Clears a birthday or anniversary that is no day of the calendar; says which went."""
    notes = []
    for label, value in (("birthday", record.birthday), ("anniversary", record.anniversary)):
        if value is not None and not _real_day(value):
            notes.append(f"The {label} {value[0]}/{value[1]} is not a real date; left out.")
    record.birthday = record.birthday if record.birthday and _real_day(record.birthday) else None
    record.anniversary = (
        record.anniversary if record.anniversary and _real_day(record.anniversary) else None
    )
    return notes


def _unusable(record: Record, matchable: Sequence[str]) -> str:
    """Why the record cannot become a client, or "" when it can."""
    if not record.full_name.strip() and not matchable:
        return f"Record {record.number} (line {record.line}) has no name, email or phone."
    if len(record.full_name) > 200:  # Client.full_name's length
        return (
            f"Record {record.number} (line {record.line}): the name is longer than 200 characters."
        )
    return ""


def _merge_or_create(
    record: Record,
    points: list[Point],
    notes: list[str],
    matchable: Sequence[str],
    *,
    by_point: Mapping[str, Client],
    by_name: dict[str, Client],
) -> Planned:
    """A merge into the client with the same email or phone, else a new client.

    A name alone is too weak to merge on (two people can share one), so a close
    name is only offered to the provider as a possible match.
    """
    same = next((key for key in matchable if key in by_point), None)
    if same is not None:
        match = by_point[same]
        reason = f"Same {'email' if '@' in same else 'phone'} as {match.full_name}: {same}."
        return Planned(record, MERGE, reason, match, points=points, notes=notes)
    planned = Planned(record, CREATE, "New client.", points=points, notes=notes)
    name = record.full_name.casefold()
    close = by_name.get(name) or _close_name(name, by_name)
    if close is not None:
        planned.possible = close
        planned.reason = f"New client; a close name is already here: {close.full_name}."
    return planned


def apply_choices(choices: Mapping[str, str], planned: Sequence[Planned]) -> None:
    """The provider's decisions from the preview: "record-<n>" is merge, create or skip."""
    for item in planned:
        choice = choices.get(f"record-{item.record.number}")
        if choice not in (CREATE, MERGE, SKIP) or item.outcome == ERROR:
            continue
        if choice == MERGE and item.match is None and item.possible is not None:
            item.match = item.possible
        if choice == MERGE and item.match is None:
            continue
        item.outcome = choice
        if choice == CREATE:
            item.match = None


def _real_day(value: tuple[int, int, int | None]) -> bool:
    day, month, year = value
    if not 1 <= month <= 12:
        return False
    longest = calendar.monthrange(year or 2000, month)[1]  # 2000: a leap year, for 29 February
    return 1 <= day <= longest and (year is None or 1900 <= year <= 2100)


def _close_name(name: str, names: dict[str, Client]) -> Client | None:
    if not name or len(names) > 2000:  # a fuzzy search over a very large book costs too much
        return None
    found = difflib.get_close_matches(name, names.keys(), n=1, cutoff=CLOSE_NAME)
    return names[found[0]] if found else None


def counts(planned: Sequence[Planned]) -> dict[str, int]:
    return {outcome: sum(1 for item in planned if item.outcome == outcome) for outcome in OUTCOMES}


def insert_rows(model: type[models.Model], rows: list[dict[str, Any]]) -> None:
    """Rows straight into the table, with the model's defaults for the fields not given.

    bulk_create builds and validates a model object per row, which was most of an
    import's time; these rows are built here from checked values, so plain
    `executemany` is enough. Dates and times are adapted as the ORM would.
    """
    if not rows:
        return
    fields = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and not isinstance(field, models.GeneratedField)
    ]
    defaults = {field.attname: field.get_default() for field in fields}
    ops = connection.ops
    adapt = {
        field.attname: ops.adapt_datetimefield_value
        if isinstance(field, models.DateTimeField)
        else ops.adapt_datefield_value
        for field in fields
        if isinstance(field, models.DateField)
    }
    names = [field.attname for field in fields]
    columns = ", ".join(ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608 (names from metadata)
    values = []
    for row in rows:
        full = defaults | row
        values.append([adapt[name](full[name]) if name in adapt else full[name] for name in names])
    with connection.cursor() as cursor:
        for start in range(0, len(values), 2000):
            cursor.executemany(sql, values[start : start + 2000])


def _tag_name(name: str) -> str:
    """A tag as written in an address book ("#VIP ") as the name Rapport keeps ("VIP")."""
    return name.strip().lstrip("#").strip()[:50]


def _tags(practice: Practice, names: set[str]) -> dict[str, Tag]:
    wanted = {_tag_name(name) for name in names}
    wanted.discard("")
    existing = {tag.name.casefold(): tag for tag in Tag.objects.for_practice(practice)}
    new = [Tag(practice=practice, name=name) for name in sorted(wanted)
           if name.casefold() not in existing]  # fmt: skip
    for tag in Tag.objects.bulk_create(new):
        existing[tag.name.casefold()] = tag
    return existing


@transaction.atomic
def commit(
    *,
    practice: Practice,
    planned: Sequence[Planned],
    member: Member | None,
    progress: Callable[[int], None] = lambda done: None,
) -> dict[str, int]:
    """Writes the plan as decided (outcomes may have been changed by the provider)."""
    now = timezone.now()
    chosen = [item for item in planned if item.outcome in (CREATE, MERGE)]
    tags = _tags(practice, {tag for item in chosen for tag in item.record.tags})
    _create_clients(practice=practice, chosen=chosen, member=member, now=now)
    matched = [(item, item.match) for item in chosen if item.match is not None]
    batch = _Batch.start(
        practice=practice,
        member=member,
        now=now,
        tags=tags,
        clients=[person.pk for _, person in matched],
    )
    for done, (item, person) in enumerate(matched, 1):
        batch.add(person, item)
        if item.outcome == MERGE and item.record.extras:
            person.imported_extras = {**person.imported_extras, **item.record.extras}
            person.save(update_fields=["imported_extras"])
        if done % 500 == 0:
            progress(done)
    batch.insert()
    progress(len(chosen))
    return counts(planned)


def _create_clients(
    *, practice: Practice, chosen: Sequence[Planned], member: Member | None, now: datetime
) -> None:
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
            )
            client.derive()
            item.match = client
            new_clients.append(client)
    Client.objects.bulk_create(new_clients, batch_size=1000)


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
                "summary": f"Note from the imported address book:\n{record.note[:5000]}",
                "created_by_id": self.member.pk if self.member else None})  # fmt: skip

    def insert(self) -> None:
        insert_rows(ContactPoint, self.points)
        insert_rows(ImportantDate, self.dates)
        insert_rows(Fact, self.facts)
        insert_rows(Interaction, self.notes)
        through = Client.tags.through
        unique_links = {(row["client_id"], row["tag_id"]) for row in self.links} - set(
            through.objects.filter(client_id__in=self.clients).values_list("client_id", "tag_id")
        )
        insert_rows(through, [{"client_id": c, "tag_id": t} for c, t in sorted(unique_links)])
