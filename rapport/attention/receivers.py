"""Keeps each client's health reading current as their data changes, and counts again when
the practice's time zone moves its months and due days."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from rapport.attention.services import reading_refresh, readings_refresh
from rapport.clients.models import Client
from rapport.clients.signals import client_changed
from rapport.practices.models import Practice
from rapport.practices.signals import practice_time_zone_changed
from rapport.timeline.services import practice_history_refresh


@receiver(client_changed)
def client_reading_refresh(sender: Any, client: Client, **kwargs: Any) -> None:
    reading_refresh(client=client)


@receiver(practice_time_zone_changed)
def practice_recount(sender: Any, practice: Practice, **kwargs: Any) -> None:
    """The history first: the readings are made from its months."""
    practice_history_refresh(practice=practice)
    readings_refresh(practice=practice)
