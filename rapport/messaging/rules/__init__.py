"""The checker's rules, as data: a practice can add phrases of its own or silence a rule.

Pure data, no Django. A rule is a list of phrases (matched as whole words, any case, any
spacing) or, for a family of wordings, a regular expression: people rarely write the listed
phrase, so each family describes the shapes of language that make it, with the context that
tells it apart from harmless words ("honey" as a form of address, not "a jar of honey").
A pattern marks the words to point at with a group named "hit" when it needs context around
them. Every rule says why it matters and what to write instead; `examples` show a provider
what it catches. One module per kind of wording; this one puts them together.
"""

from __future__ import annotations

from rapport.messaging.rules.address import ADDRESS_RULES
from rapport.messaging.rules.base import (
    BLAME,
    CANNED,
    CATEGORIES,
    ERROR,
    GREETING,
    MONEY_SHAME,
    NOTE,
    OVER_FAMILIAR,
    PET_NAME,
    PLACEHOLDER,
    WARNING,
    Rule,
)
from rapport.messaging.rules.blame import BLAME_RULES
from rapport.messaging.rules.canned import CANNED_RULES
from rapport.messaging.rules.money import MONEY_RULES
from rapport.messaging.rules.placeholders import PLACEHOLDER_RULES

BUILT_IN: tuple[Rule, ...] = (
    *ADDRESS_RULES,
    *PLACEHOLDER_RULES,
    *CANNED_RULES,
    *BLAME_RULES,
    *MONEY_RULES,
)

RULE_IDS = frozenset(rule.id for rule in BUILT_IN) | {"greeting-name"}

__all__ = [
    "BLAME",
    "BUILT_IN",
    "CANNED",
    "CATEGORIES",
    "ERROR",
    "GREETING",
    "MONEY_SHAME",
    "NOTE",
    "OVER_FAMILIAR",
    "PET_NAME",
    "PLACEHOLDER",
    "RULE_IDS",
    "WARNING",
    "Rule",
]
