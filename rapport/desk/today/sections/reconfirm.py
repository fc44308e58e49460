"""Facts to reconfirm: forgotten, or important and not confirmed for a year."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from rapport.attention.models import Section
from rapport.attention.queries import not_hidden
from rapport.clients.models import Fact
from rapport.clients.queries import facts_forgotten, facts_to_reconfirm, facts_unconfirmed_since
from rapport.desk.today.section import Item, Moment, TodaySection, days_ago, page

RECONFIRM_AFTER_DAYS = 365


class Reconfirm(TodaySection):
    key = Section.RECONFIRM
    title = "Facts to reconfirm"
    explanation = (
        "Forgotten, or important and not confirmed for a year: ask, apologise, write it down."
    )
    empty = "Everything important is fresh."

    def rows(self, when: Moment, limit: int) -> tuple[list[Any], int]:
        # Two indexed queries rather than one OR: forgotten facts first, then the stalest.
        facts = facts_to_reconfirm(when.practice).filter(
            not_hidden(Fact, when.practice, Section.RECONFIRM, when.today)
        )
        forgotten, forgotten_total = page(facts_forgotten(facts), limit)
        stale = when.now - timedelta(days=RECONFIRM_AFTER_DAYS)
        rest, stale_total = page(facts_unconfirmed_since(facts, stale), limit - len(forgotten))
        return forgotten + rest, forgotten_total + stale_total

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
