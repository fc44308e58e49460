"""A link in a message to a client: for one purpose, one client, and perhaps one object."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from rapport.clients.models import Client
from rapport.practices.models import PracticeOwned, PracticeQuerySet


class LinkPurpose(models.TextChoices):
    RESCHEDULE = "reschedule", "Keep or move an appointment"
    UNSUBSCRIBE = "unsubscribe", "Stop messages other than about appointments"
    FEEDBACK = "feedback", "Answer a feedback request"


class ClientLink(PracticeOwned):
    # The SHA-256 of the token, never the token: the database alone cannot open a link.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="links")
    purpose = models.CharField(max_length=12, choices=LinkPurpose.choices)
    # What the link acts on (an appointment), and that object's nonce when the link was made:
    # the app that owns the object changes its nonce to end every earlier link at once.
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target_nonce = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Empty: never expires.")

    objects = PracticeQuerySet["ClientLink"].as_manager()

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} link for client {self.client_id}"
