"""Check-ins due: clients past their keep-in-touch rhythm."""

from __future__ import annotations

from rapport.attention.models import Section
from rapport.clients.models import (
    CheckinChannel,
    CheckinConsent,
    Client,
    ClientStatus,
)
from rapport.desk.today.section import Item, Moment, TodaySection
from rapport.lib.humanize import calendar_days, days_ago_phrase


def _suggestion(client: Client) -> str:
    if client.checkin_consent == CheckinConsent.UNKNOWN:
        return "Ask whether they would like you to check in now and then, and how."
    if client.status == ClientStatus.PAUSED:
        return "They are paused but welcome a gentle note: no pressure, just that you are there."
    if client.checkin_channel != CheckinChannel.ANY:
        return f"They prefer: {client.get_checkin_channel_display().lower()}."
    return ""


class Checkins(TodaySection):
    key = Section.CHECKIN
    title = "Check-ins due"
    explanation = "Past their keep-in-touch rhythm, counted from the last contact either way."
    empty = "Everyone has heard from you within their rhythm."

    def item(self, row: Client, when: Moment) -> Item:
        last = (
            "no contact yet"
            if row.last_contact_at is None
            else "last contact "
            + days_ago_phrase(calendar_days(row.last_contact_at, when.now, when.practice.zone))
        )
        return Item(
            Section.CHECKIN,
            row.pk,
            row,
            headline=f"{row.display_name}: {last}",
            detail=f"Your rhythm with them is every {row.rhythm} days.",
            badge="ask first" if row.checkin_consent == CheckinConsent.UNKNOWN else "",
            suggestion=_suggestion(row),
        )
