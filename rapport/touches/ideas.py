"""Gesture ideas grounded in what the client told us. Pure: the caller passes facts, kinds,
the client's closeness and boundaries, and what was already given.

Each idea names the fact it came from. Kinds are referred to by their starting key
("gift", "card"...), so a practice may rename them; a kind it deleted is simply not
suggested. Nothing crosses a boundary, and nothing meant for a close client is
suggested for a new one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rapport.touches.repeats import REPEAT_DAYS

RECENT_NEWS_DAYS = 30
RECENT_EVENT_DAYS = 60
MAX_IDEAS = 6


@dataclass(frozen=True)
class FactView:
    id: int
    category: str
    text: str
    hard_news: bool
    learned_on: date


@dataclass(frozen=True)
class KindView:
    id: int
    key: str
    name: str
    allowed: bool  # within the client's boundaries and closeness


@dataclass(frozen=True)
class GivenView:
    kind_id: int
    source_fact_id: int | None
    on: date


@dataclass(frozen=True)
class Idea:
    kind_id: int
    kind_name: str
    text: str
    fact_id: int | None
    fact_text: str


def _phrases(fact: FactView, today: date) -> list[tuple[str, str]]:
    """(kind key, idea) pairs this fact suggests."""
    text = fact.text.rstrip(".")
    age = (today - fact.learned_on).days
    if fact.hard_news:
        if age <= RECENT_NEWS_DAYS:
            return [("call", f"{text}: a call just to ask how they are, and to listen.")]
        return []
    match fact.category:
        case "interest":
            return [
                ("gift", f"{text}: a small gift that fits, with a note saying why you thought "
                 "of them?"),
                ("knowledge", f"{text}: an article, a book or a tip about it you came across?"),
            ]  # fmt: skip
        case "preference":
            return [("surprise", f"{text}: remember it next time, without being asked.")]
        case "life_event" if age <= RECENT_EVENT_DAYS:
            return [("card", f"{text}: a card to mark it.")]
        case "person":
            return [("call", f"Ask after them: {text}.")]
        case "value":
            return [("compliment", f"{text}: a specific compliment when you see them live it.")]
    return []


def ideas_for(
    *,
    facts: Sequence[FactView],
    kinds: Sequence[KindView],
    given: Sequence[GivenView],
    today: date,
    met_in_person_on: date | None = None,
) -> list[Idea]:
    """A few ideas, each from one fact; none the client had from the same fact lately."""
    by_key = {kind.key: kind for kind in kinds if kind.key and kind.allowed}
    recent = {
        (item.kind_id, item.source_fact_id)
        for item in given
        if item.on >= today - timedelta(days=REPEAT_DAYS)
    }
    ideas: list[Idea] = []
    if met_in_person_on is not None and "card" in by_key:
        card = by_key["card"]
        if (card.id, None) not in recent:
            ideas.append(
                Idea(
                    card.id,
                    card.name,
                    "You met in person for the first time: a short note to say it was good "
                    "to meet.",
                    None,
                    "",
                )
            )
    for fact in sorted(facts, key=lambda item: item.learned_on, reverse=True):
        for key, text in _phrases(fact, today):
            kind = by_key.get(key)
            if kind is None or (kind.id, fact.id) in recent:
                continue
            ideas.append(Idea(kind.id, kind.name, text, fact.id, fact.text))
    return ideas[:MAX_IDEAS]
