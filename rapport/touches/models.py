"""Personal touches: the small, sincere gestures around the service, planned and remembered."""

from __future__ import annotations

from decimal import Decimal
from typing import Self

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from rapport.clients.models import Client, Closeness, Fact
from rapport.lib.dates import within_years
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet
from rapport.timeline.models import Interaction, InteractionKind

MAX_COST = Decimal("10000")
CLOSENESS_RANK = {Closeness.NEW: 0, Closeness.REGULAR: 1, Closeness.CLOSE: 2}


class Behaviour(models.TextChoices):
    """What the essays say keeps a client: the mirror shows which a provider practises."""

    INTEREST = "interest", "Genuine interest in their preferences"
    COMPLIMENT = "compliment", "Specific compliments"
    KNOWLEDGE = "knowledge", "Knowledge shared beyond the job"
    ENTHUSIASM = "enthusiasm", "Enthusiasm"
    HUMOUR = "humour", "Appropriate humour"
    SURPRISE = "surprise", "Pleasant surprises"
    ABOVE_BEYOND = "above_beyond", "Going above and beyond"


class TouchKind(PracticeOwned):
    """A kind of gesture, with the rules that keep it appropriate: data the practice adjusts."""

    name = models.CharField(max_length=80)
    # Set for the starting kinds, so ideas can find "the gift kind" whatever it is now called.
    key = models.CharField(max_length=20, blank=True, editable=False)
    behaviour = models.CharField(max_length=20, choices=Behaviour.choices)
    is_gift = models.BooleanField(
        "a gift",
        default=False,
        help_text="Never suggested or planned for clients who accept no gifts.",
    )
    physical = models.BooleanField(
        "involves physical contact",
        default=False,
        help_text="Never suggested or planned for clients who asked for no physical contact.",
    )
    min_closeness = models.CharField(
        "suggest from",
        max_length=10,
        choices=Closeness.choices,
        default=Closeness.NEW,
        help_text="Ideas of this kind are only suggested for clients at least this close.",
    )
    shows_as = models.CharField(
        "on the timeline as",
        max_length=10,
        choices=InteractionKind.choices,
        default=InteractionKind.NOTE,
        help_text="A call or a meeting counts as contact; a note does not.",
    )

    objects = PracticeQuerySet["TouchKind"].as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "practice", Lower("name"), name="touch_kind_name_unique_per_practice"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def suits(self, client: Client) -> bool:
        """Close enough for this gesture to be suggested."""
        return (
            CLOSENESS_RANK[Closeness(client.closeness)]
            >= CLOSENESS_RANK[Closeness(self.min_closeness)]
        )

    def crosses(self, client: Client) -> str:
        """The boundary this kind would cross for the client, in words, or ""."""
        if self.is_gift and client.no_gifts:
            return f"{client.display_name} accepts no gifts"
        if self.physical and client.no_physical_contact:
            return f"{client.display_name} asked for no physical contact"
        return ""


class TouchQuerySet(PracticeQuerySet["Touch"]):
    def planned(self) -> Self:
        return self.filter(done_at__isnull=True)

    def done(self) -> Self:
        return self.filter(done_at__isnull=False)


class Touch(PracticeOwned):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="touches")
    kind = models.ForeignKey(TouchKind, on_delete=models.PROTECT, related_name="touches")
    planned_on = models.DateField("when", validators=[within_years])
    note = models.TextField("what and why", max_length=2000)
    cost = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(MAX_COST)],
        help_text="Leave empty when it cost nothing.",
    )
    done_at = models.DateTimeField(null=True, blank=True, editable=False)
    response = models.TextField("how they responded", blank=True, max_length=2000)
    # The fact an idea came from; its words are kept too, so a deleted fact still explains it.
    source_fact = models.ForeignKey(
        Fact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    source_text = models.CharField(max_length=500, blank=True, editable=False)
    interaction = models.OneToOneField(
        Interaction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="touch",
        editable=False,
    )
    created_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = TouchQuerySet.as_manager()

    class Meta:
        ordering = ["-planned_on", "-id"]
        indexes = [
            models.Index(fields=["client", "planned_on"]),
            models.Index(
                fields=["practice", "planned_on"],
                condition=models.Q(done_at__isnull=True),
                name="touch_planned",
            ),
            models.Index(fields=["practice", "done_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.client}"

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
