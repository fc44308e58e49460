"""Reads other pages make of touches: the gestures coming up."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet

from rapport.clients.models import may_be_checked_on
from rapport.practices.models import Practice
from rapport.touches.models import Touch


def touches_planned_until(practice: Practice, last_day: date) -> QuerySet[Touch]:
    """Planned touches due by `last_day` (or late) for clients Rapport may check on, the
    earliest first. A boundary recorded after planning wins: such a touch is never put
    forward."""
    return (
        Touch.objects.for_practice(practice)
        .planned()
        .filter(planned_on__lte=last_day)
        .filter(may_be_checked_on("client__"), client__archived_at__isnull=True)
        .exclude(kind__is_gift=True, client__no_gifts=True)
        .exclude(kind__physical=True, client__no_physical_contact=True)
        .order_by("planned_on", "pk")
    )
