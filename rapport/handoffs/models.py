"""Handoffs: a client, or one of their cases, handed from one member of the practice to
another, with a note that carries what the client should never have to tell again.

The new member sees the note on Today and at the top of the client's page until they say
"Got it" (`acknowledged_at`).
"""

from __future__ import annotations

from typing import Self

from django.db import models
from django.utils import timezone

from rapport.cases.models import Case
from rapport.clients.models import Client
from rapport.lib.dates import within_years
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet
from rapport.timeline.models import Interaction, Promise

# The note's fields, in the order the note reads: (field name, the heading it is shown under).
NOTE_PARTS = (
    ("told_us", "What they told us"),
    ("tried", "What was tried"),
    ("next_steps", "What is next"),
    ("avoid", "What to avoid"),
    ("contact_how", "How they like to be contacted"),
)


class HandoffQuerySet(PracticeQuerySet["Handoff"]):
    def pending(self) -> Self:
        """Not yet acknowledged by the member they were handed to."""
        return self.filter(acknowledged_at__isnull=True, to_member__isnull=False)

    def pending_for(self, member: Member) -> Self:
        return self.pending().filter(to_member=member)


class Handoff(PracticeOwned):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="handoffs")
    # Only this case handed over; None for the whole client. A case removed later leaves
    # the note as one about the client.
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="handoffs"
    )
    from_member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    to_member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    # Their names as they were: the note still says who, once a member is removed.
    from_name = models.CharField(max_length=150, editable=False)
    to_name = models.CharField(max_length=150, editable=False)
    told_us = models.TextField("what the client told us", max_length=3000, blank=True)
    tried = models.TextField("what was tried", max_length=3000, blank=True)
    next_steps = models.TextField("what is next", max_length=3000, blank=True)
    avoid = models.TextField("what to avoid", max_length=3000, blank=True)
    contact_how = models.TextField("how they like to be contacted", max_length=1000, blank=True)
    call_on = models.DateField(
        "a call promised for",
        null=True,
        blank=True,
        validators=[within_years],
        help_text="If you told them the colleague will call, the day: it becomes a promise.",
    )
    # The note on the client's timeline, the promise of a call, and the message that
    # introduced the colleague, once approved.
    noted_in = models.ForeignKey(
        Interaction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    promise = models.ForeignKey(
        Promise, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    introduction = models.ForeignKey(
        Interaction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    acknowledged_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = HandoffQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["client", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.client_id} to {self.to_name}"

    @property
    def is_pending(self) -> bool:
        return self.acknowledged_at is None

    @property
    def parts(self) -> list[tuple[str, str]]:
        """The note's filled parts, with their headings."""
        return [(label, getattr(self, name)) for name, label in NOTE_PARTS if getattr(self, name)]
