"""Whether two written names are one person's: a pure core, plain strings in and out.

A shared phone is not enough to merge two address-book entries (families and offices
share numbers), so the names must agree as well. They agree when, after folding case
and accents ("Wiśniewski" and "Wisniewski"), undoing "Surname, Given" order, and
splitting on spaces, hyphens and full stops, every word of the shorter name is a
word of the longer one or its initial ("T. Wiśniewski"), at least one full word is
shared, and the longer name has at most one word more (a middle name).

Deliberately no fuzzy likeness between words: "Wiśniewska" and "Wiśniewski" are
one letter apart and are a wife and a husband.
"""

from __future__ import annotations

import re

from rapport.lib.text import fold

_SPLIT = re.compile(r"[\s\-\u2010\u2011.\u00b7]+")
_APOSTROPHES = re.compile("['\u2019\u02bc]")  # O'Brien is one word: obrien


def name_words(name: str) -> list[str]:
    """The words of a name, folded for comparison, in given-then-family order."""
    if name.count(",") == 1:
        family, given = name.split(",")
        name = f"{given} {family}"
    plain = _APOSTROPHES.sub("", fold(name))
    return [word for word in _SPLIT.split(plain) if word and any(c.isalnum() for c in word)]


def names_agree(first: str, second: str) -> bool:
    """True when the two names can be taken for the same person (see the module's note)."""
    one, other = name_words(first), name_words(second)
    if not one or not other:
        return False
    shorter, longer = sorted((one, other), key=len)
    if len(longer) - len(shorter) > 1 or (len(shorter) == 1 and len(longer) > 1):
        return False
    left = list(longer)
    full_shared = False
    for word in sorted(shorter, key=len, reverse=True):  # whole words pair before initials
        if word in left:
            left.remove(word)
            full_shared = full_shared or len(word) > 1
            continue
        partner = next((w for w in left if _initial_of(word, w) or _initial_of(w, word)), None)
        if partner is None:
            return False
        left.remove(partner)
    return full_shared


def _initial_of(initial: str, word: str) -> bool:
    return len(initial) == 1 and word.startswith(initial)
