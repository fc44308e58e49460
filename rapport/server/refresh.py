"""The hourly refresh of every practice (health readings, the morning count), shared out
between however many task workers are running, on one host or many.

The scheduler enqueues `readings_refresh_all` once a period (scheduler.py). It opens a cycle
and enqueues one `practices_refresh_share` per live worker. Each share takes practices one at
a time until none is left: a practice is taken only by moving its `PracticeRefresh.cycle` on
to this cycle with one conditional UPDATE, which one caller alone can win, so no practice is
refreshed twice in a cycle however many shares run. A big practice keeps one worker busy
while the others take the rest, so the work evens out by itself. On PostgreSQL the candidate
row is read with FOR UPDATE SKIP LOCKED, so workers do not queue behind each other's choice;
SQLite runs writers one at a time (IMMEDIATE transactions), so the same UPDATE is enough.

A worker that stops midway leaves its practice for the next cycle, an hour later.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from rapport.desk.tasks import practice_refresh
from rapport.practices.models import Practice
from rapport.server import heartbeat
from rapport.server.models import PracticeRefresh, WorkerHeartbeat

log = logging.getLogger(__name__)


def cycle_open(now: datetime) -> datetime:
    """A new cycle: every practice gets its row (new practices too), and none is taken yet."""
    known = set(PracticeRefresh.objects.values_list("practice_id", flat=True))
    PracticeRefresh.objects.bulk_create(
        [
            PracticeRefresh(practice_id=practice_id)
            for practice_id in Practice.objects.values_list("pk", flat=True)
            if practice_id not in known
        ],
        batch_size=1000,
        ignore_conflicts=True,  # two cycles opened at once: the rows are the same
    )
    return now


def practice_claim(cycle: datetime, worker: str) -> int | None:
    """The id of a practice not yet taken in `cycle`, now taken by `worker`; None when all are."""
    not_taken = Q(cycle__isnull=True) | Q(cycle__lt=cycle)
    while True:
        with transaction.atomic():
            rows = PracticeRefresh.objects.filter(not_taken).order_by("practice_id")
            if connection.features.has_select_for_update_skip_locked:
                rows = rows.select_for_update(skip_locked=True)
            candidate = rows.values_list("practice_id", flat=True).first()
            if candidate is None:
                return None
            won = PracticeRefresh.objects.filter(not_taken, practice_id=candidate).update(
                cycle=cycle, claimed_by=worker
            )
        if won:
            return candidate
        # Another worker took it between the read and the UPDATE: try the next one.


def practices_refresh_share(cycle: datetime, *, worker: str = "") -> list[int]:
    """Refreshes practices of `cycle` until none is left to take; returns their ids."""
    worker = worker or heartbeat.worker_name()
    done = []
    while (practice_id := practice_claim(cycle, worker)) is not None:
        practice = Practice.objects.get(pk=practice_id)
        practice_refresh(practice, now=cycle)
        PracticeRefresh.objects.filter(practice_id=practice_id).update(refreshed_at=timezone.now())
        done.append(practice_id)
    return done


def live_workers(now: datetime) -> int:
    return WorkerHeartbeat.objects.filter(beat_at__gt=now - heartbeat.STALE_AFTER).count()


@task()
def refresh_share(cycle: str) -> int:
    """One worker's share of a cycle (an ISO moment, as task arguments are JSON)."""
    done = practices_refresh_share(datetime.fromisoformat(cycle))
    log.info("refreshed %d practices", len(done))
    return len(done)


@task()
def readings_refresh_all() -> int:
    """Time alone moves a client from steady to cooling: every practice each hour, shared
    between the live workers. Returns how many shares it enqueued."""
    now = timezone.now()
    cycle = cycle_open(now)
    shares = max(live_workers(now), 1)
    for _ in range(shares):
        refresh_share.enqueue(cycle.isoformat())
    return shares
