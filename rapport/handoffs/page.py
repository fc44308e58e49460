"""What the client page shows of handoffs: who looks after the client now, and the notes
handed to the member reading it that wait for their "Got it". (A case's page reads its
handoffs through the case, in its template: the cases floor knows nothing of handoffs.)"""

from __future__ import annotations

from typing import Any

from rapport.clients.models import Client
from rapport.handoffs.models import Handoff
from rapport.practices.models import Member


def handoff_context(client: Client, member: Member) -> dict[str, Any]:
    """One read for the notes waiting for this member; one more only when someone else
    looks after the client."""
    keeper: Member | None = member
    if client.looked_after_by_id != member.pk:
        keeper = None
        if client.looked_after_by_id is not None:
            keeper = (
                Member.objects.select_related("user").filter(pk=client.looked_after_by_id).first()
            )
    waiting = Handoff.objects.pending_for(member).filter(client=client).select_related("case")
    return {"looked_after_by": keeper, "handoffs_for_me": list(waiting)}
