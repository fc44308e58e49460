"""The words for a client in a sentence Rapport writes about them, from the pronouns they gave
("she/her", "he/him", "they/them", "she/they", "ze/hir"). Pure.

The first pronoun named leads ("she/they" writes "she"). Pronouns Rapport has no forms for,
and no pronouns at all, write singular "they": it never guesses from a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Pronouns:
    subject: str  # she ... is
    object: str  # ask her
    possessive: str  # her sister
    plural_verb: bool = False  # they are

    @property
    def is_(self) -> str:
        return "are" if self.plural_verb else "is"


SHE = Pronouns("she", "her", "her")
HE = Pronouns("he", "him", "his")
THEY = Pronouns("they", "them", "their", plural_verb=True)
KNOWN = {
    "she": SHE,
    "her": SHE,
    "he": HE,
    "him": HE,
    "they": THEY,
    "them": THEY,
    "ze": Pronouns("ze", "hir", "hir"),
    "xe": Pronouns("xe", "xem", "xyr"),
    "ey": Pronouns("ey", "em", "eir"),
    "fae": Pronouns("fae", "faer", "faer"),
}

# Every form a sentence may use of each set, to check text against (the demo's test); a
# curly apostrophe is read as a straight one first.
FORMS = {
    "she": {"she", "her", "hers", "herself", "she's"},
    "he": {"he", "him", "his", "himself", "he's"},
    "they": {"they", "them", "their", "theirs", "themself", "themselves", "they're"},
}


def pronouns_for(given: str) -> Pronouns:
    """The pronouns to write for someone who gave `given` (free text, perhaps empty)."""
    words = re.findall(r"[a-z]+", given.lower())
    return KNOWN.get(words[0], THEY) if words else THEY


def pronoun_sets(given: str) -> set[str]:
    """The sets ("she", "he", "they") the given pronouns allow, each named: "she/they" allows
    both; nothing given, or pronouns outside these three, allow "they" only."""
    named = {KNOWN[word].subject for word in re.findall(r"[a-z]+", given.lower()) if word in KNOWN}
    return (named & set(FORMS)) or {"they"}
