"""What the client page shows: the person first, how they are doing, then their timeline.

Shared by the page itself and by the htmx fragments that refresh parts of it,
with a fixed number of queries however long the history is. It reads from every
capability, which is why it lives on the desk.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils import timezone

from rapport.appointments.queries import next_for_client
from rapport.attention.chart import contact_chart
from rapport.attention.services import reading_of
from rapport.clients.models import Client, Fact, FactCategory
from rapport.timeline.models import Interaction, Promise
from rapport.timeline.summary import month_of
from rapport.touches.page import touch_context

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
    interactions = (
        Interaction.objects.filter(client=client)
        .select_related("outbox")
        .prefetch_related(Prefetch("promises", queryset=Promise.objects.order_by("due_on", "id")))
    )
    page = Paginator(interactions, TIMELINE_PAGE_SIZE).get_page(page_number)
    return {
        "client": client,
        "timeline": page,
        "open_promises": list(client.promises.open().select_related("interaction")),
    }


def health_context(client: Client) -> dict[str, Any]:
    now = timezone.now()
    reading = reading_of(client, now=now)
    rows = client.contact_months.values_list("month", "from_client", "from_us", "together")
    current = month_of(now, client.practice.zone)
    choice = client.no_checkins
    return {
        "reading": reading,
        # Their choice is written beside the reading, so not once more among the reasons.
        "reasons": [
            reason for reason in reading.reasons if choice is None or reason != choice.label
        ],
        "chart": contact_chart(list(rows), current_month=current),
    }


def client_page_context(client: Client, page_number: str | int | None = 1) -> dict[str, Any]:
    profile = profile_context(client)
    facts = [fact for _, _, group in profile["fact_groups"] for fact in group]
    return (
        profile
        | health_context(client)
        | timeline_context(client, page_number)
        | {"next_appointment": next_for_client(client)}
        | touch_context(client, facts)
    )
