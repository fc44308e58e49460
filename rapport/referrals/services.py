"""Writes for partners and referrals: every way in (the pages, the API, moving in) keeps the
rules here. A referral is noted on the client's timeline (a note, which is not contact), and
its follow-up is what Today asks about."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from rapport.cases.models import Case
from rapport.clients.models import Client
from rapport.clients.signals import clients_changed
from rapport.messaging.services import Approved, message_approve
from rapport.practices.models import Member, Practice
from rapport.referrals.models import MAX_FOLLOW_UP_DAYS, Outcome, Partner, Referral
from rapport.timeline.models import InteractionKind
from rapport.timeline.services import interaction_create

NAME_A_SPECIALTY = "Name at least one thing they are good at."
PARTNER_FIELDS = ("name", "specialties", "area", "email", "introductions", "notes")


def _partner_clean(partner: Partner) -> Partner:
    for name in PARTNER_FIELDS:
        setattr(partner, name, str(getattr(partner, name)).strip())
    if not partner.specialty_list:
        raise ValidationError({"specialties": NAME_A_SPECIALTY})
    partner.full_clean()
    return partner


def partner_create(*, practice: Practice, **fields: str) -> Partner:
    partner = _partner_clean(Partner(practice=practice, **fields))
    partner.save()
    return partner


def partner_update(*, partner: Partner, **fields: str) -> Partner:
    for name, value in fields.items():
        setattr(partner, name, value)
    _partner_clean(partner).save()
    return partner


@transaction.atomic
def partner_delete(*, partner: Partner) -> None:
    """The partner goes with their referrals; what Today asked about those clients is made
    again (a cascade sends no per-client signal the attention table would hear)."""
    client_ids = sorted(set(partner.referrals.values_list("client_id", flat=True)))
    partner.delete()
    if client_ids:
        clients_changed.send(sender=Partner, practice=partner.practice, client_ids=client_ids)


def _days(days: int) -> int:
    if not 1 <= days <= MAX_FOLLOW_UP_DAYS:
        raise ValidationError({"follow_up_days": f"Ask after 1 to {MAX_FOLLOW_UP_DAYS} days."})
    return days


@transaction.atomic
def referral_create(
    *,
    client: Client,
    partner: Partner,
    member: Member | None,
    case: Case | None = None,
    need: str = "",
    summary_shared: bool = False,
    follow_up_days: int = 7,
) -> Referral:
    """Records the referral, and the client's agreement to share the case summary (by whom,
    when), and notes it on the client's timeline."""
    if partner.practice_id != client.practice_id:
        raise ValidationError({"partner": "Choose one of this practice's partners."})
    if case is not None and case.client_id != client.pk:
        raise ValidationError({"case": "Choose one of this client's cases."})
    if summary_shared and case is None:
        raise ValidationError(
            {"summary_shared": "There is no case to share: refer from a case to share its summary."}
        )
    now = timezone.now()
    referral = Referral(
        practice_id=client.practice_id,
        client=client,
        partner=partner,
        case=case,
        need=need.strip(),
        summary_shared=summary_shared,
        consent_by=member if summary_shared else None,
        consent_at=now if summary_shared else None,
        referred_by=member,
        referred_at=now,
        follow_up_days=_days(follow_up_days),
        follow_up_at=now + timedelta(days=follow_up_days),
    )
    referral.full_clean()
    referral.save()
    shared = (
        " The case summary is shared, with the client's agreement."
        if summary_shared
        else " No case summary shared."
    )
    interaction_create(
        client=client,
        kind=InteractionKind.NOTE,
        summary=f"Referred to {partner.name}"
        + (f": “{referral.need}”." if referral.need else ".")
        + shared,
        created_by=member,
    )
    return referral


@transaction.atomic
def referral_outcome_record(
    *, referral: Referral, outcome: str, note: str = "", member: Member | None = None
) -> Referral:
    """How it went. "No contact yet" asks again after the same number of days; the others
    end the follow-up."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Choose helped, not a fit, or no contact yet."})
    now = timezone.now()
    referral.outcome, referral.outcome_note, referral.outcome_at = outcome, note.strip(), now
    referral.follow_up_at = (
        now + timedelta(days=referral.follow_up_days) if outcome == Outcome.NO_CONTACT else None
    )
    referral.full_clean()
    referral.save(update_fields=["outcome", "outcome_note", "outcome_at", "follow_up_at"])
    said = Outcome(outcome).label.lower()
    interaction_create(
        client=referral.client,
        kind=InteractionKind.NOTE,
        summary=f"Referral to {referral.partner.name}: {said}."
        + (f" {referral.outcome_note}" if referral.outcome_note else ""),
        created_by=member,
    )
    return referral


@transaction.atomic
def introduction_approve(
    *,
    referral: Referral,
    member: Member,
    channel: str,
    subject: str,
    body: str,
    to_address: str = "",
    essential: bool = False,
) -> Approved:
    """The provider approved the introduction: one email to the client and the partner."""
    partner = referral.partner
    if not partner.email:
        raise ValidationError(f"{partner.name} has no email: copy the introduction instead.")
    approved = message_approve(
        client=referral.client,
        member=member,
        channel=channel,
        subject=subject,
        body=body,
        to_address=to_address,
        essential=essential,
        cc_address=partner.email,
        cc_name=partner.name,
    )
    referral.interaction = approved.interaction
    referral.save(update_fields=["interaction"])
    return approved


@transaction.atomic
def introduction_keep(*, referral: Referral, text: str) -> Referral:
    """The introduction written for copying by hand, kept on the referral."""
    referral.introduction = text.strip()
    referral.save(update_fields=["introduction"])
    return referral
