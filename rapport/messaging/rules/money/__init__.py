"""Money-shame: money, cost or payment tied to a judgement of the person, or to pressure.

One module per kind of wording: who they are and what they can afford (means), other
clients and a price question turned away (others), chasing and threats (pressure), and
the same families by the shape of the sentence (shapes); the words they share are in words."""

from __future__ import annotations

from rapport.messaging.rules.base import Rule
from rapport.messaging.rules.money.means import MEANS_RULES
from rapport.messaging.rules.money.others import OTHERS_RULES
from rapport.messaging.rules.money.pressure import PRESSURE_RULES
from rapport.messaging.rules.money.shapes import SHAPE_RULES

MONEY_RULES: tuple[Rule, ...] = (*MEANS_RULES, *OTHERS_RULES, *PRESSURE_RULES, *SHAPE_RULES)
