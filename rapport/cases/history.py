"""A case's one short history: opened, the steps, and what was linked to it, in the order
things happened, each on its day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.utils import timezone

from rapport.cases.models import Case
from rapport.clients.models import Fact

if TYPE_CHECKING:  # beside cases, not below: named for the types only
    from rapport.timeline.models import Interaction

# How many of the client's recent facts and conversations the case page offers to link.
OFFERED = 12


@dataclass(frozen=True)
class Entry:
    day: date
    who: str
    text: str
    # What the entry is ("step", "interaction", "fact", "message") and its id, for unlinking.
    kind: str = ""
    item_id: int = 0
    # Orders entries of one day: when it happened, else when it was written down.
    at: datetime | None = None


def _day(moment: datetime) -> date:
    return timezone.localdate(moment)


def _gist(text: str, length: int = 280) -> str:
    """The start of a long message: the story is read in a minute; the whole is on the timeline."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def case_history(case: Case) -> list[Entry]:
    """Every entry of the case, oldest first, read in a fixed number of queries."""
    by = f" by {case.created_by.user.name}" if case.created_by else ""
    entries = [Entry(case.opened_on, "", f"Opened{by}: “{case.problem}”", "opened")]
    for step in case.steps.select_related("member__user"):
        said = f"tried: {step.tried}" + (f"\nWhat came of it: {step.result}" if step.result else "")
        entries.append(Entry(step.taken_on, step.who, said, "step", step.pk))
    for link in case.interaction_links.select_related("interaction"):
        interaction = link.interaction
        words = interaction.summary or f"In their words: “{interaction.client_words}”"
        label = f"{interaction.get_kind_display()} ({interaction.get_direction_display().lower()})"
        if interaction.direction == "none":  # Direction.NONE: the timeline is not imported here
            label = interaction.get_kind_display()
        entries.append(
            Entry(
                _day(interaction.occurred_at),
                label,
                _gist(words),
                "interaction",
                interaction.pk,
                interaction.occurred_at,
            )
        )
    for fact_link in case.fact_links.select_related("fact"):
        fact = fact_link.fact
        entries.append(
            Entry(
                _day(fact.learned_at),
                "Learned",
                f"{fact.text} ({fact.get_category_display().lower()})",
                "fact",
                fact.pk,
                fact.learned_at,
            )
        )
    for message in case.messages.all():
        status = message.get_status_display().lower()
        entries.append(
            Entry(
                _day(message.created_at),
                "Wrote to them",
                f"“{message.subject}” ({status})\n{_gist(message.body)}",
                "message",
                message.pk,
                message.created_at,
            )
        )
    return sorted(
        entries,
        key=lambda entry: (
            entry.day,
            entry.kind != "opened",
            entry.at.timestamp() if entry.at else 0,
        ),
    )


def linkable(case: Case) -> tuple[list[Interaction], list[Fact]]:
    """The client's recent conversations and facts not yet in this case's story, newest first."""
    client = case.client
    interactions = client.interactions.exclude(case_link__case=case).order_by("-occurred_at")
    facts = client.facts.exclude(case_link__case=case).order_by("-learned_at")
    return list(interactions[:OFFERED]), list(facts[:OFFERED])
