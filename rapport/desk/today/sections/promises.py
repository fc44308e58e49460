"""Promises due: what the provider said they would do, due today or late."""

from __future__ import annotations

from rapport.attention.models import Section
from rapport.desk.today.section import Item, Moment, TodaySection
from rapport.lib.humanize import days_phrase
from rapport.timeline.models import Promise


class Promises(TodaySection):
    key = Section.PROMISE
    title = "Promises due"
    explanation = "What you said you would do, due today or late."
    empty = "No promises are due."

    def item(self, row: Promise, when: Moment) -> Item:
        late = (when.today - row.due_on).days
        return Item(
            Section.PROMISE,
            row.pk,
            row.client,
            headline=f"{row.text}, for {row.client.display_name}",
            detail="Due today." if late == 0 else f"Due {days_phrase(row.due_on, when.today)}.",
            badge="late" if late > 0 else "",
        )
