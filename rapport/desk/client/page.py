"""What the client page shows: the person first, how they are doing, then their timeline.

Shared by the page itself and by the htmx fragments that refresh parts of it,
with a fixed number of queries however long the history is. It reads from every
capability, which is why it lives on the desk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils import timezone

from rapport.appointments.queries import next_for_client
from rapport.attention.chart import contact_chart
from rapport.attention.services import reading_of
from rapport.clients.models import Client, Fact, FactCategory
from rapport.lib.http import UrlPattern
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


@dataclass(frozen=True)
class TimelinePage:
    """One page of the timeline, newest first, each interaction with its promises. Read
    without counting the whole history: one row more than a page says an older page exists."""

    entries: list[tuple[Interaction, list[Promise], str]]  # with the URL to edit it
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


# No history runs to a million pages; a number past it (a hand-edited URL) would overflow the
# database's integers as an OFFSET, so it reads as past the end: the oldest page.
LAST_PAGE_ASKED = 1_000_000


def _page_number(asked: str | int | None) -> int:
    try:
        return min(max(int(asked or 1), 1), LAST_PAGE_ASKED)
    except ValueError:
        return 1  # a hand-edited ?page=abc reads as the newest page, as before


def timeline_context(client: Client, page_number: str | int | None = 1) -> dict[str, Any]:
    interactions = Interaction.objects.filter(client=client).select_related("outbox")
    number = _page_number(page_number)
    start = (number - 1) * TIMELINE_PAGE_SIZE
    rows = list(interactions[start : start + TIMELINE_PAGE_SIZE + 1])
    if not rows and number > 1:  # past the end (an old link): the oldest page, as before
        number = max(-(-interactions.count() // TIMELINE_PAGE_SIZE), 1)
        start = (number - 1) * TIMELINE_PAGE_SIZE
        rows = list(interactions[start : start + TIMELINE_PAGE_SIZE + 1])
    shown = rows[:TIMELINE_PAGE_SIZE]
    # One read for both lists of promises: every open one, and those of the page's interactions.
    promises = list(
        Promise.objects.filter(
            Q(client=client, done_at__isnull=True)
            | Q(interaction_id__in=[interaction.pk for interaction in shown])
        )
    )
    edit_url = UrlPattern("interaction_edit", client.pk)
    by_interaction: dict[int, list[Promise]] = {interaction.pk: [] for interaction in shown}
    for promise in promises:
        if promise.interaction_id in by_interaction:
            by_interaction[promise.interaction_id].append(promise)
    return {
        "client": client,
        "timeline": TimelinePage(
            entries=[
                (interaction, by_interaction[interaction.pk], edit_url(interaction.pk))
                for interaction in shown
            ],
            number=number,
            has_next=len(rows) > TIMELINE_PAGE_SIZE,
        ),
        "open_promises": [promise for promise in promises if promise.done_at is None],
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
