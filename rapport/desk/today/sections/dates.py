"""Dates ahead: birthdays, anniversaries and other dates soon, and, first, a gentle check a
week after hard news or a hard conversation."""

from __future__ import annotations

from rapport.attention.dates import next_occurrence, ordinal_years
from rapport.attention.models import Section
from rapport.attention.reasons import DATES_AHEAD_DAYS
from rapport.clients.models import Fact, ImportantDate
from rapport.desk.today.section import Item, Moment, TodaySection, days_ago
from rapport.lib.humanize import day_phrase
from rapport.timeline.models import Interaction


class Dates(TodaySection):
    key = Section.DATE
    title = "Dates ahead"
    explanation = (
        f"Birthdays, anniversaries and other dates in the next {DATES_AHEAD_DAYS} days, "
        "and a gentle check a week after hard news."
    )
    empty = "No dates in the next two weeks."

    def item(self, row: Fact | Interaction | ImportantDate, when: Moment) -> Item:
        if isinstance(row, Fact):
            return Item(
                Section.CARE,
                row.pk,
                row.client,
                headline=f"{row.client.display_name}: how are they doing?",
                detail=f"A week ago you learned: {row.text}",
                suggestion="A short, gentle note or call; nothing to sell, just asking how "
                "they are.",
            )
        if isinstance(row, Interaction):
            return Item(
                Section.CARE_TALK,
                row.pk,
                row.client,
                headline=f"{row.client.display_name}: how are they since your conversation?",
                detail=f"A hard conversation {days_ago(row.occurred_at, when)}: "
                f"{row.summary[:120]}",
                suggestion="Check on how they are, gently.",
            )
        return _date_item(row, when)


def _date_item(row: ImportantDate, when: Moment) -> Item:
    day = next_occurrence(row.month, row.day, when.today)
    years = ordinal_years(row.year, day)
    extra = ""
    if years and row.kind == "birthday":
        extra = f" (turns {years})"
    elif years:
        extra = f" ({years} years)"
    return Item(
        Section.DATE,
        row.pk,
        row.client,
        headline=f"{row.client.display_name}: {row.title_in_sentence} "
        f"{day_phrase(day, when.today)}{extra}",
        detail=f"{row.as_text}.",
    )
