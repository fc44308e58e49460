"""A vCard's properties, read line by line. Pure.

Real exporters fold lines without the leading space, break quoted-printable lines with
"=" (vCard 2.1), write text in the code page their CHARSET= parameter names, and now and
then write a line no parser can read. Here each card becomes its properties: folds joined,
quoted-printable decoded in its charset, and a line that cannot be read left out and named,
so that it costs that property and not the card. vobject's parseLine reads one line's
grammar; building vobject's component tree for each card cost most of the time of reading
a big file, and nothing here needs it.
"""

from __future__ import annotations

import codecs
import logging
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from vobject.base import ParseError, parseLine  # type: ignore[import-untyped]

from rapport.portability.entries import NOTE_LIMIT

# vobject writes its own log lines to the terminal; what could not be read is said here.
_vobject_log = logging.getLogger("vobject.base")
for _handler in list(_vobject_log.handlers):
    _vobject_log.removeHandler(_handler)
_vobject_log.addHandler(logging.NullHandler())
_vobject_log.propagate = False

# Characters of one logical line that are read; the rest of a longer line is never joined or
# copied, so a 10 MB line costs no more than this. Nothing kept is longer than a note, and a
# note's characters fit in this even written as quoted-printable UTF-8 (up to 12 each).
LONGEST = 12 * NOTE_LIMIT + 1024
_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?[A-Za-z][A-Za-z0-9-]*[;:]")
_DROPPED_PARAMETERS = {"ENCODING", "CHARSET", "QUOTED-PRINTABLE", "8BIT"}


@dataclass(frozen=True, slots=True)
class Property:
    name: str  # in upper case
    group: str  # Apple's item1 in item1.EMAIL, or ""
    params: dict[str, list[str]]  # by parameter name in upper case
    singletons: list[str]  # vCard 2.1's parameters without a name: TEL;CELL:...
    value: str  # escaped as in vCard 3.0 (RFC 6350 3.4), whatever version the card was


def _head(line: str) -> str:
    colon = line.find(":")
    return line if colon < 0 else line[:colon]


def _quoted_printable(line: str) -> bool:
    return "QUOTED-PRINTABLE" in _head(line).upper()


def unfold(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Logical lines with the offset of their first physical line, each cut at LONGEST.

    The pieces of a folded line are joined once at its end: adding each to a growing string
    would copy a long folded note once per piece."""
    start, parts, size = 0, list[str](), 0
    for offset, raw in enumerate(lines):
        if not raw or raw.isspace():
            continue
        if parts and raw[:1] in (" ", "\t"):  # an RFC fold
            piece = raw[1:]
        elif parts and parts[-1].endswith("=") and _quoted_printable(parts[0]):
            parts[-1], size, piece = parts[-1][:-1], size - 1, raw  # a quoted-printable soft break
        elif parts and ":" not in raw and not _PROPERTY.match(raw):
            piece = raw  # a fold without the leading space
        else:
            if parts:
                yield start, "".join(parts)
            start, parts, size = offset, [], 0
            piece = raw
        if size < LONGEST:
            parts.append(piece[: LONGEST - size])
            size += len(parts[-1])
    if parts:
        yield start, "".join(parts)


def _charset(params: list[list[str]]) -> str:
    for param in params:
        if param[0].upper() == "CHARSET" and len(param) > 1:
            try:
                return codecs.lookup(param[1].strip().lower()).name
            except LookupError:
                return "utf-8"
    return "utf-8"


def _decoded(params: list[list[str]], value: str, quoted_printable: bool) -> str:
    """Quoted-printable text in its CHARSET decoded, and escaped as vCard 3.0 would write it."""
    charset = _charset(params)
    if quoted_printable:
        raw = quopri.decodestring(value.encode(charset, errors="replace"))
        value = raw.decode(charset, errors="replace")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _property(line: str) -> Property:
    group, name, params, value = _parsed(line)
    table: dict[str, list[str]] = {}
    singletons: list[str] = []
    for param in params:
        if len(param) == 1:
            singletons.append(param[0])
        else:
            table.setdefault(param[0].upper(), []).extend(param[1:])
    return Property(name.upper(), group or "", table, singletons, value)


def _parsed(line: str) -> tuple[str | None, str, list[list[str]], str]:
    name, params, value, group = parseLine(line)
    if not any(param[0].upper() in _DROPPED_PARAMETERS for param in params):
        return group, name, params, value
    if any(param[0].upper() == "ENCODING" and "B" in param[1:2] for param in params):
        return group, name, params, value  # base64 (a photo): left as it is
    value = _decoded(params, value, _quoted_printable(line))
    kept = [param for param in params if param[0].upper() not in _DROPPED_PARAMETERS]
    return group, name, kept, value


def properties(lines: Iterable[str], first_line: int) -> tuple[list[Property], list[str]]:
    """A card's properties, and what was left out of it (for the preview)."""
    found, left_out = [], []
    for offset, line in unfold(lines):
        try:
            found.append(_property(line))
        except (ParseError, UnicodeError, ValueError, LookupError):
            what = _head(line).split(";", 1)[0][:30] if _PROPERTY.match(line) else ""
            left_out.append(
                f"Line {first_line + offset}{f' ({what})' if what else ''} could not be read "
                "and was left out."
            )
    return found, left_out
