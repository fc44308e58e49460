"""No repeats: the same gesture, for the same reason, to the same client, within a year. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

REPEAT_DAYS = 365
# Words shared by two notes, as a share of the shorter one, above which they say the same.
SAME_WORDS = 0.6
_WORD = re.compile(r"[^\W\d_]{3,}")
_COMMON = {"the", "and", "for", "with", "her", "his", "their", "them", "they", "about", "from"}


@dataclass(frozen=True)
class Earlier:
    id: int
    kind_id: int
    note: str
    source_fact_id: int | None
    on: date


def _words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word not in _COMMON}


def alike(first: str, second: str) -> bool:
    a, b = _words(first), _words(second)
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= SAME_WORDS


def repeats(
    *,
    earlier: Sequence[Earlier],
    kind_id: int,
    note: str,
    source_fact_id: int | None,
    on: date,
) -> list[Earlier]:
    """Touches of the same kind within a year of `on` that came from the same fact or say
    much the same thing."""
    window = timedelta(days=REPEAT_DAYS)
    return [
        item
        for item in earlier
        if item.kind_id == kind_id
        and abs(item.on - on) < window
        and (
            (source_fact_id is not None and item.source_fact_id == source_fact_id)
            or alike(item.note, note)
        )
    ]
