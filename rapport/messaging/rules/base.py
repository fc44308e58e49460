"""What a rule of the word check is, and the words it is written in. Pure data, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR, WARNING, NOTE = "error", "warning", "note"

PET_NAME, GREETING, PLACEHOLDER = "pet-name", "greeting", "placeholder"
CANNED, BLAME, MONEY_SHAME, OVER_FAMILIAR = "canned", "blame", "money-shame", "over-familiar"
CATEGORIES = (PET_NAME, GREETING, PLACEHOLDER, CANNED, BLAME, MONEY_SHAME, OVER_FAMILIAR)


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: str
    explanation: str
    fix: str
    phrases: tuple[str, ...] = ()
    pattern: str = ""  # a regular expression (case-insensitive unless it says otherwise)
    only_when_new: bool = False  # applies only to a client whose closeness is "new"
    # Context in the same sentence: what must be there too, and what rules the match out
    # ("you forgot" with "my fault" or "no worries" in the sentence is not blame).
    with_sentence: str = ""
    unless_sentence: str = ""
    near_sentences: int = 0  # how many sentences either side that context may stand in
    examples: tuple[str, ...] = ()
    # Found by the learned money signal (rules/money/signal.py) rather than by a pattern.
    learned: bool = False
    tags: frozenset[str] = field(default_factory=frozenset)


def _words(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"
