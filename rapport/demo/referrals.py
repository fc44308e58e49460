"""The demo's trusted partners: one who takes introductions by email, one by hand, a referral
that helped, and one waiting for Today to ask how it went."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from rapport.clients.models import Client
from rapport.practices.models import Member, Practice
from rapport.referrals.models import Outcome, Partner, Referral
from rapport.referrals.services import partner_create
from rapport.timeline.models import InteractionKind
from rapport.timeline.services import interaction_create


def _referral(
    client: Client, partner: Partner, member: Member, *, days_ago: int, need: str, **more: object
) -> None:
    """A referral made `days_ago`, noted on the timeline when it was made."""
    referred_at = timezone.now() - timedelta(days=days_ago)
    Referral(
        practice=client.practice, client=client, partner=partner, need=need,
        referred_by=member, referred_at=referred_at, **more,
    ).save()  # fmt: skip
    interaction_create(
        client=client, kind=InteractionKind.NOTE, occurred_at=referred_at, created_by=member,
        summary=f"Referred to {partner.name}: “{need}”. No case summary shared.",
    )  # fmt: skip


def demo_referrals(practice: Practice, member: Member) -> None:
    ahmed = partner_create(
        practice=practice, name="Dr Amira Ahmed", specialties="sleep, insomnia, anxiety",
        area="Harbour Lane surgery", email="amira.ahmed@example.org",
        introductions="An email to both, with a short summary if the client agrees",
        notes="Warm and practical; a waiting list of two weeks.",
    )  # fmt: skip
    okafor = partner_create(
        practice=practice, name="Ruth Okafor", specialties="debt, money advice, benefits",
        area="Citizens' advice, Quay Street",
        introductions="No email: the client phones her, with our letter in hand",
        notes="Very good with people who feel ashamed about money.",
    )  # fmt: skip
    clients = Client.objects.for_practice(practice)
    rahul = clients.get(preferred_name="Rahul")
    hana = clients.get(preferred_name="Hana")
    _referral(
        rahul, ahmed, member, days_ago=9, need="sleep since the new job",
        follow_up_at=timezone.now() - timedelta(days=2),
    )  # fmt: skip
    _referral(
        hana, okafor, member, days_ago=40, need="money worries", outcome=Outcome.HELPED,
        outcome_note="A payment plan in place within the month.",
        outcome_at=timezone.now() - timedelta(days=30),
    )  # fmt: skip
