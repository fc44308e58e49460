"""Fields a higher floor adds to the form that logs a conversation.

The timeline knows nothing of what stands above it; a floor that wants a say when a
conversation is logged (the desk offering "About which case?") registers a field here when it
starts, and is handed the new interaction and the field's value once it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms

from rapport.clients.models import Client
from rapport.timeline.models import Interaction


@dataclass(frozen=True)
class InteractionExtra:
    name: str
    # The field for this client's form, or None when there is nothing to offer them.
    field: Callable[[Client], forms.Field | None]
    # Called in the same transaction as the logging, with the field's cleaned value.
    save: Callable[[Interaction, Any], None]


_EXTRAS: dict[str, InteractionExtra] = {}


def interaction_extra_add(extra: InteractionExtra) -> None:
    _EXTRAS[extra.name] = extra


def extras_for(form: forms.BaseForm, client: Client) -> list[InteractionExtra]:
    """Adds the registered fields this client has something for; returns those added."""
    added = []
    for extra in _EXTRAS.values():
        if (field := extra.field(client)) is not None:
            form.fields[extra.name] = field
            added.append(extra)
    return added
