"""API tokens: one per script or integration, belonging to a member, revocable."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils import timezone

from rapport.practices.models import Member, PracticeOwned, PracticeQuerySet

PREFIX = "rap_"


def token_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> str:
    return PREFIX + secrets.token_urlsafe(32)


class ApiToken(PracticeOwned):
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What uses it, e.g. “Zapier” or “backup”.")
    # Only a hash is stored: the key is shown once, when it is made.
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(max_length=12, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PracticeQuerySet["ApiToken"].as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
