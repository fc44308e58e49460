"""Handed to you: a colleague's handoff notes for the member reading Today, until "Got it"."""

from __future__ import annotations

from rapport.attention.models import Section
from rapport.desk.today.section import Item, Moment, TodaySection, days_ago
from rapport.handoffs.models import Handoff
from rapport.lib.humanize import day_phrase


class Handoffs(TodaySection):
    key = Section.HANDOFF
    title = "Handed to you"
    explanation = "Clients and cases a colleague handed to you: read the note, then say Got it."
    empty = "Nothing handed to you is waiting."

    def item(self, row: Handoff, when: Moment) -> Item:
        name = row.client.display_name
        what = f"A case of {name}'s" if row.case_id else name
        detail = [f"Handed over {days_ago(row.created_at, when)}."]
        if row.next_steps:
            detail.append(f"Next: {row.next_steps.splitlines()[0]}")
        badge = ""
        if row.call_on is not None:
            detail.append(f"A call promised for {day_phrase(row.call_on, when.today)}.")
            badge = "late" if row.call_on < when.today else ""
        return Item(
            Section.HANDOFF,
            row.pk,
            row.client,
            headline=f"{what}, handed to you by {row.from_name}",
            detail=" ".join(detail),
            badge=badge,
            suggestion="Read the note on their page, then say Got it.",
        )
