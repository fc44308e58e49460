"""Fading attention: clients hearing from the provider far less than in the first months."""

from __future__ import annotations

from rapport.attention.models import ClientReading, Section
from rapport.desk.today.section import Item, Moment, TodaySection


class Fading(TodaySection):
    key = Section.FADING
    title = "Fading attention"
    explanation = (
        "Clients hearing from you far less than in the first months, or waiting longer for answers."
    )
    empty = "No one is drifting."

    def item(self, row: ClientReading, when: Moment) -> Item:
        return Item(
            Section.FADING,
            row.client_id,
            row.client,
            headline=row.client.display_name,
            detail=" ".join(row.fading_reasons),
        )
