"""Fetching a practice's objects for a view: anything else is a 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from rapport.clients.models import Client
from rapport.practices.models import Practice


def client_for(practice: Practice, client_id: int) -> Client:
    client = get_object_or_404(Client.objects.for_practice(practice), pk=client_id)
    client.practice = practice  # already loaded: saves a query wherever the page needs it
    return client
