"""The week as a time grid: which rows of quarter hours a day shows, and where each
appointment sits in them, with overlapping ones side by side. Pure: minutes in, places out.

A day is cut into slots of SLOT_MINUTES. An appointment covers the slots from the one its
start falls in to the one its end falls in, at least one. Appointments whose slots overlap,
directly or through another, form a cluster; each takes the first lane (column) of its
cluster free at its start, and the cluster is as wide as the day, split into as many lanes as
it needed. The grid's rows are whole hours: the working day, widened to hold every
appointment of the week.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

SLOT_MINUTES = 15
SLOTS_PER_HOUR = 60 // SLOT_MINUTES
DAY_MINUTES = 24 * 60
# Past this many side by side, the last lane holds the rest (they still show, overlapping).
MAX_LANES = 6


@dataclass(frozen=True)
class Span:
    """An appointment on one day: minutes from that day's midnight, clipped to the day."""

    key: int
    start: int
    end: int

    @property
    def first_slot(self) -> int:
        return self.start // SLOT_MINUTES

    @property
    def end_slot(self) -> int:
        """The slot after its last, so an appointment covers at least one."""
        return max(-(-self.end // SLOT_MINUTES), self.first_slot + 1)


@dataclass(frozen=True)
class Placed:
    key: int
    lane: int  # 1-based, within the cluster
    row: int  # 1-based, within the cluster
    rows: int


@dataclass
class Cluster:
    row: int  # 1-based, within the day's grid
    rows: int
    lanes: int
    items: list[Placed] = field(default_factory=list)


@dataclass(frozen=True)
class Hours:
    """The hours the grid shows: from `first` o'clock up to `last` o'clock."""

    first: int
    last: int

    @property
    def rows(self) -> int:
        return (self.last - self.first) * SLOTS_PER_HOUR

    @property
    def labels(self) -> list[tuple[int, int]]:
        """Each hour and the grid row it starts on."""
        return [(hour, (hour - self.first) * SLOTS_PER_HOUR + 1) for hour in self.hours]

    @property
    def hours(self) -> range:
        return range(self.first, self.last)


def hours_shown(work_start: int, work_end: int, spans: Iterable[Span]) -> Hours:
    """Whole hours from the start of the working day (minutes) to its end, widened to every
    appointment of the week."""
    first, last = work_start // 60, -(-work_end // 60)
    for span in spans:
        first = min(first, span.start // 60)
        last = max(last, -(-span.end_slot * SLOT_MINUTES // 60))
    return Hours(max(first, 0), max(min(last, 24), max(first, 0) + 1))


def off_hours(hours: Hours, work_start: int, work_end: int) -> list[tuple[int, int]]:
    """The rows before and after the working day (minutes), as (first row, rows): shaded, so
    an appointment outside working hours stands out as one."""
    first = hours.first * SLOTS_PER_HOUR
    start = min(max(work_start // SLOT_MINUTES - first, 0), hours.rows)
    end = min(max(-(-work_end // SLOT_MINUTES) - first, start), hours.rows)
    blocks = [(1, start), (end + 1, hours.rows - end)]
    return [(row, rows) for row, rows in blocks if rows > 0]


def day_clusters(spans: Iterable[Span], hours: Hours) -> list[Cluster]:
    """The day's appointments in clusters, each placed in its lane."""
    offset = hours.first * SLOTS_PER_HOUR
    clusters: list[Cluster] = []
    lane_ends: list[int] = []  # the slot each lane of the open cluster is free from
    cluster_end = -1
    for span in sorted(spans, key=lambda span: (span.start, span.end, span.key)):
        first, end = span.first_slot, span.end_slot
        if first >= cluster_end:  # nothing open overlaps: a new cluster
            clusters.append(Cluster(row=first - offset + 1, rows=0, lanes=0))
            lane_ends, cluster_end = [], first
        cluster = clusters[-1]
        lane = next((index for index, free in enumerate(lane_ends) if free <= first), None)
        if lane is None and len(lane_ends) < MAX_LANES:
            lane_ends.append(end)
            lane = len(lane_ends) - 1
        elif lane is None:
            lane = MAX_LANES - 1
        lane_ends[lane] = max(lane_ends[lane], end)
        cluster_end = max(cluster_end, end)
        cluster.lanes = len(lane_ends)
        cluster.rows = cluster_end - (cluster.row - 1 + offset)
        start_row = first - offset - cluster.row + 2
        cluster.items.append(Placed(span.key, lane + 1, start_row, end - first))
    return clusters
