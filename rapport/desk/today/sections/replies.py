"""Replies owed: clients waiting for an answer, counted in working time."""

from __future__ import annotations

from rapport.attention.models import Section
from rapport.attention.working_hours import WorkingHours, describe_wait, working_time_between
from rapport.clients.models import Client
from rapport.desk.today.section import Item, Moment, TodaySection


def _nth(count: int) -> str:
    return {2: "second", 3: "third"}.get(count, f"{count}th")


class Replies(TodaySection):
    key = Section.REPLY
    title = "Replies owed"
    explanation = (
        "Messages still waiting for your answer: who wrote again first, then the longest wait."
    )
    empty = "Nobody is waiting for an answer."

    def item(self, row: Client, when: Moment) -> Item:
        practice, now = when.practice, when.now
        since = row.awaiting_reply_since
        assert since is not None
        hours = WorkingHours(starts=practice.work_starts, ends=practice.work_ends)
        waited = describe_wait(
            now - since, working_time_between(since, now, practice.zone, hours), hours
        )
        second = row.unanswered_count >= 2
        return Item(
            Section.REPLY,
            row.pk,
            row,
            headline=f"{row.display_name} is waiting for your answer",
            detail=f"Waiting {waited}.",
            badge=f"{_nth(row.unanswered_count)} message" if second else "",
            suggestion="They wrote again before you answered: answer today, "
            "and thank them for their patience."
            if second
            else "",
            write="",
        )
