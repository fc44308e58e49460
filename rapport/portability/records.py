"""Reading contacts from vCard (2.1, 3.0, 4.0) and CSV files into plain records. Pure.

Files come from Google Contacts, Apple/iCloud, Outlook, Android, Thunderbird and
Evolution. vobject does the vCard grammar (folding, quoted-printable, charsets);
this module maps each program's habits onto one record, keeps what it does not
understand (X- properties) instead of dropping it, and says which record and
line a problem is on.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

import vobject  # type: ignore[import-untyped]

MAX_BYTES = 50 * 1024 * 1024
LABELS = {
    "cell": "mobile", "mobile": "mobile", "home": "home", "work": "work", "iphone": "mobile",
    "main": "main", "other": "other", "internet": "", "pref": "", "voice": "", "x400": "",
}  # fmt: skip
ANNIVERSARIES = {"ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY"}
# Groups every contact is in, as Google and others export them: not the provider's tags.
SYSTEM_TAGS = {"mycontacts", "starred", "* mycontacts", "* starred"}
SKIPPED_PROPERTIES = {
    "VERSION", "PRODID", "UID", "REV", "FN", "N", "NICKNAME", "EMAIL", "TEL", "ADR", "ORG",
    "TITLE", "BDAY", "ANNIVERSARY", "NOTE", "CATEGORIES", "PHOTO", "LABEL", "X-ABLABEL",
    "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-ABDATE", "KIND",
    "X-PRONOUNS", "SOURCE", "CLIENTPIDMAP", "X-ABUID", "X-ABSHOWAS", "LOGO", "SOUND", "KEY",
}  # fmt: skip


class FileProblem(Exception):
    """The whole file cannot be read; the message says what to do."""


@dataclass
class Record:
    number: int  # 1-based position in the file
    line: int
    full_name: str = ""
    preferred_name: str = ""
    pronouns: str = ""
    emails: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    phones: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[tuple[str, str]] = field(default_factory=list)
    organisation: str = ""
    title: str = ""
    birthday: tuple[int, int, int | None] | None = None  # (day, month, year)
    anniversary: tuple[int, int, int | None] | None = None
    note: str = ""
    tags: list[str] = field(default_factory=list)
    extras: dict[str, str] = field(default_factory=dict)
    had_photo: bool = False
    problem: str = ""

    @property
    def display_name(self) -> str:
        return (
            self.full_name
            or (self.emails[0][0] if self.emails else "")
            or (self.phones[0][0] if self.phones else f"record {self.number}")
        )


def decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise FileProblem("That file is larger than 50 MB: export fewer contacts at a time.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Outlook and older Windows programs write the system code page.
        return data.decode("cp1252", errors="replace")


_DATE = re.compile(r"^(?:(\d{4})|--)-?(\d{2})-?(\d{2})")


def parse_date(text: str) -> tuple[int, int, int | None] | None:
    """ "1980-03-07", "19800307", "--0307", "--03-07", "1980-03-07T00:00:00Z"."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    year = int(match.group(1)) if match.group(1) else None
    month, day = int(match.group(2)), int(match.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31) or year == 1604:  # Apple's "no year"
        return (day, month, None) if year == 1604 and 1 <= month <= 12 else None
    return day, month, year


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
    return " ".join(part for part in (prefix, given, additional, family, suffix) if part)


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
            card = vobject.readOne(chunk, transform=False, ignoreUnreadable=True)
            records.append(_from_card(card, number, line))
        except Exception as error:
            records.append(
                Record(number=number, line=line, problem=f"it cannot be read ({error})"[:200])
            )
    return records


# Column names as Google Contacts and Outlook export them, mapped to our fields.
GOOGLE = {"Name", "Given Name", "Family Name", "E-mail 1 - Value", "Phone 1 - Value"}
OUTLOOK = {"First Name", "Last Name", "E-mail Address", "Mobile Phone"}
FIELDS = ["full_name", "first_name", "last_name", "preferred_name", "email", "phone", "address",
          "organisation", "title", "birthday", "note", "tags", ""]  # fmt: skip


def csv_layout(header: list[str]) -> str:
    names = {name.strip() for name in header}
    if {"First Name", "Last Name"} <= names and GOOGLE & names:
        return "google"
    if len(OUTLOOK & names) >= 3:
        return "outlook"
    if GOOGLE & names:
        return "google"
    return ""


