"""Writes to handoffs: handing a client or a case to a colleague, introducing them to the
client through the composer, and the colleague's "Got it". Views, the API and the demo call
these, so every way in keeps the same rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.cases.models import Case
from rapport.clients.models import Client
from rapport.handoffs import wording
from rapport.handoffs.models import NOTE_PARTS, Handoff
from rapport.messaging.services import Approved, message_approve
from rapport.practices.models import Member
from rapport.timeline.models import InteractionKind
from rapport.timeline.services import PromiseInput, interaction_create

NOTE_FIELDS = tuple(name for name, _ in NOTE_PARTS)
NOT_TO_YOURSELF = "You can't hand a client to yourself: choose a colleague."


@dataclass(frozen=True)
class NoteInput:
    told_us: str = ""
    tried: str = ""
    next_steps: str = ""
    avoid: str = ""
    contact_how: str = ""


def member_name(member: Member) -> str:
    return member.user.name or member.user.email


def _refusal(client: Client, case: Case | None, by: Member, to: Member) -> dict[str, str]:
    """Why this member can't be handed this client or case, or nothing."""
    if to.practice_id != client.practice_id or by.practice_id != client.practice_id:
        return {"to_member": "Choose a member of this practice."}
    if not to.user.is_active:
        return {
            "to_member": f"{member_name(to)} has left the practice: choose someone who is here."
        }
    if to.pk == by.pk:
        return {"to_member": NOT_TO_YOURSELF}
    if case is not None and case.client_id != client.pk:
        return {"case": "Choose one of this client's cases."}
    if case is None and client.looked_after_by_id == to.pk:
        return {"to_member": f"{member_name(to)} already looks after {client.display_name}."}
    return {}


@transaction.atomic
def handoff_create(
    *,
    client: Client,
    by: Member,
    to: Member,
    note: NoteInput,
    case: Case | None = None,
    call_on: date | None = None,
) -> Handoff:
    """Hands the client (or the case) to `to`: the note, a line on the timeline, a promise
    if a call was promised, and for the client, who looks after them now."""
    if problems := _refusal(client, case, by, to):
        raise ValidationError(problems)
    if call_on is not None and call_on < timezone.localdate(timezone=client.practice.zone):
        raise ValidationError({"call_on": "That day has passed: give the day the call will be."})
    handoff = Handoff(
        practice_id=client.practice_id,
        client=client,
        case=case,
        from_member=by,
        to_member=to,
        from_name=member_name(by),
        to_name=member_name(to),
        call_on=call_on,
        **{name: getattr(note, name).strip() for name in NOTE_FIELDS},
    )
    handoff.full_clean()
    promises = []
    if call_on is not None:
        text = wording.call_promise(to_name=handoff.to_name, client_name=client.display_name)
        promises.append(PromiseInput(text, call_on))
    handoff.noted_in = interaction_create(
        client=client,
        kind=InteractionKind.NOTE,
        summary=wording.timeline_note(
            to_name=handoff.to_name,
            from_name=handoff.from_name,
            case_problem=case.problem if case is not None else "",
        ),
        promises=promises,
        created_by=by,
    )
    handoff.promise = handoff.noted_in.promises.first()
    if case is None:
        client.looked_after_by = to
        client.save(update_fields=["looked_after_by"])
    handoff.save()
    return handoff


@transaction.atomic
def handoff_acknowledge(*, handoff: Handoff, member: Member) -> Handoff:
    """The colleague read the note: it leaves their Today and the top of the client's page."""
    if handoff.to_member_id != member.pk:
        raise ValidationError(f"This handoff is for {handoff.to_name}: only they can say Got it.")
    if handoff.acknowledged_at is None:
        handoff.acknowledged_at = timezone.now()
        handoff.save(update_fields=["acknowledged_at"])
    return handoff


@transaction.atomic
def handoff_introduce(
    *,
    handoff: Handoff,
    member: Member,
    channel: str,
    subject: str,
    body: str,
    to_address: str = "",
    essential: bool = False,
) -> Approved:
    """The provider approved these words introducing the colleague: sent (or noted) as any
    message, and kept with the handoff."""
    approved = message_approve(
        client=handoff.client,
        member=member,
        channel=channel,
        subject=subject,
        body=body,
        to_address=to_address,
        essential=essential,
    )
    handoff.introduction = approved.interaction
    handoff.save(update_fields=["introduction"])
    return approved


def introduction_draft(*, handoff: Handoff) -> tuple[str, str]:
    client = handoff.client
    return wording.introduction(
        client_name=client.display_name,
        to_name=handoff.to_name,
        from_name=handoff.from_name,
        call_on=handoff.call_on,
        today=timezone.localdate(timezone=client.practice.zone),
        case_problem=handoff.case.problem if handoff.case is not None else "",
    )
