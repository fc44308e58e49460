"""What the client page shows: the person first, then their timeline.

Shared by the page itself and by the htmx fragments that refresh parts of it,
with a fixed number of queries however long the history is.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch

from rapport.clients.models import Client, Fact, FactCategory
from rapport.timeline.models import Interaction, Promise

TIMELINE_PAGE_SIZE = 25


def profile_context(client: Client) -> dict[str, Any]:
    facts = list(client.facts.select_related("learned_from"))
    by_category: dict[str, list[Fact]] = {category: [] for category in FactCategory}
    for fact in facts:
        by_category[fact.category].append(fact)
    return {
        "client": client,
        "fact_groups": [
            (category.value, category.label, by_category[category]) for category in FactCategory
        ],
        "ask_again": [fact for fact in facts if fact.ask_again],
        "important_dates": list(client.important_dates.all()),
        "contact_points": list(client.contact_points.all()),
        "tags": list(client.tags.all()),
    }


def timeline_context(client: Client, page_number: str | int | None = 1) -> dict[str, Any]:
    interactions = Interaction.objects.filter(client=client).prefetch_related(
        Prefetch("promises", queryset=Promise.objects.order_by("due_on", "id"))
    )
    page = Paginator(interactions, TIMELINE_PAGE_SIZE).get_page(page_number)
    return {
        "client": client,
        "timeline": page,
        "open_promises": list(client.promises.open().select_related("interaction")),
    }


def client_page_context(client: Client, page_number: str | int | None = 1) -> dict[str, Any]:
    return profile_context(client) | timeline_context(client, page_number)
