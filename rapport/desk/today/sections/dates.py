"""Dates ahead: birthdays, anniversaries and other dates soon, and, first, a gentle check a
week after hard news or a hard conversation."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import QuerySet

from rapport.attention.dates import next_occurrence, ordinal_years
from rapport.attention.models import Section
from rapport.attention.queries import not_hidden
from rapport.clients.models import Fact, ImportantDate
from rapport.clients.queries import dates_between, hard_news_learned
from rapport.desk.today.section import Item, Moment, TodaySection, days_ago, page
from rapport.lib.humanize import day_phrase
from rapport.timeline.models import Interaction
from rapport.timeline.queries import hard_conversations_had

DATES_AHEAD_DAYS = 14
CARE_AFTER_DAYS = 7
CARE_UNTIL_DAYS = 21


def _care(when: Moment) -> list[Fact | Interaction]:
    """A week after hard news or a hard conversation, unless they have been in touch since."""
    start = when.now - timedelta(days=CARE_UNTIL_DAYS)
    end = when.now - timedelta(days=CARE_AFTER_DAYS)
    quiet_for = timedelta(days=CARE_AFTER_DAYS - 1)
    practice, today = when.practice, when.today
    facts = hard_news_learned(
        practice, learned_from=start, learned_to=end, quiet_for=quiet_for
    ).filter(not_hidden(Fact, practice, Section.CARE, today))
    talks = hard_conversations_had(
        practice, had_from=start, had_to=end, quiet_for=quiet_for
    ).filter(not_hidden(Interaction, practice, Section.CARE_TALK, today))
    return [*facts, *talks]


class Dates(TodaySection):
    key = Section.DATE
    title = "Dates ahead"
    explanation = (
        f"Birthdays, anniversaries and other dates in the next {DATES_AHEAD_DAYS} days, "
        "and a gentle check a week after hard news."
    )
    empty = "No dates in the next two weeks."

    def query(self, when: Moment) -> QuerySet[ImportantDate]:
        last = when.today + timedelta(days=DATES_AHEAD_DAYS)
        # An action on a date is taken while it is in the window, so only actions from the
        # last window's length can concern this year's occurrence.
        this_window = when.now - timedelta(days=DATES_AHEAD_DAYS + 1)
        hidden = not_hidden(
            ImportantDate, when.practice, Section.DATE, when.today, since=this_window
        )
        return dates_between(when.practice, when.today, last).filter(hidden)

    def rows(self, when: Moment, limit: int) -> tuple[list[Any], int]:
        # Gentle checks first: they matter more than a birthday and are few.
        care = _care(when)
        shown = care[:limit]
        dates, dates_total = page(self.query(when), max(limit - len(shown), 0))
        return [*shown, *dates], len(care) + dates_total

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
