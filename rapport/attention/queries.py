"""Reads of attention's data: who is fading."""

from __future__ import annotations

from django.db.models import QuerySet

from rapport.attention.models import ClientReading
from rapport.clients.models import may_be_checked_on
from rapport.practices.models import Practice


def fading_readings(practice: Practice) -> QuerySet[ClientReading]:
    """Clients Rapport may check on who are hearing from the provider far less than before,
    the most faded first."""
    return (
        ClientReading.objects.for_practice(practice)
        .filter(may_be_checked_on("client__"), fading=True, client__archived_at__isnull=True)
        .order_by("score", "pk")
    )
