"""The one scheduler: enqueues the periodic tasks when they are due, and nothing else.

Every `rapport worker` runs it beside the tasks, so a laptop needs nothing more and
many workers on many hosts need no leader: a period is claimed by moving its
`PeriodicRun.due_at` on with one conditional UPDATE, which only one scheduler can
win, and only the winner enqueues. The schedule lives in the database, so a
restart neither repeats a period nor skips one. A clock that jumped back (the due
time is more than two periods ahead) counts as due; hosts' clocks are taken to
agree within a period (NTP), or a period could be enqueued by two of them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import close_old_connections, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks.base import Task

from rapport.desk.tasks import digests_send
from rapport.messaging.tasks import mail_read, outbox_send
from rapport.server.models import PeriodicRun
from rapport.server.refresh import readings_refresh_all
from rapport.server.tasks import task_results_prune, uploads_tidy

log = logging.getLogger(__name__)
TICK_SECONDS = 10


@dataclass(frozen=True)
class Periodic:
    name: str
    task: Task[[], Any]
    every: timedelta


PERIODIC = [
    Periodic("outbox", outbox_send, timedelta(minutes=1)),
    Periodic("digests", digests_send, timedelta(minutes=1)),
    Periodic("mail", mail_read, timedelta(minutes=5)),
    Periodic("readings", readings_refresh_all, timedelta(hours=1)),
    Periodic("prune", task_results_prune, timedelta(days=1)),
    Periodic("tidy", uploads_tidy, timedelta(minutes=10)),
]


def period_claim(periodic: Periodic, now: datetime) -> bool:
    """True for the one caller that moves this period on; it then enqueues the task."""
    with transaction.atomic():
        PeriodicRun.objects.bulk_create(
            [PeriodicRun(name=periodic.name, due_at=now)], ignore_conflicts=True
        )
        due = Q(due_at__lte=now) | Q(due_at__gt=now + 2 * periodic.every)
        return bool(
            PeriodicRun.objects.filter(due, name=periodic.name).update(
                due_at=now + periodic.every, enqueued_at=now
            )
        )


def schedule_due(*, now: datetime | None = None) -> list[str]:
    """Enqueues what is due; returns the names of the tasks it enqueued."""
    now = now or timezone.now()
    enqueued = []
    for periodic in PERIODIC:
        if period_claim(periodic, now):
            periodic.task.enqueue()
            enqueued.append(periodic.name)
    return enqueued


def schedule_forever(stopping: threading.Event, tick: Callable[[], object] = schedule_due) -> None:
    """The scheduler's loop, for a thread beside the task worker; its own database connection."""
    try:
        while not stopping.is_set():
            close_old_connections()
            try:
                tick()
            except Exception:  # one bad tick must not stop the schedule; the next one retries
                log.exception("scheduler tick failed")
            stopping.wait(TICK_SECONDS)
    finally:
        connection.close()
