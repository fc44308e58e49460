"""Messages that did not go: approved emails the mail server refused, or that were unsure."""

from __future__ import annotations

from rapport.attention.models import Section
from rapport.desk.today.section import Item, Moment, TodaySection
from rapport.messaging.models import OutboxMessage


class Unsent(TodaySection):
    key = Section.UNSENT
    title = "Messages that did not go"
    explanation = "Approved emails the mail server refused, or that Rapport could not confirm."
    empty = "Every approved message went."

    def item(self, row: OutboxMessage, when: Moment) -> Item:
        return Item(
            Section.UNSENT,
            row.pk,
            row.client,
            headline=f"{row.get_status_display()}: “{row.subject}” to {row.client.display_name}",
            detail=row.last_error,
            suggestion="Check your sent mail, then send it again; or correct the address "
            "on their page and write again.",
        )
