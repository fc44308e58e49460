"""Promises due: what the provider said they would do, due today or late."""

from __future__ import annotations

from django.db.models import QuerySet

from rapport.attention.models import Section
from rapport.attention.queries import not_hidden
from rapport.desk.today.section import Item, Moment, TodaySection
from rapport.lib.humanize import days_phrase
from rapport.timeline.models import Promise
from rapport.timeline.queries import promises_due


class Promises(TodaySection):
    key = Section.PROMISE
    title = "Promises due"
    explanation = "What you said you would do, due today or late."
    empty = "No promises are due."

    def query(self, when: Moment) -> QuerySet[Promise]:
        hidden = not_hidden(Promise, when.practice, Section.PROMISE, when.today)
        return promises_due(when.practice, when.today).filter(hidden)

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
