"""Which partners to suggest for a need: by the words their specialties share with it, then by
how past referrals to them went. Plain data in, plain data out."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Words that say nothing about a specialty.
_LITTLE_WORDS = frozenset((
    "a", "an", "and", "at", "for", "from", "has", "have", "her", "his", "i", "in", "is", "it",
    "its", "my", "of", "on", "or", "our", "she", "the", "their", "they", "to", "with",
))  # fmt: skip


@dataclass(frozen=True)
class Candidate:
    partner_id: int
    specialties: list[str]
    helped: int = 0
    not_a_fit: int = 0


@dataclass(frozen=True)
class Suggestion:
    partner_id: int
    matched: list[str]  # the specialties that share a word with the need
    helped: int
    not_a_fit: int


def words(text: str) -> set[str]:
    """Lower-case words of three letters or more, with a plural's s taken off."""
    found = set()
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if len(word) < 3 or word in _LITTLE_WORDS:
            continue
        found.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return found


def suggest(need: str, candidates: Iterable[Candidate]) -> list[Suggestion]:
    """Every candidate, best first: those whose specialties match the need, then by past
    outcomes (each "helped" counts for, each "not a fit" against), then as given."""
    wanted = words(need)
    scored = []
    for position, candidate in enumerate(candidates):
        matched = [s for s in candidate.specialties if words(s) & wanted]
        record = candidate.helped - candidate.not_a_fit
        scored.append(((-len(matched), -record, position), candidate, matched))
    scored.sort(key=lambda entry: entry[0])
    return [
        Suggestion(candidate.partner_id, matched, candidate.helped, candidate.not_a_fit)
        for _, candidate, matched in scored
    ]
