"""A vCard's lines made readable before vobject sees them. Pure.

Real exporters fold lines without the leading space, break quoted-printable lines with
"=" (vCard 2.1), write text in the code page their CHARSET= parameter names, and now and
then write a line no parser can read. Here each card becomes lines vobject reads: folds
joined, quoted-printable decoded in its charset, and a line that cannot be read left out
and named, so that it costs that property and not the card.
"""

from __future__ import annotations

import codecs
import quopri
import re

from vobject.base import ParseError, parseLine  # type: ignore[import-untyped]

_PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?[A-Za-z][A-Za-z0-9-]*[;:]")
_SPECIAL = re.compile(r"[:;,]")
_DROPPED_PARAMETERS = {"ENCODING", "CHARSET", "QUOTED-PRINTABLE", "8BIT"}


def _quoted_printable(line: str) -> bool:
    head = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in head


def unfold(chunk: str) -> list[tuple[int, str]]:
    """Logical lines with the offset of their first physical line."""
    lines: list[tuple[int, str]] = []
    for offset, raw in enumerate(chunk.splitlines()):
        if not raw.strip():
            continue
        if lines and raw[:1] in (" ", "\t"):  # an RFC fold
            lines[-1] = (lines[-1][0], lines[-1][1] + raw[1:])
        elif lines and lines[-1][1].endswith("=") and _quoted_printable(lines[-1][1]):
            lines[-1] = (lines[-1][0], lines[-1][1][:-1] + raw)  # a quoted-printable soft break
        elif lines and ":" not in raw and not _PROPERTY.match(raw):
            lines[-1] = (lines[-1][0], lines[-1][1] + raw)  # a fold without the leading space
        else:
            lines.append((offset, raw))
    return lines


def _charset(params: list[list[str]]) -> str:
    for param in params:
        if param[0].upper() == "CHARSET" and len(param) > 1:
            try:
                return codecs.lookup(param[1].strip().lower()).name
            except LookupError:
                return "utf-8"
    return "utf-8"


def _parameter(param: list[str]) -> str:
    if len(param) == 1:
        return f";{param[0]}"
    values = [f'"{value}"' if _SPECIAL.search(value) else value for value in param[1:]]
    return f";{param[0]}={','.join(values)}"


def _decoded(line: str) -> str:
    """The line with quoted-printable text in its CHARSET decoded, as vCard 3.0 would write it."""
    name, params, value, group = parseLine(line)
    if not any(param[0].upper() in _DROPPED_PARAMETERS for param in params):
        return line
    if any(param[0].upper() == "ENCODING" and "B" in param[1:2] for param in params):
        return line  # base64 (a photo): left as it is
    charset = _charset(params)
    if _quoted_printable(line):
        raw = quopri.decodestring(value.encode(charset, errors="replace"))
        value = raw.decode(charset, errors="replace")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    kept = "".join(
        _parameter(param) for param in params if param[0].upper() not in _DROPPED_PARAMETERS
    )
    return f"{group + '.' if group else ''}{name}{kept}:{value}"


def readable(chunk: str, first_line: int) -> tuple[str, list[str]]:
    """The card as text vobject reads, and what was left out of it (for the preview)."""
    lines, left_out = [], []
    for offset, line in unfold(chunk):
        try:
            lines.append(_decoded(line))
        except (ParseError, UnicodeError, ValueError, LookupError):
            what = line.split(":", 1)[0].split(";", 1)[0][:30] if _PROPERTY.match(line) else ""
            left_out.append(
                f"Line {first_line + offset}{f' ({what})' if what else ''} could not be read "
                "and was left out."
            )
    return "\r\n".join(lines) + "\r\n", left_out
