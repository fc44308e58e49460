"""Reading contacts from vCard (2.1, 3.0, 4.0) and CSV files into plain records. Pure.

Files come from Google Contacts, Apple/iCloud, Outlook, Android, Thunderbird and
Evolution. portability.cardlines reads a card's lines (folding, quoted-printable,
charsets); this module maps each program's habits onto one record, keeps what it does
not understand (X- properties) instead of dropping it, and says which record and line a
problem is on. A vCard's records are read one at a time (`open_source`), so that a big
file is never held as a list of records unless a caller asks for one (`read_source`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from rapport.portability.cardlines import Property, properties
from rapport.portability.charsets import decode
from rapport.portability.columns import FIELDS
from rapport.portability.csvfiles import SYSTEM_TAGS, clear, records, table
from rapport.portability.entries import FileProblem, Record, clean, parse_date

__all__ = [
    "FIELDS", "FileProblem", "Reading", "Record", "Source", "open_source", "parse_date",
    "read_source",
]  # fmt: skip

MAX_BYTES = 50 * 1024 * 1024
LABELS = {
    "cell": "mobile", "mobile": "mobile", "home": "home", "work": "work", "iphone": "mobile",
    "main": "main", "other": "other", "internet": "", "pref": "", "voice": "", "x400": "",
}  # fmt: skip
ANNIVERSARIES = {"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY"}
SKIPPED_PROPERTIES = {
    "BEGIN", "END", "VERSION", "PRODID", "UID", "REV", "FN", "N", "NICKNAME", "EMAIL", "TEL",
    "ADR", "ORG", "TITLE", "BDAY", "ANNIVERSARY", "NOTE", "CATEGORIES", "PHOTO", "LABEL",
    "X-ABLABEL", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-ABDATE", "KIND",
    "X-PRONOUNS", "SOURCE", "CLIENTPIDMAP", "X-ABUID", "X-ABSHOWAS", "LOGO", "SOUND", "KEY",
}  # fmt: skip


def _label(line: Property, item_labels: dict[str, str]) -> str:
    group = line.group.lower()
    if group in item_labels:  # Apple: item1.X-ABLabel:_$!<Other>!$_
        custom = re.sub(r"^_\$!<(.*)>!\$_$", r"\1", item_labels[group]).strip()
        return custom.lower()[:40]
    for value in [*line.params.get("TYPE", []), *line.singletons]:
        for part in value.lower().split(","):
            mapped = LABELS.get(part.strip())
            if mapped:
                return mapped
    return ""


# Values come as written, so the escapes of RFC 6350 3.4 are undone here.
_ESCAPED = re.compile(r"\\(.)")
_UNESCAPE = {"n": "\n", "N": "\n"}


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda match: _UNESCAPE.get(match.group(1), match.group(1)), text)


def _split(raw: str, separator: str) -> list[str]:
    """Components split on separators that are not escaped, each unescaped."""
    parts = re.split(rf"(?<!\\){re.escape(separator)}", raw)
    return [_unescape(part).strip() for part in parts]


def _text(value: str) -> str:
    return _unescape(value).strip()


def _address(value: str) -> str:
    # post box; extended; street; locality; region; postal code; country
    parts = _split(value, ";")
    return ", ".join(part for part in parts if part)


def _name(value: str) -> str:
    # family; given; additional; prefixes; suffixes
    parts = _split(value, ";") + [""] * 5
    family, given, additional, prefix, suffix = parts[:5]
    if family and ord(family[0]) >= 0x3000:  # Japanese, Chinese, Korean: the family name first
        return " ".join(part for part in (family, given, additional) if part)
    return " ".join(part for part in (prefix, given, additional, family, suffix) if part)


def _printed_addresses(lines: list[Property], item_labels: dict[str, str]) -> list[tuple[str, str]]:
    """Apple's and vCard 2.1's LABEL: the address as printed, for a card with no ADR."""
    return [
        (", ".join(part.strip() for part in _text(line.value).splitlines() if part.strip()),
         _label(line, item_labels))
        for line in lines if line.name == "LABEL" and _text(line.value)
    ]  # fmt: skip


def _from_card(lines: list[Property], number: int, first_line: int) -> Record:
    record = Record(number=number, line=first_line)
    item_labels = {
        line.group.lower(): _text(line.value)
        for line in lines
        if line.name == "X-ABLABEL" and line.group
    }
    for line in lines:
        name, value = line.name, line.value
        if name == "FN":
            record.full_name = _text(value)
        elif name == "N" and not record.full_name:
            record.full_name = _name(value)
        elif name == "NICKNAME":
            record.preferred_name = _text(value)
        elif name == "X-PRONOUNS":
            record.pronouns = _text(value)[:40]
        elif name == "EMAIL" and _text(value):
            record.emails.append((_text(value), _label(line, item_labels)))
        elif name == "TEL" and _text(value):
            record.phones.append((_text(value).removeprefix("tel:"), _label(line, item_labels)))
        elif name == "ADR" and _address(value):
            record.addresses.append((_address(value), _label(line, item_labels)))
        elif name == "ORG":
            record.organisation = _text(value)
        elif name == "TITLE":
            record.title = _text(value)
        elif name == "BDAY":
            record.birthday = parse_date(_text(value))
        elif name in ANNIVERSARIES or (
            name == "X-ABDATE" and "anniversary" in _label(line, item_labels)
        ):
            record.anniversary = parse_date(_text(value))
        elif name == "NOTE":
            record.note = _text(value)
        elif name == "CATEGORIES":
            record.tags += [
                item for item in _split(value, ",") if item and item.lower() not in SYSTEM_TAGS
            ]
        elif name == "PHOTO":
            record.had_photo = True
        elif name not in SKIPPED_PROPERTIES:
            key = f"{line.group}.{name}" if line.group else name
            record.extras[key] = _text(value)[:1000]
    if not record.full_name and record.organisation:
        record.full_name = record.organisation
    if not record.addresses:
        record.addresses = _printed_addresses(lines, item_labels)
    return record


_BEGIN = re.compile(r"(?im)^BEGIN:VCARD")
_END = re.compile(r"(?im)^END:VCARD")


def _cards(text: str) -> Iterator[tuple[int, str]]:
    """Each card's text, from its BEGIN:VCARD to its END:VCARD ("" when it has none, being cut
    off), with the number of its first line. What lies between two cards is no card's."""
    line, counted = 1, 0
    begins = _BEGIN.finditer(text)
    begin = next(begins, None)
    while begin is not None:
        following = next(begins, None)
        stop = following.start() if following else len(text)
        line += text.count("\n", counted, begin.start())  # counted on from the last card: linear
        counted = begin.start()
        end = _END.search(text, begin.start(), stop)
        yield line, text[begin.start() : end.end()] if end else ""
        begin = following


