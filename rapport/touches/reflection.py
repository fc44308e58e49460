"""The monthly mirror: whom a provider gave attention to, whom they have not, and what they did.

A picture for the provider alone, never a score: the page shows one member's own
touches and contacts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo

from django.db.models import Max, Q
from django.utils import timezone

from rapport.clients.models import Client, ClientStatus, Closeness
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Interaction
from rapport.touches.models import Behaviour, Touch

GRID_MONTHS = 12
GRID_ROWS = 40
NOT_TOUCHED_DAYS = 90


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class GridRow:
    client: Client
    cells: list[int]  # touches per month, oldest first

    @property
    def total(self) -> int:
        return sum(self.cells)


@dataclass
class Reflection:
    month: date
    months: list[date]
    touched: list[tuple[Client, int]] = field(default_factory=list)
    contacted: int = 0
    not_touched: list[tuple[Client, date | None]] = field(default_factory=list)
    by_behaviour: list[tuple[str, int]] = field(default_factory=list)
    done: list[Touch] = field(default_factory=list)
    grid: list[GridRow] = field(default_factory=list)


def _bounds(first: date, last: date, member: Member) -> tuple[datetime, datetime]:
    zone = member.practice.zone
    return (
        datetime.combine(first, time.min, tzinfo=zone),
        datetime.combine(last, time.min, tzinfo=zone),
    )


def reflection_for(member: Member, month: date) -> Reflection:
    practice = member.practice
    month = month_start(month)
    months = [add_months(month, offset) for offset in range(-GRID_MONTHS + 1, 1)]
    start, end = _bounds(month, add_months(month, 1), member)
    mine = Touch.objects.for_practice(practice).done().filter(created_by=member)
    done = list(
        mine.filter(done_at__gte=start, done_at__lt=end)
        .select_related("client", "kind")
        .order_by("done_at")
    )
    per_client = Counter(touch.client for touch in done)
    behaviours = Counter(touch.kind.behaviour for touch in done)
    contacted = (
        Interaction.objects.for_practice(practice)
        .contacts()
        .filter(created_by=member, occurred_at__gte=start, occurred_at__lt=end)
        .values("client")
        .distinct()
        .count()
    )
    not_touched = _not_touched(practice, month)
    grid_start, _ = _bounds(months[0], months[0], member)
    grid_touches = mine.filter(done_at__gte=grid_start, done_at__lt=end).select_related("client")
    return Reflection(
        month=month,
        months=months,
        touched=sorted(per_client.items(), key=lambda pair: pair[0].display_name),
        contacted=contacted,
        not_touched=not_touched,
        by_behaviour=[(label, behaviours[value]) for value, label in Behaviour.choices],
        done=done,
        grid=_grid(grid_touches, months, practice.zone, [client for client, _ in not_touched]),
    )


def _not_touched(practice: Practice, month: date) -> list[tuple[Client, date | None]]:
    """Clients who matter (current, regular or close) with no touch from anyone in 90 days."""
    cutoff = min(timezone.localdate(), add_months(month, 1) - timedelta(days=1)) - timedelta(
        days=NOT_TOUCHED_DAYS
    )
    mattering = (
        Client.objects.for_practice(practice)
        .current()
        .may_be_checked_on()  # a nudge to reach out: never to someone who declined
        .filter(status=ClientStatus.ACTIVE, closeness__in=[Closeness.REGULAR, Closeness.CLOSE])
        .annotate(last_touch=Max("touches__planned_on", filter=Q(touches__done_at__isnull=False)))
    )
    return [
        (client, client.last_touch)  # type: ignore[attr-defined]
        for client in mattering.order_by("-closeness", "full_name")
        if client.last_touch is None or client.last_touch < cutoff  # type: ignore[attr-defined]
    ][:20]


def _grid(
    touches: Iterable[Touch], months: list[date], zone: tzinfo, not_touched: list[Client]
) -> list[GridRow]:
    """The most-touched clients month by month, then the untouched who matter, one row each."""
    counts: dict[int, list[int]] = defaultdict(lambda: [0] * GRID_MONTHS)
    clients: dict[int, Client] = {}
    for touch in touches:
        local = timezone.localtime(touch.done_at, zone).date()
        index = (local.year - months[0].year) * 12 + local.month - months[0].month
        if 0 <= index < GRID_MONTHS:
            counts[touch.client_id][index] += 1
            clients[touch.client_id] = touch.client
    rows = [GridRow(clients[pk], cells) for pk, cells in counts.items()]
    rows += [GridRow(client, [0] * GRID_MONTHS) for client in not_touched]
    seen: set[int] = set()
    unique = []
    for row in sorted(rows, key=lambda row: (-row.total, row.client.display_name)):
        if row.client.pk not in seen:  # an untouched client may also have a row of touches
            seen.add(row.client.pk)
            unique.append(row)
    return unique[:GRID_ROWS]
