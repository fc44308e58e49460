"""The client list ranked by health: the clients floor lists clients, attention reads their
health, and the desk, which stands on both, offers one ordered by the other (see
rapport.clients.listing)."""

from __future__ import annotations

from django.db.models import Case, F, IntegerField, Value, When

from rapport.attention.models import HealthWord
from rapport.clients.listing import ClientOrder, order_add

WORST_FIRST = (HealthWord.AT_RISK_, HealthWord.COOLING_, HealthWord.STEADY_, HealthWord.THRIVING_)


def shown_health_rank() -> Case:
    """0 for at risk up to 3 for thriving, by the word the list shows: the provider's own
    when they gave one, else Rapport's. None for a client not read yet."""
    overridden = [
        When(reading__override_word=word, then=Value(rank)) for rank, word in enumerate(WORST_FIRST)
    ]
    computed = [When(reading__word=word, then=Value(rank)) for rank, word in enumerate(WORST_FIRST)]
    return Case(*overridden, *computed, output_field=IntegerField())


def register() -> None:
    # Within a word, the score orders (a low steady before a high one); a client not read
    # yet comes last either way, as nothing is known to put them first.
    rank, score = shown_health_rank(), F("reading__score")
    order_add(
        ClientOrder(
            "health",
            "Needs attention first",
            (
                rank.asc(nulls_last=True),
                score.asc(nulls_last=True),
                F("search_text").asc(),
                F("id").asc(),
            ),
        )
    )
    order_add(
        ClientOrder(
            "-health",
            "Doing well first",
            (
                rank.desc(nulls_last=True),
                score.desc(nulls_last=True),
                F("search_text").asc(),
                F("id").asc(),
            ),
        )
    )
