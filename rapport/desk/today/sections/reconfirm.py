"""Facts to reconfirm: forgotten, or important and not confirmed for a year."""

from __future__ import annotations

from rapport.attention.models import Section
from rapport.clients.models import Fact
from rapport.desk.today.section import Item, Moment, TodaySection, days_ago


class Reconfirm(TodaySection):
    key = Section.RECONFIRM
    title = "Facts to reconfirm"
    explanation = (
        "Forgotten, or important and not confirmed for a year: ask, apologise, write it down."
    )
    empty = "Everything important is fresh."

    def item(self, row: Fact, when: Moment) -> Item:
        return Item(
            Section.RECONFIRM,
            row.pk,
            row.client,
            headline=f"{row.client.display_name}: {row.text}",
            detail="You marked it forgotten."
            if row.ask_again
            else f"Last confirmed {days_ago(row.known_at, when)}.",
            badge="forgotten" if row.ask_again else "",
            suggestion="Ask again, apologise for asking twice, and write it down.",
        )
