"""Bytes to text in whatever encoding another program wrote a file: address books and
calendars. Pure.

UTF-8 with or without a byte-order mark, UTF-16 either way round with or without one
(Outlook's "Unicode" files, university timetable systems), and otherwise the code pages
Windows and older programs write (Windows-125x, ISO-8859-x, Shift_JIS, GB18030),
recognised by charset-normalizer.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import Any

from charset_normalizer import from_bytes

SAMPLE = 256 * 1024  # enough to recognise an encoding, cheap on a 50 MB file
CANDIDATES = [
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_1", "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15",
    "cp932", "shift_jis", "gb18030",
]  # fmt: skip
_CENTRAL = dict.fromkeys(("PL", "CZ", "SK", "HU", "SI", "HR", "RO", "BA", "RS", "AL"), "cp1250")
_CYRILLIC = dict.fromkeys(("RU", "UA", "BY", "BG", "MK", "KZ", "KG"), "cp1251")
REGION_CODE_PAGES = _CENTRAL | _CYRILLIC | {"GR": "cp1253", "TR": "cp1254", "IL": "cp1255",
    "LT": "cp1257", "LV": "cp1257", "EE": "cp1257", "VN": "cp1258", "JP": "cp932",
    "CN": "gb18030"}  # fmt: skip


def _utf16_without_mark(data: bytes) -> str:
    """ "utf-16-le" or "-be" when every other byte is zero, as in mostly Latin UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4:
        return ""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.1 and even < odd / 10:
        return "utf-16-le"
    if even > half * 0.1 and odd < even / 10:
        return "utf-16-be"
    return ""


def _oddities(text: str) -> int:
    """Characters that are rarely in a contact or a calendar: a wrong code page shows as these."""
    return sum(
        1
        for char in text
        if (ord(char) > 127 and unicodedata.category(char)[0] not in "LNZP")
        or unicodedata.category(char) == "No"
    )


def _code_page(sample: bytes, region: str) -> str:
    """charset-normalizer's candidates; of those, the one that reads as the most plain text.
    A short file can read as well in Windows-1250 as in 1252 (è or č): then the region's
    own code page, or else Windows-1252, the most common, wins."""
    matches = list(from_bytes(sample, cp_isolation=CANDIDATES))[:6]
    if not matches:
        return "cp1252"
    preferred = (REGION_CODE_PAGES.get(region.upper(), "cp1252"), "cp1252")

    def rank(pair: tuple[int, Any]) -> tuple[int, int, int]:
        index, match = pair
        encoding = str(match.encoding)
        order = preferred.index(encoding) if encoding in preferred else len(preferred)
        return _oddities(str(match)), order, index

    return str(min(enumerate(matches), key=rank)[1].encoding)


def detect(data: bytes, region: str = "") -> str:
    """The name of the encoding the bytes are in."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if utf16 := _utf16_without_mark(data):
        return utf16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(data) - 4:  # not only a character cut at the end
            return _code_page(data[:SAMPLE], region)
    return "utf-8"


def decode(data: bytes, region: str = "") -> str:
    """The text; characters that cannot be decoded become U+FFFD."""
    return data.decode(detect(data, region), errors="replace")
