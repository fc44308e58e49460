"""Keeps each client's health reading current as their data changes."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from rapport.attention.services import reading_refresh
from rapport.clients.models import Client
from rapport.clients.signals import client_changed


@receiver(client_changed)
def client_reading_refresh(sender: Any, client: Client, **kwargs: Any) -> None:
    reading_refresh(client=client)
