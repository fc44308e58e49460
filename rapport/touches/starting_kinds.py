"""The kinds every practice starts with; names and rules are theirs to change."""

from __future__ import annotations

from rapport.clients.models import Closeness
from rapport.timeline.models import InteractionKind
from rapport.touches.models import Behaviour

# (key, name, behaviour, is_gift, physical, suggest from, shows as)
STARTING_KINDS = [
    ("card", "Thank-you card", Behaviour.ENTHUSIASM, False, False, Closeness.NEW,
     InteractionKind.NOTE),
    ("gift", "Small gift with a note", Behaviour.INTEREST, True, False, Closeness.REGULAR,
     InteractionKind.NOTE),
    ("call", "Check-in call, just to listen", Behaviour.INTEREST, False, False, Closeness.NEW,
     InteractionKind.CALL),
    ("compliment", "Specific compliment", Behaviour.COMPLIMENT, False, False, Closeness.NEW,
     InteractionKind.NOTE),
    ("knowledge", "Knowledge shared", Behaviour.KNOWLEDGE, False, False, Closeness.NEW,
     InteractionKind.NOTE),
    ("surprise", "Pleasant surprise", Behaviour.SURPRISE, False, False, Closeness.REGULAR,
     InteractionKind.NOTE),
    ("above", "Above and beyond", Behaviour.ABOVE_BEYOND, False, False, Closeness.NEW,
     InteractionKind.NOTE),
    ("humour", "A shared laugh", Behaviour.HUMOUR, False, False, Closeness.REGULAR,
     InteractionKind.NOTE),
    ("in_person", "In-person moment (a coffee, a hug)", Behaviour.ENTHUSIASM, False, True,
     Closeness.CLOSE, InteractionKind.MEETING),
]  # fmt: skip
