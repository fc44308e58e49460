"""Reads other pages make of messaging: the approved messages that did not go."""

from __future__ import annotations

from rapport.messaging.models import OutboxMessage, OutboxQuerySet
from rapport.practices.models import Practice


def unsent(practice: Practice) -> OutboxQuerySet:
    """Approved emails the mail server refused, or that could not be confirmed, oldest first."""
    return (
        OutboxMessage.objects.for_practice(practice)
        .needing_attention()
        .order_by("created_at", "pk")
    )