def _card_record(number: int, line: int, chunk: str) -> Record:
    if not chunk:
        return Record(number=number, line=line, problem="it is cut off (no END:VCARD)")
    try:
        lines, left_out = properties(chunk.splitlines(), line)
        record = _from_card(lines, number, line)
        record.left_out += left_out
        return clean(record)
    except Exception as error:  # a card nothing foresaw costs that card, not the file
        return Record(number=number, line=line, problem=f"it cannot be read ({error})"[:200])


def vcard_records(text: str) -> Iterator[Record]:
    """Each card's record, read when it is asked for."""
    for number, (line, chunk) in enumerate(_cards(text), 1):
        yield _card_record(number, line, chunk)


@dataclass(kw_only=True)
class _Columns:
    """What a CSV's columns are (a vCard has none)."""

    header: list[str] = field(default_factory=list)
    needs_mapping: bool = False
    sample: list[list[str]] = field(default_factory=list)
    guesses: dict[int, str] = field(default_factory=dict)  # column index to field
    unclear: list[str] = field(default_factory=list)  # headers of the columns still unclear


@dataclass
class Source(_Columns):
    records: list[Record]


@dataclass
class Reading(_Columns):
    """A file being read: a vCard's records come one at a time, as they are read, and a
    CSV's (read whole, to guess its columns) one at a time from their list."""

    records: Iterator[Record]


def _read_csv(
    text: str, region: str, mapping: dict[int, str] | None, chosen: str | Mapping[str, str] | None
) -> Source:
    found = table(text, region, chosen)
    guesses = {index: target for index, target in found.mapping.items() if target}
    if mapping is None and not clear(found):
        unclear = [found.header[index] for index in found.unclear]
        return Source([], header=found.header, needs_mapping=True, sample=found.rows[:5],
                      guesses=guesses, unclear=unclear)  # fmt: skip
    return Source(records(found, guesses if mapping is None else mapping, region),
                  header=found.header, guesses=guesses)  # fmt: skip


def open_source(
    data: bytes,
    filename: str,
    mapping: dict[int, str] | None = None,
    *,
    region: str = "",
    columns: str | Mapping[str, str] | None = None,
) -> Reading:
    """The records in an uploaded vCard or CSV file, read as they are asked for. A CSV's
    columns are guessed (`columns`, "Header=field,...", first); one with columns still unclear
    needs a mapping. Dates are read in the region's order."""
    if len(data) > MAX_BYTES:
        raise FileProblem("That file is larger than 50 MB: export fewer contacts at a time.")
    text = decode(data, region)
    if "BEGIN:VCARD" in text[:2000].upper() or filename.lower().endswith((".vcf", ".vcard")):
        if not re.search("BEGIN:VCARD", text, re.IGNORECASE):
            raise FileProblem(
                "That is not a vCard file: choose the .vcf your contacts program exported."
            )
        return Reading(records=vcard_records(text))
    if filename.lower().endswith(".csv") or "," in text[:2000] or ";" in text[:2000]:
        source = _read_csv(text, region, mapping or None, columns)
        return Reading(records=iter(source.records), **_columns(source))
    raise FileProblem(
        "Rapport reads vCard (.vcf) and CSV files: export your contacts in one of those."
    )


def _columns(found: _Columns) -> dict[str, Any]:
    return {column.name: getattr(found, column.name) for column in fields(_Columns)}


def read_source(
    data: bytes,
    filename: str,
    mapping: dict[int, str] | None = None,
    *,
    region: str = "",
    columns: str | Mapping[str, str] | None = None,
) -> Source:
    """All the records of a file at once (see `open_source`)."""
    reading = open_source(data, filename, mapping, region=region, columns=columns)
    return Source(list(reading.records), **_columns(reading))
