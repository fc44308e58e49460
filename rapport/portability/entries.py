"""One contact as read from a file, and dates as address books write them. Pure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Where 3/7/1980 is 7 March: month first (the United States and a few places that follow it).
MONTH_FIRST = {"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW", "BZ"}
_MONTH_NAMES = (
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december"),
)  # fmt: skip
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
# Characters of a note kept (the writer keeps as many); a longer note is cut, and the preview
# says so.
NOTE_LIMIT = 5000
# What PostgreSQL refuses in text: NUL, and halves of a character (lone surrogates).
REFUSED = re.compile("[\x00\ud800-\udfff]")
FIELD_NAMES = {
    "full_name": "name", "preferred_name": "preferred name", "pronouns": "pronouns",
    "emails": "email", "phones": "phone", "addresses": "address", "organisation": "organisation",
    "title": "title", "note": "note", "tags": "tags", "extras": "extras",
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
    left_out: list[str] = field(default_factory=list)  # what could not be read, for the preview

    @property
    def display_name(self) -> str:
        """Up to 200 characters (a client's name): a file may hold a name of 10 MB."""
        return (
            self.full_name
            or (self.emails[0][0] if self.emails else "")
            or (self.phones[0][0] if self.phones else f"record {self.number}")
        )[:200]


def _clean(value: Any) -> tuple[Any, bool]:
    if isinstance(value, str):
        cleaned = REFUSED.sub("", value)
        return cleaned, cleaned != value
    if isinstance(value, list):
        items = [_clean(item) for item in value]
        return [item for item, _ in items], any(changed for _, changed in items)
    if isinstance(value, tuple):
        items = [_clean(item) for item in value]
        return tuple(item for item, _ in items), any(changed for _, changed in items)
    if isinstance(value, dict):
        cleaned, changed = _clean(list(value.items()))
        return dict(cleaned), changed
    return value, False


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        yield from _texts(list(value.items()))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)


def clean(record: Record) -> Record:
    """Takes out the characters a database refuses (a NUL, half a character) and cuts a note
    longer than NOTE_LIMIT, saying so."""
    if len(record.note) > NOTE_LIMIT:
        record.note = record.note[:NOTE_LIMIT]
        record.left_out.append(f"The note is longer than {NOTE_LIMIT:,} characters: its first "
                               f"{NOTE_LIMIT:,} were kept.")  # fmt: skip
    if not REFUSED.search("".join(_texts([getattr(record, name) for name in FIELD_NAMES]))):
        return record  # nearly every record: one search instead of one per value
    for name, said in FIELD_NAMES.items():
        value, changed = _clean(getattr(record, name))
        if changed:
            setattr(record, name, value)
            record.left_out.append(f"A character that cannot be stored (such as NUL) was taken "
                                   f"out of the {said}.")  # fmt: skip
    return record


_ISO = re.compile(r"^(?:(\d{4})|--)-?(\d{2})-?(\d{2})(?:$|T|\s)")
_NUMERIC = re.compile(r"^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})$")
_WORDS = re.compile(
    r"^(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})$|^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$"
)


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:  # 80 is 1980, 05 is 2005
        year += 1900 if year > date.today().year % 100 else 2000
    return year


def checked_day(day: int, month: int, year: int | None) -> tuple[int, int, int | None] | None:
    """(day, month, year) when it can be a day of the year, else None."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year == 1604:  # Apple's "no year"
        return day, month, None
    if year is not None and not 1900 <= year <= 2200:  # a typo, or no column could hold it
        return day, month, None
    return day, month, year


def _numeric(match: re.Match[str], region: str) -> tuple[int, int, int | None] | None:
    first, separator, middle, last = match.groups()
    if len(first) == 4:  # 1980/7/3: year, month, day everywhere
        return checked_day(int(last), int(middle), int(first))
    a, b, year = int(first), int(middle), _year(last)
    month_first = separator != "." and region.upper() in MONTH_FIRST
    if a > 12 or (b > 12 and not month_first):
        return checked_day(a, b, year) if a <= 31 and b <= 12 else checked_day(b, a, year)
    if b > 12 or month_first:
        return checked_day(b, a, year)
    return checked_day(a, b, year)


def parse_date(text: str, region: str = "") -> tuple[int, int, int | None] | None:
    """ "1980-03-07", "19800307", "--0307", "1980-03-07T00:00:00Z"; "3/7/1980" and "3.7.80" in
    the region's order (day first, month first in the US); "3 Jul 1980", "July 3, 1980"."""
    text = text.strip()
    if match := _ISO.match(text):
        return checked_day(
            int(match.group(3)),
            int(match.group(2)),
            int(match.group(1)) if match.group(1) else None,
        )
    if match := _NUMERIC.match(text):
        return _numeric(match, region)
    if match := _WORDS.match(text):
        parts = match.groups()
        day, month, written = parts[:3] if parts[0] else (parts[4], parts[3], parts[5])
        number = MONTHS.get(month.lower())
        return checked_day(int(day), number, int(written)) if number else None
    return None
