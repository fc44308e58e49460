"""Referrals to follow up: did the client reach the partner, and how did it go?"""

from __future__ import annotations

from rapport.attention.models import Section
from rapport.desk.today.section import Item, Moment, TodaySection, days_ago
from rapport.referrals.models import Outcome, Referral


class Referrals(TodaySection):
    key = Section.REFERRAL
    title = "Referrals to follow up"
    explanation = "Clients you referred to a partner, once the days you chose have passed."
    empty = "No referral is waiting to hear how it went."

    def item(self, row: Referral, when: Moment) -> Item:
        client, partner = row.client.display_name, row.partner.name
        detail = f"Referred {days_ago(row.referred_at, when)}"
        detail += f": “{row.need}”." if row.need else "."
        if row.outcome == Outcome.NO_CONTACT:
            detail += " No contact yet when you last asked."
        return Item(
            Section.REFERRAL,
            row.pk,
            row.client,
            headline=f"Did {client} reach {partner}? How did it go?",
            detail=detail,
            write=None,
        )
