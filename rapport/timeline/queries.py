"""Reads other pages make of the timeline: promises due, and hard conversations to follow."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import F, QuerySet

from rapport.clients.models import may_be_checked_on
from rapport.practices.models import Practice
from rapport.timeline.models import Interaction, Promise


def promises_due(practice: Practice, today: date) -> QuerySet[Promise]:
    """Open promises due by `today` (or late) to current clients, the earliest due first."""
    return (
        Promise.objects.for_practice(practice)
        .open()
        .filter(due_on__lte=today, client__archived_at__isnull=True)
        .order_by("due_on", "pk")
    )


def hard_conversations_had(
    practice: Practice, *, had_from: datetime, had_to: datetime, quiet_for: timedelta
) -> QuerySet[Interaction]:
    """Hard conversations in that window with clients Rapport may check on, who have not been
    in touch for `quiet_for` after it."""
    return (
        Interaction.objects.for_practice(practice)
        .filter(hard_conversation=True, occurred_at__gte=had_from, occurred_at__lte=had_to)
        .filter(
            may_be_checked_on("client__"),
            client__archived_at__isnull=True,
            client__last_contact_at__lt=F("occurred_at") + quiet_for,
        )
        .select_related("client")
    )
