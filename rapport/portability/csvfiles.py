"""Contacts from CSV files: any program's columns, in any language. Pure."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapport.portability.columns import IDENTIFYING, guess, header_row, overrides
from rapport.portability.entries import FileProblem, Record, checked_day, clean, parse_date

# Groups every contact is in, as Google and others export them: not the provider's tags.
SYSTEM_TAGS = {"mycontacts", "starred", "* mycontacts", "* starred"}
csv.field_size_limit(64 * 1024 * 1024)


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    first_line: int  # of the first row under the header
    mapping: dict[int, str] = field(default_factory=dict)
    unclear: list[int] = field(default_factory=list)


def table(text: str, region: str = "", chosen: str | Mapping[str, str] | None = None) -> Table:
    """The rows under the header, with what each column is guessed to be (`chosen` first)."""
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:8192], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise FileProblem("That file is empty.")
    start = header_row(rows)
    header, body = rows[start], [row for row in rows[start + 1 :] if any(c.strip() for c in row)]
    mapping, unclear = guess(header, body, region)
    if chosen:
        picked = overrides(chosen, header)
        mapping = {i: f for i, f in mapping.items() if i not in picked} | picked
        unclear = [index for index in unclear if index not in picked]
    mapping = {index: target for index, target in mapping.items() if target}
    return Table(header, body, start + 2, mapping, unclear)


def clear(found: Table) -> bool:
    """Whether the file can come in without the provider saying what a column is."""
    return not found.unclear and bool(IDENTIFYING & set(found.mapping.values()))


def _split(value: str) -> list[tuple[str, str]]:
    return [(part.strip(), "") for part in value.split(":::") if part.strip()]


def _tags(value: str) -> list[str]:
    return [
        tag.strip().removeprefix("* ")
        for tag in re.split(r":::|;", value)
        if tag.strip() and tag.strip().lower() not in SYSTEM_TAGS
    ]


def _put(record: Record, target: str, value: str, region: str) -> None:
    if target in ("email", "phone"):
        getattr(record, f"{target}s").extend(_split(value))
    elif target == "address":
        record.addresses.append((value, ""))
    elif target in ("birthday", "anniversary"):
        setattr(record, target, parse_date(value, region))
    elif target == "tags":
        record.tags += _tags(value)
    elif target in ("full_name", "preferred_name", "organisation", "title", "note"):
        setattr(record, target, value)


def _record(row: list[str], number: int, line: int, mapping: dict[int, str], region: str) -> Record:
    record = Record(number=number, line=line)
    names, born = [], {}
    for index in sorted(mapping):
        value = row[index].strip() if index < len(row) else ""
        target = mapping[index]
        if not value:
            continue
        if target in ("first_name", "middle_name", "last_name"):
            names.append(value)  # in the file's order: family name first where it comes first
        elif target.startswith("birth_") and value.isascii() and value.isdigit():
            born[target] = int(value)  # not isdigit() alone: "²" is a digit int() refuses
        else:
            _put(record, target, value, region)
    if not record.full_name:
        record.full_name = " ".join(names)
    if {"birth_month", "birth_day"} <= born.keys() and not record.birthday:
        year = born.get("birth_year")
        record.birthday = checked_day(born["birth_day"], born["birth_month"], year or None)
    return clean(record)


def read_csv(
    text: str, mapping: dict[int, str] | None = None, region: str = ""
) -> tuple[list[Record], list[str]]:
    """The records and the header; with no mapping, the columns are guessed."""
    found = table(text, region)
    chosen = found.mapping if mapping is None else mapping
    return records(found, chosen, region), found.header


def records(found: Table, mapping: dict[int, str], region: str = "") -> list[Record]:
    return [
        _record(row, number, found.first_line + number - 1, mapping, region)
        for number, row in enumerate(found.rows, 1)
    ]
