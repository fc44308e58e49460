"""Money-shame: money, cost or payment tied to a judgement of the person, or to pressure.

One module per kind of wording: who they are and what they can afford (means), other
clients and a price question turned away (others), chasing and threats (pressure), and
the same families by the shape of the sentence (shapes); the words they share are in words.
Beyond them, a learned signal (signal) for wordings no family names."""

from __future__ import annotations

from rapport.messaging.rules.base import MONEY_SHAME, NOTE, Rule
from rapport.messaging.rules.money.means import MEANS_RULES
from rapport.messaging.rules.money.others import OTHERS_RULES
from rapport.messaging.rules.money.pressure import PRESSURE_RULES
from rapport.messaging.rules.money.shapes import SHAPE_RULES
from rapport.messaging.rules.money.words import MONEY_FIX

# What the phrase families do not reach, a learned signal may: a note, as it is a judgement
# of the whole passage rather than a named phrase (signal.py says how it is made).
SIGNAL_RULE = Rule(
    "money-signal",
    MONEY_SHAME,
    NOTE,
    "Read as a whole, this ties money to a judgement of them or to pressure, as messages that "
    "shame clients about money do.",
    MONEY_FIX,
    learned=True,
    examples=(
        "People who are serious about change find the money. Just something to think about.",
    ),
)

MONEY_RULES: tuple[Rule, ...] = (
    *MEANS_RULES,
    *OTHERS_RULES,
    *PRESSURE_RULES,
    *SHAPE_RULES,
    SIGNAL_RULE,
)
