"""The demo's handoff: Jo, who looked after Amara, hands her to Sam (the demo login) with a
note and a promised call, waiting for Sam's Got it on Today."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from django.utils import timezone

from rapport.clients.models import Client
from rapport.handoffs.prefill import note_prefill
from rapport.handoffs.services import handoff_create
from rapport.practices.models import Member, Practice

HANDED_OVER = "Amara Okonkwo-Bell"


def demo_handoffs(practice: Practice, *, sam: Member, jo: Member) -> None:
    amara = Client.objects.for_practice(practice).get(full_name=HANDED_OVER)
    amara.looked_after_by = jo
    amara.save(update_fields=["looked_after_by"])
    note = note_prefill(amara)
    handoff_create(
        client=amara,
        by=jo,
        to=sam,
        note=replace(
            note,
            told_us=(
                "Her team has doubled in a year and she feels she is the bottleneck. "
                + note.told_us
            ).strip(),
            next_steps="Agree the six sessions and a start date.\n" + note.next_steps,
            avoid="Long reading lists: she asked for one thing to try each week.",
        ),
        call_on=timezone.localdate(timezone=practice.zone) + timedelta(days=2),
    )
