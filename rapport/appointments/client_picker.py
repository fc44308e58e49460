"""Choosing the client when booking: what the provider typed, read against the practice's
current clients' folded names (case and accents set aside, both ways), a short list back.

A practice may have thousands of clients, so the booking form never lists them all: it shows
the chosen one and up to PICKER_LIMIT matches, read in name order from the index on
(practice, search_text) over current clients."""

from __future__ import annotations

from dataclasses import dataclass

from rapport.clients.models import Client, ClientQuerySet
from rapport.lib.text import fold
from rapport.practices.models import Practice

PICKER_LIMIT = 20
# Longer than any name a provider would type to find one: said, not searched.
QUERY_MAX = 100


@dataclass(frozen=True)
class Picker:
    query: str
    # The client chosen so far.
    selected: Client | None
    matches: list[Client]
    # What the list says about the search, when it is not simply the matches.
    message: str = ""
    more: bool = False
    # Nobody by that name: the list offers to add them.
    none_found: bool = False

    @property
    def kept(self) -> Client | None:
        """The chosen client when the search no longer finds them: still listed, last, so the
        choice is not lost by looking at other names."""
        return None if self.selected in self.matches else self.selected


def _current(practice: Practice) -> ClientQuerySet:
    return Client.objects.for_practice(practice).current()


def client_picker(practice: Practice, *, query: str, selected_id: int | None = None) -> Picker:
    """The matches for `query` among the practice's current clients, and the chosen client
    (only if it is one of them: an id from elsewhere is no choice)."""
    query = query.replace("\x00", "").strip()
    selected = None
    if selected_id is not None:
        selected = _current(practice).filter(pk=selected_id).first()
    if not query:
        hint = "To choose someone else, type" if selected else "Type"
        return Picker(query, selected, [], f"{hint} part of their name to find them.")
    if len(query) > QUERY_MAX:
        return Picker(
            query[:QUERY_MAX],
            selected,
            [],
            f"That is longer than any name ({len(query)} characters): type part of one.",
        )
    folded = fold(query)
    rows = list(
        _current(practice)
        .filter(search_text__contains=folded)
        .order_by("search_text", "id")
        .only("id", "full_name", "preferred_name", "practice_id")[: PICKER_LIMIT + 1]
    )
    if not rows:
        message = f"No current client has “{query}” in their name."
        return Picker(query, selected, [], message, none_found=True)
    more = len(rows) > PICKER_LIMIT
    return Picker(query, selected, rows[:PICKER_LIMIT], more=more)


def query_describes(practice: Practice, *, query: str, client_id: int | None) -> bool:
    """Whether what is in the search box names the chosen client (or is empty): then the form
    books them; otherwise the provider is still looking, and the form finds, books no one."""
    query = query.replace("\x00", "").strip()
    if not query:
        return True
    if client_id is None or len(query) > QUERY_MAX:
        return False
    return _current(practice).filter(pk=client_id, search_text__contains=fold(query)).exists()
