"""Keeps the attention table: recomputes a client's reasons in the transaction of every write
that can change them, folds in what members did on Today, and proves the table equal to a
recomputation from scratch (`rebuild_attention`)."""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from rapport.attention.appointment_reasons import appointment_reasons, coming_up
from rapport.attention.models import UNDONE, AgendaAction, AttentionItem, Section
from rapport.attention.reasons import REASONS, Scope, fading_items
from rapport.clients.models import Client
from rapport.practices.models import Practice

# What makes two rows the same reason, shown the same way.
COMPARED = (
    "client_id", "member_id", "shown_in", "rank", "sort_at", "sort_name", "due_at", "until_at",
    "cycle_at", "hidden_until", "month_day", "shown",
)  # fmt: skip
Key = tuple[str, int]
REFRESH_CHUNK = 500


def items_compute(scope: Scope) -> list[AttentionItem]:
    """Every reason of these clients from scratch, with the actions that hide them."""
    rows = [row for reasons in REASONS for row in reasons(scope)]
    rows += appointment_reasons(scope)
    rows += coming_up(scope)
    return _with_actions(scope, rows)


def _with_actions(scope: Scope, rows: list[AttentionItem]) -> list[AttentionItem]:
    actions = AgendaAction.objects.for_practice(scope.practice)
    if scope.clients is not None:
        actions = actions.filter(object_id__in={row.object_id for row in rows})
    found: dict[Key, list[tuple[datetime, date]]] = defaultdict(list)
    for section, object_id, taken_at, hidden_until in actions.values_list(
        "section", "object_id", "taken_at", "hidden_until"
    ):
        found[(section, object_id)].append((taken_at, hidden_until))
    for row in rows:
        _fold(row, found[(row.section, row.object_id)])
    return rows


def _fold(row: AttentionItem, actions: list[tuple[datetime, date]]) -> None:
    """Until when the actions on this item hide it (an undone one hides nothing): any taken
    in its cycle; for a yearly date, the last one taken, and when, since Today counts only
    an action of this year's window (desk: "next year's birthday comes back")."""
    if row.section == Section.DATE:
        taken, until = max(actions, default=(None, UNDONE))
        row.cycle_at, row.hidden_until = taken, until
        return
    cycle_at = row.cycle_at
    row.hidden_until = max(
        (until for taken, until in actions if cycle_at is None or taken >= cycle_at),
        default=UNDONE,
    )


@transaction.atomic
def items_refresh(*, practice: Practice, clients: list[int], now: datetime | None = None) -> None:
    """These clients' reasons, recomputed in the caller's transaction (a few hundred clients
    at a time: an import refreshes thousands)."""
    now = now or timezone.now()
    ids = sorted(set(clients))
    with transaction.atomic():
        for start in range(0, len(ids), REFRESH_CHUNK):
            chunk = ids[start : start + REFRESH_CHUNK]
            # Two workers refreshing the same client at once would each delete its rows and
            # insert them again, and the second insert would break the unique key: the
            # client rows are locked first (in id order, so two refreshes never deadlock), and
            # the reasons read after the lock, as the other transaction committed them.
            list(
                Client.objects.select_for_update()
                .filter(pk__in=chunk)
                .order_by("pk")
                .values_list("pk", flat=True)
            )
            rows = items_compute(Scope(practice, chunk, now))
            AttentionItem.objects.for_practice(practice).filter(client_id__in=chunk).delete()
            AttentionItem.objects.bulk_create(rows, batch_size=1000)


def item_rehide(*, practice: Practice, section: str, object_id: int) -> None:
    """After a member acted on an item (or undid it): when it shows again."""
    rows = list(
        AttentionItem.objects.for_practice(practice).filter(section=section, object_id=object_id)
    )
    if not rows:
        return  # not a reason now: a later recomputation folds the action in
    actions = AgendaAction.objects.for_practice(practice).filter(
        section=section, object_id=object_id
    )
    taken = list(actions.values_list("taken_at", "hidden_until"))
    for row in rows:
        _fold(row, taken)
    AttentionItem.objects.bulk_update(rows, ["hidden_until", "cycle_at"])


@transaction.atomic
def fading_items_refresh(*, practice: Practice, now: datetime | None = None) -> None:
    """After the readings of a whole practice were refreshed: who is fading now."""
    scope = Scope(practice, None, now or timezone.now())
    rows = _with_actions(scope, list(fading_items(scope)))
    AttentionItem.objects.for_practice(practice).filter(section=Section.FADING).delete()
    AttentionItem.objects.bulk_create(rows, batch_size=1000)


def items_prune(*, practice: Practice, now: datetime | None = None) -> int:
    """Reasons whose time has passed: they can never show again, so they go (by the hourly
    readings refresh) rather than lengthen Today's index ranges."""
    passed = AttentionItem.objects.for_practice(practice).filter(
        until_at__lte=now or timezone.now()
    )
    return passed.delete()[0]


@dataclass
class Comparison:
    """The table against a recomputation: reasons missing from it, left over in it, and
    kept with different values."""

    missing: list[Key]
    extra: list[Key]
    different: list[Key]

    @property
    def equal(self) -> bool:
        return not (self.missing or self.extra or self.different)


def _as_compared(rows: Iterable[AttentionItem], now: datetime) -> dict[Key, tuple[Any, ...]]:
    """What can still show from `now` on: a reason whose time has passed no longer counts."""
    return {
        (row.section, row.object_id): tuple(getattr(row, name) for name in COMPARED)
        for row in rows
        if row.until_at is None or row.until_at > now
    }


def _as_stored(row: AttentionItem) -> AttentionItem:
    """The shown fields through JSON, as the table keeps them, so they compare as stored."""
    encoder = AttentionItem._meta.get_field("shown").encoder
    stored = copy.copy(row)
    stored.shown = json.loads(json.dumps(row.shown, cls=encoder))
    return stored


def items_compare(
    *, practice: Practice, now: datetime, fresh: list[AttentionItem] | None = None
) -> Comparison:
    """The table against `fresh` (by default, a recomputation from scratch at `now`)."""
    if fresh is None:
        fresh = items_compute(Scope(practice, None, now))
    kept = _as_compared(AttentionItem.objects.for_practice(practice), now)
    recomputed = _as_compared((_as_stored(row) for row in fresh), now)
    return Comparison(
        missing=sorted(recomputed.keys() - kept.keys()),
        extra=sorted(kept.keys() - recomputed.keys()),
        different=sorted(k for k in recomputed.keys() & kept.keys() if recomputed[k] != kept[k]),
    )


@transaction.atomic
def items_rebuild(*, practice: Practice, now: datetime | None = None) -> Comparison:
    """Recomputes the practice's table from its history, says how it differed from what the
    writes kept, and replaces it."""
    now = now or timezone.now()
    fresh = items_compute(Scope(practice, None, now))
    comparison = items_compare(practice=practice, now=now, fresh=fresh)
    AttentionItem.objects.for_practice(practice).delete()
    AttentionItem.objects.bulk_create(fresh, batch_size=1000)
    return comparison
