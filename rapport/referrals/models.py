"""Trusted partners (the outside people a practice refers to) and the referrals made to them.

A partner is not a client: no contact points, no timeline, no health. A referral belongs to
the client it was made for; Today asks how it went once its follow-up day has come.
"""

from __future__ import annotations

from typing import Self

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from rapport.cases.models import Case
from rapport.clients.models import Client
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet
from rapport.timeline.models import Interaction

FOLLOW_UP_DAYS = 7
MAX_FOLLOW_UP_DAYS = 365


class Partner(PracticeOwned):
    name = models.CharField(max_length=200)
    specialties = models.CharField(
        max_length=500, help_text="What they are good at, separated by commas: “sleep, anxiety”."
    )
    area = models.CharField(
        "where they work", max_length=200, blank=True, help_text="A town, a district, or “online”."
    )
    email = models.EmailField(
        blank=True, help_text="Leave empty if they take introductions another way."
    )
    introductions = models.CharField(
        "how they like introductions",
        max_length=300,
        blank=True,
        help_text="E.g. “an email to both, with a short summary”, “the client calls them”.",
    )
    notes = models.TextField(
        "notes on fit",
        max_length=2000,
        blank=True,
        help_text="Who they suit, and who they do not.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = PracticeQuerySet["Partner"].as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def specialty_list(self) -> list[str]:
        return [part.strip() for part in self.specialties.split(",") if part.strip()]


class Outcome(models.TextChoices):
    HELPED = "helped", "Helped"
    NOT_A_FIT = "not_a_fit", "Not a fit"
    NO_CONTACT = "no_contact", "No contact yet"


class ReferralQuerySet(PracticeQuerySet["Referral"]):
    def awaiting_follow_up(self) -> Self:
        """Referrals Today will ask about, once their follow-up moment has come."""
        return self.filter(follow_up_at__isnull=False)


class Referral(PracticeOwned):
    """A warm introduction of a client to a partner, and how it went."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="referrals")
    # The referrals go with their partner: the notes on the clients' timelines stay.
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="referrals")
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    need = models.CharField("what for", max_length=300, blank=True)
    # The client's agreement to share the case summary with the partner: who recorded it, when.
    summary_shared = models.BooleanField(default=False)
    consent_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_at = models.DateTimeField(null=True, blank=True)
    referred_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    referred_at = models.DateTimeField(default=timezone.now)
    follow_up_days = models.PositiveSmallIntegerField(
        "ask how it went after (days)",
        default=FOLLOW_UP_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_FOLLOW_UP_DAYS)],
    )
    # When Today asks; None once the outcome is known.
    follow_up_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    outcome_note = models.CharField("how it went", max_length=500, blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)
    # The introduction written for copying by hand, when the partner has no email.
    introduction = models.TextField(blank=True)
    # The introduction approved in the composer, when it went by email.
    interaction = models.ForeignKey(
        Interaction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-referred_at", "-id"]
        indexes = [models.Index(fields=["partner", "outcome"])]

    def __str__(self) -> str:
        return f"{self.client_id} to {self.partner_id}"
