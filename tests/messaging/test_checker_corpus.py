"""The word check on messages written by people who never saw its rules (issue 12's goal).

The sealed half of tests/data/checker/ is never read while rules are written; this test holds
the line there, so a rule change that costs recall, or starts flagging clean messages, fails CI.
"""

from __future__ import annotations

import pytest

from bench.checker_eval import Score, load, rapport_flags, score
from rapport.messaging.rules import CATEGORIES

RECALL_AT_LEAST = 0.9
CLEAN_FLAGGED_AT_MOST = 0.05


@pytest.fixture(scope="module")
def sealed() -> Score:
    return score(load("sealed"), rapport_flags)


@pytest.mark.parametrize("category", CATEGORIES)
def test_recall_on_the_sealed_half(sealed: Score, category: str) -> None:
    assert sealed.positives[category] >= 40
    assert sealed.recall[category] >= RECALL_AT_LEAST, f"{category}: {sealed.recall[category]:.3f}"


def test_clean_messages_are_rarely_flagged(sealed: Score) -> None:
    assert sealed.clean >= 150
    assert sealed.clean_flagged <= CLEAN_FLAGGED_AT_MOST
