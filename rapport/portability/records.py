"""Reading contacts from vCard (2.1, 3.0, 4.0) and CSV files into plain records. Pure.

Files come from Google Contacts, Apple/iCloud, Outlook, Android, Thunderbird and
Evolution. vobject does the vCard grammar (folding, quoted-printable, charsets);
this module maps each program's habits onto one record, keeps what it does not
understand (X- properties) instead of dropping it, and says which record and
line a problem is on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import vobject  # type: ignore[import-untyped]

from rapport.portability.cardlines import readable
from rapport.portability.charsets import decode
from rapport.portability.columns import FIELDS
from rapport.portability.csvfiles import SYSTEM_TAGS, clear, records, table
from rapport.portability.entries import FileProblem, Record, clean, parse_date

__all__ = ["FIELDS", "FileProblem", "Record", "Source", "parse_date", "read_source"]

# vobject writes its own log lines to the terminal; what it could not read is said here.
_vobject_log = logging.getLogger("vobject.base")
for _handler in list(_vobject_log.handlers):
    _vobject_log.removeHandler(_handler)
_vobject_log.addHandler(logging.NullHandler())
_vobject_log.propagate = False

MAX_BYTES = 50 * 1024 * 1024
LABELS = {
    "cell": "mobile", "mobile": "mobile", "home": "home", "work": "work", "iphone": "mobile",
    "main": "main", "other": "other", "internet": "", "pref": "", "voice": "", "x400": "",
}  # fmt: skip
ANNIVERSARIES = {"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY"}
SKIPPED_PROPERTIES = {
    "VERSION", "PRODID", "UID", "REV", "FN", "N", "NICKNAME", "EMAIL", "TEL", "ADR", "ORG",
    "TITLE", "BDAY", "ANNIVERSARY", "NOTE", "CATEGORIES", "PHOTO", "LABEL", "X-ABLABEL",
    "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-ABDATE", "KIND",
    "X-PRONOUNS", "SOURCE", "CLIENTPIDMAP", "X-ABUID", "X-ABSHOWAS", "LOGO", "SOUND", "KEY",
}  # fmt: skip


def _label(line: Any, item_labels: dict[str, str]) -> str:
    types = [value.lower() for value in line.params.get("TYPE", [])]
    types += [value.lower() for value in getattr(line, "singletonparams", [])]
    group = getattr(line, "group", None)
    if group and group.lower() in item_labels:  # Apple: item1.X-ABLabel:_$!<Other>!$_
        custom = re.sub(r"^_\$!<(.*)>!\$_$", r"\1", item_labels[group.lower()]).strip()
        return custom.lower()[:40]
    for value in types:
        for part in value.split(","):
            mapped = LABELS.get(part.strip())
            if mapped:
                return mapped
    return ""


# vobject is asked for raw values (its conversions cost half the reading time), so the
# escapes of RFC 6350 3.4 are undone here.
_ESCAPED = re.compile(r"\\(.)")
_UNESCAPE = {"n": "\n", "N": "\n"}


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda match: _UNESCAPE.get(match.group(1), match.group(1)), text)


def _split(raw: str, separator: str) -> list[str]:
    """Components split on separators that are not escaped, each unescaped."""
    parts = re.split(rf"(?<!\\){re.escape(separator)}", raw)
    return [_unescape(part).strip() for part in parts]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_unescape(str(item)).strip() for item in value if str(item).strip())
    return _unescape(str(value)).strip()


def _address(value: Any) -> str:
    # post box; extended; street; locality; region; postal code; country
    parts = _split(str(value), ";")
    return ", ".join(part for part in parts if part)


def _name(value: Any) -> str:
    # family; given; additional; prefixes; suffixes
    parts = _split(str(value), ";") + [""] * 5
    family, given, additional, prefix, suffix = parts[:5]
    if family and ord(family[0]) >= 0x3000:  # Japanese, Chinese, Korean: the family name first
        return " ".join(part for part in (family, given, additional) if part)
    return " ".join(part for part in (prefix, given, additional, family, suffix) if part)


def _printed_addresses(card: Any, item_labels: dict[str, str]) -> list[tuple[str, str]]:
    """Apple's and vCard 2.1's LABEL: the address as printed, for a card with no ADR."""
    return [
        (", ".join(part.strip() for part in _text(child.value).splitlines() if part.strip()),
         _label(child, item_labels))
        for child in card.getChildren() if child.name.upper() == "LABEL" and _text(child.value)
    ]  # fmt: skip


def _from_card(card: Any, number: int, line: int) -> Record:
    record = Record(number=number, line=line)
    item_labels = {
        child.group.lower(): _text(child.value)
        for child in card.getChildren()
        if child.name == "X-ABLABEL" and getattr(child, "group", None)
    }
    for child in card.getChildren():
        name = child.name.upper()
        value = child.value
        if name == "FN":
            record.full_name = _text(value)
        elif name == "N" and not record.full_name:
            record.full_name = _name(value)
        elif name == "NICKNAME":
            record.preferred_name = _text(value)
        elif name == "X-PRONOUNS":
            record.pronouns = _text(value)[:40]
        elif name == "EMAIL" and _text(value):
            record.emails.append((_text(value), _label(child, item_labels)))
        elif name == "TEL" and _text(value):
            record.phones.append((_text(value).removeprefix("tel:"), _label(child, item_labels)))
        elif name == "ADR" and _address(value):
            record.addresses.append((_address(value), _label(child, item_labels)))
        elif name == "ORG":
            record.organisation = _text(value)
        elif name == "TITLE":
            record.title = _text(value)
        elif name == "BDAY":
            record.birthday = parse_date(_text(value))
        elif name in ANNIVERSARIES or (
            name == "X-ABDATE" and "anniversary" in _label(child, item_labels)
        ):
            record.anniversary = parse_date(_text(value))
        elif name == "NOTE":
            record.note = _text(value)
        elif name == "CATEGORIES":
            items = (
                [_unescape(str(item)) for item in value]
                if isinstance(value, list)
                else _split(str(value), ",")
            )
            record.tags += [
                str(item).strip()
                for item in items
                if str(item).strip() and str(item).strip().lower() not in SYSTEM_TAGS
            ]
        elif name == "PHOTO":
            record.had_photo = True
        elif name not in SKIPPED_PROPERTIES:
            key = f"{child.group}.{name}" if getattr(child, "group", None) else name
            record.extras[key] = _text(value)[:1000]
    if not record.full_name and record.organisation:
        record.full_name = record.organisation
    if not record.addresses:
        record.addresses = _printed_addresses(card, item_labels)
    return record


def read_vcards(text: str) -> list[Record]:
    if "BEGIN:VCARD" not in text.upper():
        raise FileProblem(
            "That is not a vCard file: choose the .vcf your contacts program exported."
        )
    starts = [match.start() for match in re.finditer(r"(?im)^BEGIN:VCARD", text)]
    records = []
    line, counted = 1, 0
    for number, start in enumerate(starts, 1):
        end = starts[number] if number < len(starts) else len(text)
        chunk = text[start:end]
        line += text.count("\n", counted, start)  # counted on from the last card: linear
        counted = start
        if not re.search(r"(?im)^END:VCARD", chunk):
            records.append(Record(number=number, line=line, problem="it is cut off (no END:VCARD)"))
            continue
        try:
            text_card, left_out = readable(chunk, line)
            card = vobject.readOne(text_card, transform=False, ignoreUnreadable=True)
            record = _from_card(card, number, line)
            record.left_out += left_out
            records.append(clean(record))
        except Exception as error:
            records.append(
                Record(number=number, line=line, problem=f"it cannot be read ({error})"[:200])
            )
    return records


@dataclass
class Source:
    records: list[Record]
    header: list[str] = field(default_factory=list)
    needs_mapping: bool = False
    sample: list[list[str]] = field(default_factory=list)
    guesses: dict[int, str] = field(default_factory=dict)  # column index to field
    unclear: list[str] = field(default_factory=list)  # headers of the columns still unclear


def _read_csv(
    text: str, region: str, mapping: dict[int, str] | None, chosen: str | Mapping[str, str] | None
) -> Source:
    found = table(text, region, chosen)
    guesses = {index: target for index, target in found.mapping.items() if target}
    if mapping is None and not clear(found):
        unclear = [found.header[index] for index in found.unclear]
        return Source([], found.header, needs_mapping=True, sample=found.rows[:5],
                      guesses=guesses, unclear=unclear)  # fmt: skip
    return Source(records(found, guesses if mapping is None else mapping, region), found.header,
                  guesses=guesses)  # fmt: skip


def read_source(
    data: bytes,
    filename: str,
    mapping: dict[int, str] | None = None,
    *,
    region: str = "",
    columns: str | Mapping[str, str] | None = None,
) -> Source:
    """The records in an uploaded vCard or CSV file. A CSV's columns are guessed (`columns`,
    "Header=field,...", first); one with columns still unclear needs a mapping. Dates are read
    in the region's order."""
    if len(data) > MAX_BYTES:
        raise FileProblem("That file is larger than 50 MB: export fewer contacts at a time.")
    text = decode(data, region)
    if "BEGIN:VCARD" in text[:2000].upper() or filename.lower().endswith((".vcf", ".vcard")):
        return Source(read_vcards(text))
    if filename.lower().endswith(".csv") or "," in text[:2000] or ";" in text[:2000]:
        return _read_csv(text, region, mapping or None, columns)
    raise FileProblem(
        "Rapport reads vCard (.vcf) and CSV files: export your contacts in one of those."
    )