def csv_mapping(header: list[str], layout: str) -> dict[int, str]:
    """Column index to field, for the layouts we know."""
    mapping: dict[int, str] = {}
    for index, raw in enumerate(header):
        name = raw.strip()
        lowered = name.lower()
        target = ""
        if name in ("Name", "Display Name"):
            target = "full_name"
        elif name in ("Given Name", "First Name"):
            target = "first_name"
        elif name in ("Family Name", "Last Name"):
            target = "last_name"
        elif name in ("Nickname",):
            target = "preferred_name"
        elif "e-mail" in lowered and ("value" in lowered or "address" in lowered):
            target = "email"
        elif (
            "phone" in lowered and ("value" in lowered or layout == "outlook")
        ) and "type" not in lowered:
            target = "phone"
        elif lowered in ("home street", "business street") or (
            "address" in lowered and "formatted" in lowered
        ):
            target = "address"
        elif name in ("Organization 1 - Name", "Organization Name", "Company"):
            target = "organisation"
        elif name in ("Organization 1 - Title", "Job Title"):
            target = "title"
        elif name == "Birthday":
            target = "birthday"
        elif name in ("Notes",):
            target = "note"
        elif name in ("Group Membership", "Categories", "Labels"):
            target = "tags"
        if target:
            mapping[index] = target
    return mapping


def read_csv(text: str, mapping: dict[int, str] | None = None) -> tuple[list[Record], list[str]]:
    """The records, and the header. Without a mapping, the layout must be one we recognise."""
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise FileProblem("That file is empty.")
    header = rows[0]
    if mapping is None:
        layout = csv_layout(header)
        if not layout:
            raise FileProblem("Rapport does not know these columns yet: choose what each one is.")
        mapping = csv_mapping(header, layout)
    records = []
    for number, row in enumerate(rows[1:], 1):
        if not any(cell.strip() for cell in row):
            continue
        record = Record(number=number, line=number + 1)
        first = last = ""
        for index, target in mapping.items():
            if index >= len(row):
                continue
            value = row[index].strip()
            if not value:
                continue
            if target == "full_name":
                record.full_name = value
            elif target == "first_name":
                first = value
            elif target == "last_name":
                last = value
            elif target == "preferred_name":
                record.preferred_name = value
            elif target == "email":
                record.emails += [(part.strip(), "") for part in value.split(":::") if part.strip()]
            elif target == "phone":
                record.phones += [(part.strip(), "") for part in value.split(":::") if part.strip()]
            elif target == "address":
                record.addresses.append((value, ""))
            elif target == "organisation":
                record.organisation = value
            elif target == "title":
                record.title = value
            elif target == "birthday":
                record.birthday = parse_date(value)
            elif target == "note":
                record.note = value
            elif target == "tags":
                record.tags += [
                    tag.strip().removeprefix("* ")
                    for tag in re.split(r":::|;", value)
                    if tag.strip() and tag.strip().lower() not in SYSTEM_TAGS
                ]
        if not record.full_name:
            record.full_name = " ".join(part for part in (first, last) if part)
        records.append(record)
    return records, header


@dataclass
class Source:
    records: list[Record]
    header: list[str] = field(default_factory=list)
    needs_mapping: bool = False
    sample: list[list[str]] = field(default_factory=list)


def read_source(data: bytes, filename: str, mapping: dict[int, str] | None = None) -> Source:
    """The records in an uploaded vCard or CSV file; a CSV with unknown columns needs a mapping."""
    text = decode(data)
    if "BEGIN:VCARD" in text[:2000].upper() or filename.lower().endswith((".vcf", ".vcard")):
        return Source(read_vcards(text))
    if filename.lower().endswith(".csv") or "," in text[:2000] or ";" in text[:2000]:
        try:
            records, header = read_csv(text, mapping or None)
        except FileProblem as problem:
            if "choose what each one is" not in str(problem):
                raise
            rows = list(csv.reader(io.StringIO(text)))
            return Source([], rows[0], needs_mapping=True, sample=rows[1:6])
        return Source(records, header)
    raise FileProblem(
        "Rapport reads vCard (.vcf) and CSV files: export your contacts in one of those."
    )
