"""What the client page shows of touches: ideas, what is planned, what was done, the mirror."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from rapport.clients.models import Client, Fact
from rapport.touches.models import Behaviour, Touch
from rapport.touches.services import client_ideas

DONE_SHOWN = 10


def touch_context(client: Client, facts: list[Fact] | None = None) -> dict[str, Any]:
    touches = list(Touch.objects.filter(client=client).select_related("kind"))
    done = [touch for touch in touches if touch.is_done]
    last: dict[str, date] = {}
    counts: dict[str, int] = {}
    for touch in done:
        behaviour = touch.kind.behaviour
        counts[behaviour] = counts.get(behaviour, 0) + 1
        day = timezone.localdate(touch.done_at, client.practice.zone) if touch.done_at else None
        if day and (behaviour not in last or day > last[behaviour]):
            last[behaviour] = day
    return {
        # Ideas are suggestions to reach out: none for a client who asked not to be checked on.
        "touch_ideas": client_ideas(client, facts=facts, touches=touches)
        if client.may_be_checked_on
        else [],
        "touches_planned": sorted(
            (touch for touch in touches if not touch.is_done), key=lambda touch: touch.planned_on
        ),
        "touches_done": done[:DONE_SHOWN],
        "touches_done_total": len(done),
        "behaviours": [
            (label, counts.get(value, 0), last.get(value)) for value, label in Behaviour.choices
        ],
    }
