"""The shared decoder: the encodings calendar and address-book exporters really write."""

from __future__ import annotations

import pytest

from rapport.lib.charsets import decode, detect

TEXT = "BEGIN:VCALENDAR\r\nSUMMARY:Études \u2013 Café Nero\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),  # with a byte-order mark
        ("utf-16-le", "utf-16-le"),  # without one, as timetable systems write
        ("utf-16-be", "utf-16-be"),
        # These letters are the same bytes in Windows-1250: either reads the same text.
        ("cp1252", ""),
    ],
)
def test_each_encoding_reads_back_the_same_text(encoding: str, detected: str) -> None:
    data = TEXT.encode(encoding)
    assert detect(data, "GB") == detected or not detected
    assert decode(data, "GB").lstrip("\ufeff") == TEXT
