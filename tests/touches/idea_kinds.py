"""The gesture kinds and the day the pure idea tests share."""

from __future__ import annotations

from datetime import date

from rapport.touches.ideas import KindView

TODAY = date(2026, 11, 24)
KINDS = [
    KindView(1, "gift", "Small gift with a note", True),
    KindView(2, "knowledge", "Knowledge shared", True),
    KindView(3, "card", "Thank-you card", True),
    KindView(4, "call", "Check-in call", True),
    KindView(5, "surprise", "Pleasant surprise", True),
    KindView(6, "compliment", "Specific compliment", True),
]
