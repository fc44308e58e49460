"""What the client page and a case's page show of handoffs: who looks after the client now,
the notes handed to the member reading it that wait for their "Got it", and the past ones."""

from __future__ import annotations

from typing import Any

from rapport.cases.models import Case
from rapport.clients.models import Client
from rapport.handoffs.models import Handoff
from rapport.practices.models import Member


def handoff_context(client: Client, member: Member) -> dict[str, Any]:
    handoffs = list(Handoff.objects.filter(client=client).select_related("case"))
    keeper = None
    if client.looked_after_by_id is not None:
        keeper = Member.objects.select_related("user").filter(pk=client.looked_after_by_id).first()
    return {
        "looked_after_by": keeper,
        "handoffs_for_me": [h for h in handoffs if h.is_pending and h.to_member_id == member.pk],
    }


def case_handoff_context(case: Case, member: Member) -> dict[str, Any]:
    handoffs = list(Handoff.objects.filter(case=case))
    return {
        "case_handoffs": handoffs,
        "handoffs_for_me": [h for h in handoffs if h.is_pending and h.to_member_id == member.pk],
    }
