"""Bringing contacts in: a preview of what will happen to each record, then one transaction.

Each record becomes a new client, is merged into the client it matches, or is
skipped, with the reason. Matching errs on the side of the person: a merge is
proposed for the same email, or for the same phone when the names agree too
(portability.names); a shared phone under another name (families and offices
share numbers), or a close name, is only shown as a possible match for the
provider to decide. Writing is in portability.writing.
"""

from __future__ import annotations

import calendar
import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from rapport.clients.contact import normalize_contact
from rapport.clients.models import Client, ContactKind, ContactPoint
from rapport.portability.names import names_agree
from rapport.portability.records import Record
from rapport.practices.models import Practice

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
    # What merging would add to or change on the client, field by field (portability.changes).
    changes: list[Any] = field(default_factory=list)

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
    return list(plan_each(practice, records))


@dataclass(frozen=True)
class _Seen:
    """A record earlier in the file, as much of it as telling the same person again needs (a
    big file's records are not kept for this)."""

    number: int
    full_name: str


def plan_each(practice: Practice, records: Iterable[Record]) -> Iterator[Planned]:
    """What would happen to each record, as the records come; nothing is written."""
    by_point = _clients_by_point(practice)
    by_name = _clients_by_name(practice)
    seen: dict[str, _Seen] = {}  # a matchable email or phone → the record in this file with it
    for record in records:
        if record.problem:
            yield Planned(record, ERROR, f"Record {record.number} (line {record.line}): "
                          f"{record.problem}.")  # fmt: skip
            continue
        points, notes = _points(record, practice.default_region)
        notes += _drop_unreal_dates(record)
        matchable = [point.normalized for point in points if point.kind != ContactKind.ADDRESS
                     and point.normalized]  # fmt: skip
        problem = _unusable(record, matchable)
        if problem:
            yield Planned(record, ERROR, problem)
            continue
        earlier = _earlier(record, matchable, seen)
        if earlier is not None:
            yield Planned(record, SKIP, f"The same person as record {earlier.number} in this "
                          "file.", points=points)  # fmt: skip
            continue
        this = _Seen(record.number, record.full_name)
        for key in matchable:
            seen.setdefault(key, this)
        yield _merge_or_create(record, points, notes, matchable, by_point=by_point, by_name=by_name)


def _same_person(key: str, name: str, other: str) -> bool:
    """An email is one person's; a phone may be a family's or an office's, so the names decide."""
    return "@" in key or names_agree(name, other)


def _earlier(record: Record, matchable: Sequence[str], seen: Mapping[str, _Seen]) -> _Seen | None:
    """The record earlier in this file that is the same person, if any."""
    for key in matchable:
        if key in seen and _same_person(key, record.full_name, seen[key].full_name):
            return seen[key]
    return None


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
    """A merge into the client with the same email, or the same phone and name; else new.

    A name alone is too weak to merge on (two people can share one), and so is a
    phone alone: either is only offered to the provider as a possible match.
    """
    found = [key for key in matchable if key in by_point]
    emails = [key for key in found if "@" in key]
    same = next(iter(emails), None) or next(
        (key for key in found if names_agree(record.full_name, by_point[key].full_name)), None
    )
    if same is not None:
        match = by_point[same]
        reason = f"Same {'email' if '@' in same else 'phone'} as {match.full_name}: {same}."
        return Planned(record, MERGE, reason, match, points=points, notes=notes)
    planned = Planned(record, CREATE, "New client.", points=points, notes=notes)
    if found:
        shared = by_point[found[0]]
        planned.possible = shared
        planned.reason = (
            f"New client: shares the phone {found[0]} with {shared.full_name}, under another "
            "name (families and offices share numbers). Merge only if they are one person."
        )
        return planned
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
    if not name or not names or len(names) > 2000:  # a fuzzy search over a big book costs too much
        return None
    found = difflib.get_close_matches(name, names.keys(), n=1, cutoff=CLOSE_NAME)
    return names[found[0]] if found else None


def counts(planned: Sequence[Planned]) -> dict[str, int]:
    return {outcome: sum(1 for item in planned if item.outcome == outcome) for outcome in OUTCOMES}
