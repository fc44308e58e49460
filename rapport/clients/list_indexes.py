"""The indexes the client list's orders read (rapport.clients.listing), in Client.Meta beside
the model's others: over current clients, in the list's order, whose exact reverse is the
other direction, so a page is read from the index rather than sorted."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q

from rapport.lib.indexes import NullsPlacedIndex

CURRENT = Q(archived_at__isnull=True)

LIST_ORDER_INDEXES = [
    models.Index(
        fields=["practice", "search_text", "id"], name="clients_by_folded_name", condition=CURRENT
    ),
    # Never in touch first, then the longest ago; read backwards, the most recent first.
    NullsPlacedIndex(
        F("practice"),
        F("last_contact_at").asc(nulls_first=True),
        F("id"),
        name="clients_by_last_contact",
        condition=CURRENT,
    ),
]
