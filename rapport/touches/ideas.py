"""Gesture ideas grounded in what the client told us. Pure: the caller passes facts, kinds,
the client's closeness and boundaries, and what was already given.

Each idea names the fact it came from. Kinds are referred to by their starting key
("gift", "card"...), so a practice may rename them; a kind it deleted is simply not
suggested. Nothing crosses a boundary, and nothing meant for a close client is
suggested for a new one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rapport.clients.pronouns import Pronouns
from rapport.touches.repeats import REPEAT_DAYS

RECENT_NEWS_DAYS = 30
RECENT_EVENT_DAYS = 60
MAX_IDEAS = 6

# The relation in "Sister: Priya, also a client": a word or three before the colon.
RELATION = re.compile(r"[A-Za-z][A-Za-z -]{0,30}")
ARTICLE = re.compile(r"(?P<also>also\s+)?(?:a|an|the)\s", re.I)
# Whom a relation word speaks of, for "she's a client too"; others (partner, friend) are
# named rather than guessed.
RELATIVES = dict.fromkeys(
    ["sister", "mother", "mum", "mom", "daughter", "wife", "aunt", "niece", "grandmother",
     "gran", "granny", "grandma", "girlfriend", "stepmother", "stepdaughter", "fiancée"],
    "she",
) | dict.fromkeys(
    ["brother", "father", "dad", "son", "husband", "uncle", "nephew", "grandfather", "grandad",
     "grandpa", "boyfriend", "stepfather", "stepson", "fiancé"],
    "he",
)  # fmt: skip


@dataclass(frozen=True)
class ClientView:
    name: str  # as the provider calls them: the preferred name
    pronouns: Pronouns


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


def _phrases(fact: FactView, today: date, who: ClientView) -> list[tuple[str, str]]:
    """(kind key, idea) pairs this fact suggests, each a sentence about the client by name.
    The fact itself is shown beside the idea, so a sentence need not repeat it."""
    name, they = who.name, who.pronouns
    age = (today - fact.learned_on).days
    if fact.hard_news:
        if age <= RECENT_NEWS_DAYS:
            how = f"how {they.subject} {they.is_}"
            return [("call", f"Call {name} just to ask {how}, and to listen.")]
        return []
    match fact.category:
        case "interest":
            return [
                ("gift", f"Give {name} a small gift that fits {they.possessive} interest, with "
                 f"a note saying why you thought of {they.object}."),
                ("knowledge", f"Send {name} an article, a book or a tip about it that you "
                 "came across."),
            ]  # fmt: skip
        case "preference":
            return [("surprise", f"Remember it next time you see {name}, without being asked.")]
        case "life_event" if age <= RECENT_EVENT_DAYS:
            return [("card", f"Send {name} a card to mark it.")]
        case "person":
            return [("call", ask_after(fact.text, who))]
        case "value":
            return [
                ("compliment", f"Pay {name} a specific compliment when you see {they.object} "
                 "live it."),
            ]  # fmt: skip
    return []


def ask_after(fact: str, who: ClientView) -> str:
    """ "Sister: Priya, also a client" becomes "Ask Tomek how his sister Priya is — she's a
    client too." A fact not written as "Relation: Name, more" is asked after in general."""
    name, their = who.name, who.pronouns.possessive
    parsed = _person_fact(fact)
    if parsed is None:
        return f"Ask {name} how the people in {their} life are doing."
    relation, person, more = parsed
    sentence = f"Ask {name} how {their} {relation}{f' {person}' if person else ''} is"
    if not more:
        return f"{sentence}."
    relative = RELATIVES.get(relation.split()[-1])
    subject = f"{relative}'s" if relative else f"{person or 'they'} is"
    article = ARTICLE.match(more)
    if article and article["also"]:
        return f"{sentence} — {subject} {more[article.end('also') :]} too."
    if article:
        return f"{sentence} — {subject} {more}."
    return f"{sentence} ({more})."


def _person_fact(fact: str) -> tuple[str, str, str] | None:
    """(relation, name, the rest) of "Sister: Priya, also a client"; the name is the words
    after the colon that start with a capital, up to a comma. None for another shape."""
    relation, colon, rest = fact.partition(":")
    relation = " ".join(relation.split())
    if not colon or not RELATION.fullmatch(relation):
        return None
    rest = " ".join(rest.split()).rstrip(".")
    words: list[str] = []
    for word in rest.split(" "):
        bare = word.rstrip(",;")
        if not bare[:1].isupper():
            break
        words.append(bare)
        if bare != word:
            break
    person = " ".join(words)
    return relation.lower(), person, rest[len(person) :].strip(" ,;()")


def ideas_for(
    *,
    facts: Sequence[FactView],
    kinds: Sequence[KindView],
    given: Sequence[GivenView],
    today: date,
    client: ClientView,
    met_in_person_on: date | None = None,
) -> list[Idea]:
    """A few ideas, each from one fact, written about the client by name and in their
    pronouns; none the client had from the same fact lately."""
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
                    f"You met {client.name} in person for the first time: send "
                    f"{client.pronouns.object} a short note to say it was good to meet.",
                    None,
                    "",
                )
            )
    for fact in sorted(facts, key=lambda item: item.learned_on, reverse=True):
        for key, text in _phrases(fact, today, client):
            kind = by_key.get(key)
            if kind is None or (kind.id, fact.id) in recent:
                continue
            ideas.append(Idea(kind.id, kind.name, text, fact.id, fact.text))
    return ideas[:MAX_IDEAS]
