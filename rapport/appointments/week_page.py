"""The week page's time grid: the member's appointments of one week, as week_grid places them
on the practice's clock, with each placed appointment beside its row for the template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from django.utils import timezone

from rapport.appointments.models import Appointment
from rapport.appointments.week_grid import (
    DAY_MINUTES,
    Cluster,
    Hours,
    Placed,
    Span,
    day_clusters,
    hours_shown,
    off_hours,
)
from rapport.practices.models import Member


@dataclass(frozen=True)
class GridItem:
    placed: Placed
    appointment: Appointment


@dataclass(frozen=True)
class GridCluster:
    cluster: Cluster
    items: list[GridItem]


@dataclass(frozen=True)
class GridDay:
    day: date
    clusters: list[GridCluster]
    working: bool


@dataclass(frozen=True)
class WeekGrid:
    hours: Hours
    days: list[GridDay]
    # The rows outside the working day, as (first row, rows), shaded on working days.
    off: list[tuple[int, int]]


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _span(appointment: Appointment, day: date) -> Span:
    """Minutes from the day's midnight on the wall clock, clipped to the day."""
    start = timezone.localtime(appointment.starts_at)
    end = timezone.localtime(appointment.ends_at)
    first = 0 if start.date() < day else _minutes(start.time())
    last = DAY_MINUTES if end.date() > day else _minutes(end.time())
    return Span(appointment.pk, first, max(last, first + 1))


def week_grid(member: Member, days: list[tuple[date, list[Appointment]]]) -> WeekGrid:
    spans = {day: [_span(row, day) for row in rows] for day, rows in days}
    work_start, work_end = _minutes(member.day_starts), _minutes(member.day_ends)
    hours = hours_shown(
        work_start, work_end, (span for day_spans in spans.values() for span in day_spans)
    )
    grid_days = []
    for day, rows in days:
        by_id = {row.pk: row for row in rows}
        clusters = [
            GridCluster(cluster, [GridItem(item, by_id[item.key]) for item in cluster.items])
            for cluster in day_clusters(spans[day], hours)
        ]
        grid_days.append(GridDay(day, clusters, working=day.weekday() in member.weekdays))
    return WeekGrid(hours, grid_days, off_hours(hours, work_start, work_end))
