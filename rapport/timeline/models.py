"""One timeline per client: every call, meeting, message and note, and the promises made in them."""

from __future__ import annotations

from typing import Self

from django.db import models
from django.utils import timezone

from rapport.clients.models import Client
from rapport.lib.dates import within_years
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet
from rapport.timeline.summary import counts_as_contact


class InteractionKind(models.TextChoices):
    CALL = "call", "Call"
    MEETING = "meeting", "Meeting"
    VISIT = "visit", "Visit"
    EMAIL = "email", "Email"
    MESSAGE = "message", "Message"
    NOTE = "note", "Note"


class Direction(models.TextChoices):
    INBOUND = "inbound", "From the client"
    OUTBOUND = "outbound", "To the client"
    NONE = "none", "No direction"


class InteractionQuerySet(PracticeQuerySet["Interaction"]):
    def contacts(self) -> Self:
        """Real contact with the client, as `summary.counts_as_contact` defines it."""
        return self.exclude(kind=InteractionKind.NOTE).filter(delivered=True)


class Interaction(PracticeOwned):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(max_length=10, choices=InteractionKind.choices)
    direction = models.CharField(max_length=10, choices=Direction.choices, default=Direction.NONE)
    occurred_at = models.DateTimeField("when", default=timezone.now, validators=[within_years])
    summary = models.TextField(blank=True)
    client_words = models.TextField(
        "in their words", blank=True, help_text="What the client said, as they said it."
    )
    delivered = models.BooleanField(
        default=True,
        editable=False,
        help_text="False for an email Rapport has not delivered yet, or could not: "
        "it is not contact until it goes.",
    )
    hard_conversation = models.BooleanField(
        "a hard conversation",
        default=False,
        help_text="Today will suggest a gentle check on how they are, a week later.",
    )
    created_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = InteractionQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["client", "-occurred_at"]),
            models.Index(fields=["practice", "occurred_at"]),
            # Today looks for the few hard conversations of the last weeks among all history.
            models.Index(
                fields=["practice", "occurred_at"],
                condition=models.Q(hard_conversation=True),
                name="interaction_hard_talks",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} with {self.client}"

    @property
    def is_contact(self) -> bool:
        return counts_as_contact(self.kind, self.delivered)


class PromiseQuerySet(PracticeQuerySet["Promise"]):
    def open(self) -> Self:
        return self.filter(done_at__isnull=True)


class Promise(PracticeOwned):
    """Something the provider said they would do, with the day it is due."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="promises")
    interaction = models.ForeignKey(Interaction, on_delete=models.CASCADE, related_name="promises")
    text = models.CharField("what we promised", max_length=300)
    due_on = models.DateField("due", validators=[within_years])
    done_at = models.DateTimeField(null=True, blank=True)

    objects = PromiseQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["practice", "done_at", "due_on"])]

    def __str__(self) -> str:
        return self.text


class ContactMonth(PracticeOwned):
    """Contact with one client in one month, kept current by the timeline services.

    Fading attention and the client's chart read these few rows instead of the history.
    """

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="contact_months")
    month = models.DateField(help_text="The first day of the month, in the practice's time zone.")
    from_client = models.PositiveIntegerField(default=0)
    from_us = models.PositiveIntegerField(default=0)
    together = models.PositiveIntegerField(default=0)
    replies = models.PositiveIntegerField(default=0)
    reply_hours = models.FloatField(default=0)

    objects = PracticeQuerySet["ContactMonth"].as_manager()

    class Meta:
        ordering = ["month"]
        constraints = [
            models.UniqueConstraint("client", "month", name="one_contact_month_per_client")
        ]

    def __str__(self) -> str:
        return f"{self.client_id} {self.month:%Y-%m}"

    @property
    def contacts(self) -> int:
        return self.from_client + self.from_us + self.together
