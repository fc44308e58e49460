"""Appointments: who, with whom, when, and what actually happened."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta
from typing import Self

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from rapport.clients.models import Client
from rapport.lib.dates import within_years
from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet
from rapport.timeline.models import Interaction

MAX_LENGTH = timedelta(hours=12)
# A start within this much of the booked time counts as on time.
ON_TIME_GRACE = timedelta(minutes=5)
# "Running late" and "Starting now" make sense from this long before the start until the end.
NEAR_START = timedelta(minutes=60)


class AppointmentStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    NO_SHOW = "no_show", "Did not come"
    CANCELLED = "cancelled", "Cancelled"
    RESCHEDULED = "rescheduled", "Rescheduled"


# Appointments that still hold the member's time.
HOLDING_TIME = [AppointmentStatus.SCHEDULED, AppointmentStatus.IN_PROGRESS]
# Appointments that happened, or are happening: contact, with a meeting on the timeline.
MET = [AppointmentStatus.IN_PROGRESS, AppointmentStatus.COMPLETED]


class ClientChoice(models.TextChoices):
    NONE = "", "No choice"
    KEPT = "kept", "Kept the time"
    MOVED = "moved", "Chose a new time"
    # None of the offered times work: the provider finds others with them.
    OTHER = "other", "Asked for other times"


class AppointmentMessage(models.TextChoices):
    """What a message about an appointment tells the client. Approving a late notice or a
    reminder also records it on the appointment."""

    REMINDER = "reminder", "A reminder"
    LATE = "late", "Running late"
    CANCELLED = "cancelled", "It is cancelled"
    NOT_AT_MY_BEST = "not_at_my_best", "Not at my best today"


def new_nonce() -> str:
    return secrets.token_urlsafe(12)


def new_uid() -> str:
    return f"{uuid.uuid4()}@rapport"


class AppointmentQuerySet(PracticeQuerySet["Appointment"]):
    def holding_time(self) -> Self:
        return self.filter(status__in=HOLDING_TIME)

    def overlapping(self, starts_at: datetime, ends_at: datetime) -> Self:
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at).starting_after(
            starts_at - MAX_LENGTH
        )

    def starting_after(self, moment: datetime) -> Self:
        """A bound on the start, so an index on it is a range, not a scan of all history:
        no appointment is longer than MAX_LENGTH."""
        return self.filter(starts_at__gte=moment)


class Appointment(PracticeOwned):
    # The iCalendar UID: fixed at creation so calendars update the event instead of adding one.
    uid = models.CharField(max_length=255, default=new_uid, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="appointments")
    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="appointments", verbose_name="with"
    )
    starts_at = models.DateTimeField("starts", validators=[within_years])
    ends_at = models.DateTimeField("ends", validators=[within_years])
    place = models.CharField(max_length=200, blank=True, help_text="An address or a room.")
    video_link = models.URLField("video link", blank=True)
    notes = models.TextField(blank=True, help_text="Private: never shown to the client.")
    status = models.CharField(
        max_length=12, choices=AppointmentStatus.choices, default=AppointmentStatus.SCHEDULED
    )
    actual_start_at = models.DateTimeField("actually started", null=True, blank=True)
    late_minutes = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    late_notices = models.PositiveSmallIntegerField(default=0, editable=False)
    client_choice = models.CharField(
        max_length=5, choices=ClientChoice.choices, blank=True, default="", editable=False
    )
    client_choice_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The time the client moved away from, through their reschedule link.
    client_choice_from = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The emails that told them: taking one back (Undo, or deleting it from the timeline) takes
    # back what it recorded here.
    late_notice_message = models.OneToOneField(
        Interaction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    reminder_message = models.OneToOneField(
        Interaction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # The honest note of a day the provider was not at their best (rapport.appointments.honest_day).
    honest_note_message = models.OneToOneField(
        Interaction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # The meeting on the client's timeline while the appointment has started or happened.
    interaction = models.OneToOneField(
        Interaction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appointment",
        editable=False,
    )
    # What the client wrote with "none of these times work", as they wrote it (escaped on
    # every page; never inside a message without the provider reading it).
    client_message = models.CharField(max_length=500, blank=True, default="", editable=False)
    # Changes whenever the time changes or the client answers: older reschedule links stop.
    link_nonce = models.CharField(max_length=32, default=new_nonce, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # The UID of the event this was imported from, so importing again updates it.
    source_uid = models.CharField(max_length=255, blank=True, editable=False)
    created_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="appointment_ends_after_start"
            )
        ]
        indexes = [
            models.Index(fields=["practice", "member", "starts_at"]),
            models.Index(fields=["practice", "starts_at"]),
            models.Index(fields=["client", "starts_at"]),
            models.Index(fields=["practice", "client_choice_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.client} at {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def duration(self) -> timedelta:
        return self.ends_at - self.starts_at

    @property
    def is_open(self) -> bool:
        return self.status in HOLDING_TIME

    def is_near(self, now: datetime) -> bool:
        """From an hour before the start until the end: when running late or starting means
        something."""
        return self.starts_at - NEAR_START <= now < self.ends_at

    @property
    def delay(self) -> timedelta | None:
        if self.actual_start_at is None:
            return None
        return max(self.actual_start_at - self.starts_at, timedelta(0))

    @property
    def started_on_time(self) -> bool | None:
        delay = self.delay
        return None if delay is None else delay <= ON_TIME_GRACE


class CalendarUpload(PracticeOwned):
    """An .ics file between its preview and the provider's Import. Importing deletes it, and
    `calendar_uploads_prune` deletes the ones left behind after a day: people's calendars
    are not kept longer than the decision needs."""

    # Whose calendar it is: its events become this member's appointments, on their clock.
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=200)
    content = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = PracticeQuerySet["CalendarUpload"].as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename
