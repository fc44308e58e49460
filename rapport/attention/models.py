"""What the attention engine keeps: health readings, what was done on Today, and daily counts."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone

from rapport.attention.health import AT_RISK, COOLING, STEADY, THRIVING
from rapport.clients.models import Client
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet


class HealthWord(models.TextChoices):
    THRIVING_ = THRIVING, "Thriving"
    STEADY_ = STEADY, "Steady"
    COOLING_ = COOLING, "Cooling"
    AT_RISK_ = AT_RISK, "At risk"


class ClientReading(PracticeOwned):
    """A client's health: computed from the signals, with the provider's override beside it."""

    client = models.OneToOneField(
        Client, on_delete=models.CASCADE, primary_key=True, related_name="reading"
    )
    score = models.PositiveSmallIntegerField()
    word = models.CharField(max_length=10, choices=HealthWord.choices)
    reasons = models.JSONField(default=list)
    fading = models.BooleanField(default=False)
    fading_reasons = models.JSONField(default=list)
    computed_at = models.DateTimeField(default=timezone.now)
    override_word = models.CharField(
        "how you see it", max_length=10, choices=HealthWord.choices, blank=True
    )
    override_note = models.CharField("why", max_length=300, blank=True)
    override_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    override_at = models.DateTimeField(null=True, blank=True)

    objects = PracticeQuerySet["ClientReading"].as_manager()

    class Meta:
        indexes = [
            models.Index(
                fields=["practice", "score"], condition=Q(fading=True), name="reading_fading"
            )
        ]

    def __str__(self) -> str:
        return f"{self.client_id}: {self.shown_word}"

    @property
    def shown_word(self) -> str:
        return self.override_word or self.word

    @property
    def shown_label(self) -> str:
        return HealthWord(self.shown_word).label


class Section(models.TextChoices):
    UNSENT = "unsent", "Messages that did not go"
    REPLY = "reply", "Replies owed"
    PROMISE = "promise", "Promises due"
    CHECKIN = "checkin", "Check-ins due"
    FADING = "fading", "Fading attention"
    DATE = "date", "Dates ahead"
    CARE = "care", "A gentle check"
    CARE_TALK = "care_talk", "A gentle check after a hard conversation"
    RECONFIRM = "reconfirm", "Facts to reconfirm"
    REMINDER = "reminder", "Reminders to send"
    CHANGED = "changed", "Appointments clients changed"
    FOLLOW_UP = "follow_up", "Follow-ups after appointments"
    APPOINTMENTS = "appointments", "Appointments"
    TOUCH = "touch", "Personal touches planned"
    REFERRAL = "referral", "Referrals to follow up"
    FEEDBACK = "feedback", "Feedback to answer"
    COMING_UP = "coming_up", "Coming up"  # the member's appointments: shown, never acted on
    HANDOFF = "handoff", "Handed to you"  # one member's, until they say "Got it"


class ActionKind(models.TextChoices):
    DONE = "done", "Done"
    SNOOZED = "snoozed", "Snoozed"
    DISMISSED = "dismissed", "Dismissed"


FOREVER = datetime.date(9999, 12, 31)
# An undone action hides nothing: it "shows again" from the first day there is.
UNDONE = datetime.date(1, 1, 1)


class AgendaAction(PracticeOwned):
    """What a member did with an item on Today. It hides the item until `hidden_until`,
    but only for the cycle it was taken in: a new message or a new due date brings it back."""

    member = models.ForeignKey(Member, null=True, on_delete=models.SET_NULL, related_name="+")
    section = models.CharField(max_length=12, choices=Section.choices)
    object_id = models.BigIntegerField()
    action = models.CharField(max_length=10, choices=ActionKind.choices)
    taken_at = models.DateTimeField(default=timezone.now)
    hidden_until = models.DateField(help_text="The item shows again from this day.")
    # What the action changed in the data besides hiding the item, and what was there
    # before, so that Undo can put it back ("a promise kept" reopens it).
    changes = models.JSONField(default=dict, blank=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PracticeQuerySet["AgendaAction"].as_manager()

    class Meta:
        ordering = ["-taken_at"]
        indexes = [models.Index(fields=["practice", "section", "object_id", "hidden_until"])]

    def __str__(self) -> str:
        return f"{self.section} {self.object_id}: {self.action}"


class AgendaSnapshot(PracticeOwned):
    """How many items each section of Today held on a day, for the overview."""

    day = models.DateField()
    counts = models.JSONField(default=dict)

    objects = PracticeQuerySet["AgendaSnapshot"].as_manager()

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint("practice", "day", name="one_snapshot_per_practice_day")
        ]

    def __str__(self) -> str:
        return f"{self.day}: {self.counts}"

    def count(self, section: str) -> int:
        value: Any = self.counts.get(section, 0)
        return int(value)


class AttentionItem(PracticeOwned):
    """One reason a client may need the provider: a row per (section, object), kept by
    `attention.items` in the transaction of every write that changes it, so Today is one
    indexed read. A reason that time alone brings is stored with the moment it does
    (`due_at`) and, when it passes, the moment it stops (`until_at`), or for a yearly date,
    its day of the year; what members did on it is folded into `hidden_until`."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    # Whose it is, for what concerns one member (their appointments coming up).
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    section = models.CharField(max_length=12, choices=Section.choices)
    object_id = models.BigIntegerField()
    shown_in = models.CharField(max_length=12, choices=Section.choices)  # Today's section
    # Today's order within the section: rank, then sort_at, then sort_name, then object_id.
    rank = models.IntegerField(default=0)
    sort_at = models.DateTimeField()
    sort_name = models.CharField(max_length=200, blank=True)
    due_at = models.DateTimeField()
    until_at = models.DateTimeField(null=True, blank=True)
    # Only actions taken since this moment hide the item (a new message restarts the cycle).
    # For a yearly date, which has no end: when the last action on it was taken.
    cycle_at = models.DateTimeField(null=True, blank=True)
    hidden_until = models.DateField(default=UNDONE)
    # A yearly date's month * 100 + day: it shows in the days before, every year, so nothing
    # has to move it on when this year's has passed.
    month_day = models.PositiveSmallIntegerField(null=True, blank=True)
    # The fields of the object Today words the item from (see desk.today.stored).
    shown = models.JSONField(default=dict, encoder=DjangoJSONEncoder)

    objects = PracticeQuerySet["AttentionItem"].as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                "practice", "section", "object_id", name="one_attention_item_per_reason"
            )
        ]
        indexes = [
            # Today: each section's items in order, from the practice.
            models.Index(
                fields=["practice", "shown_in", "rank", "sort_at", "sort_name", "object_id"],
                name="attention_item_today",
            ),
            models.Index(
                fields=["practice", "month_day"],
                condition=Q(section="date"),
                name="attention_item_dates",
            ),
            models.Index(
                fields=["practice", "member", "sort_at"],
                condition=Q(section="coming_up"),
                name="attention_item_coming_up",
            ),
            models.Index(fields=["client"], name="attention_item_client"),
        ]

    def __str__(self) -> str:
        return f"{self.section} {self.object_id}"
