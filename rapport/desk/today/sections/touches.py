"""Personal touches planned: the gestures due in the next few days, or late."""

from __future__ import annotations

from rapport.attention.models import Section
from rapport.attention.reasons import TOUCH_AHEAD_DAYS
from rapport.desk.today.section import Item, Moment, TodaySection
from rapport.lib.humanize import day_phrase
from rapport.touches.models import Touch


class Touches(TodaySection):
    key = Section.TOUCH
    title = "Personal touches planned"
    explanation = f"The gestures you planned, due in the next {TOUCH_AHEAD_DAYS} days or late."
    empty = "No personal touch planned for now: the ideas on a client's page can start one."

    def item(self, row: Touch, when: Moment) -> Item:
        late = (when.today - row.planned_on).days
        return Item(
            Section.TOUCH,
            row.pk,
            row.client,
            headline=f"{row.kind.name} for {row.client.display_name}",
            detail=f"{row.note} ({day_phrase(row.planned_on, when.today)})",
            badge="late" if late > 0 else "",
        )
