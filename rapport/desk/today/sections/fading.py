"""Fading attention: clients hearing from the provider far less than in the first months."""

from __future__ import annotations

from django.db.models import QuerySet

from rapport.attention.models import ClientReading, Section
from rapport.attention.queries import fading_readings, not_hidden
from rapport.desk.today.section import Item, Moment, TodaySection


class Fading(TodaySection):
    key = Section.FADING
    title = "Fading attention"
    explanation = (
        "Clients hearing from you far less than in the first months, or waiting longer for answers."
    )
    empty = "No one is drifting."

    def query(self, when: Moment) -> QuerySet[ClientReading]:
        hidden = not_hidden(ClientReading, when.practice, Section.FADING, when.today)
        return fading_readings(when.practice).filter(hidden)

    def item(self, row: ClientReading, when: Moment) -> Item:
        return Item(
            Section.FADING,
            row.client_id,
            row.client,
            headline=row.client.display_name,
            detail=" ".join(row.fading_reasons),
        )
