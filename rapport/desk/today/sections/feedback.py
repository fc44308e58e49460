"""Feedback to answer: clients who said what would have helped, until the provider replies."""

from __future__ import annotations

from rapport.attention.models import Section
from rapport.desk.today.section import Item, Moment, TodaySection, days_ago
from rapport.feedback.models import FeedbackRequest


class Feedback(TodaySection):
    key = Section.FEEDBACK
    title = "Feedback to answer"
    explanation = (
        "Clients who told you what would have helped: thank them, and say what you will do."
    )
    empty = "No feedback waiting. Ask a client what would have helped from their page."

    def item(self, row: FeedbackRequest, when: Moment) -> Item:
        assert row.answered_at is not None
        words: str = getattr(row, "words", "")
        return Item(
            Section.FEEDBACK,
            row.pk,
            row.client,
            headline=f"{row.client.display_name} said what would have helped",
            detail=f"“{words}” ({days_ago(row.answered_at, when)})",
            write="",
        )
