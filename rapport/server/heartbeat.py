"""Is the background worker alive? Its heartbeat, the queue behind it, and when sending paused.

Every worker beats on each scheduler tick (worker.py); a beat older than three minutes, or
none at all while a task has waited that long, means nothing is sending. Today and Settings
say so (context_processors.py), and `rapport status` exits non-zero.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db.models import Count, Max, Min
from django.utils import timezone
from django_tasks import DEFAULT_TASK_QUEUE_NAME, task_backends
from django_tasks_db import DatabaseBackend

from rapport.server.models import WorkerHeartbeat

STALE_AFTER = timedelta(minutes=3)
FORGET_AFTER = timedelta(days=7)  # rows of workers long gone


class QueueUnreachable(Exception):
    """Redis, holding the queue, did not answer."""


@dataclass(frozen=True)
class Queue:
    waiting: int
    oldest: datetime | None  # when the task waiting longest was enqueued


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def beat(worker: str, started_at: datetime, *, now: datetime | None = None) -> None:
    now = now or timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker=worker,
        defaults={"beat_at": now},
        create_defaults={"started_at": started_at, "beat_at": now},
    )
    WorkerHeartbeat.objects.filter(beat_at__lt=now - FORGET_AFTER).delete()


def last_beat() -> datetime | None:
    beat_at: datetime | None = WorkerHeartbeat.objects.aggregate(last=Max("beat_at"))["last"]
    return beat_at


def queue() -> Queue:
    """Tasks due and not yet started, on whichever backend holds them."""
    if isinstance(task_backends["default"], DatabaseBackend):
        from django_tasks_db.models import DBTaskResult

        waiting = DBTaskResult.objects.ready()  # not those asked to run later
        # One query: Today asks on every visit while no worker has beaten.
        found = waiting.aggregate(count=Count("pk"), oldest=Min("enqueued_at"))
        return Queue(found["count"], found["oldest"])
    return _rq_queue()


def _rq_queue() -> Queue:
    import django_rq
    from redis.exceptions import RedisError

    rq_queue = django_rq.get_queue(DEFAULT_TASK_QUEUE_NAME)
    try:
        jobs, waiting = rq_queue.get_jobs(0, 1), rq_queue.count
    except RedisError as error:
        raise QueueUnreachable(str(error)) from error
    oldest = jobs[0].enqueued_at if jobs else None
    if oldest is not None and timezone.is_naive(oldest):  # RQ writes UTC without a zone
        oldest = oldest.replace(tzinfo=UTC)
    return Queue(waiting, oldest)


def paused_since(now: datetime) -> datetime | None:
    """Since when nothing has run the queue, or None while a worker is alive (or nothing
    waits for one that never ran)."""
    beat_at = last_beat()
    if beat_at is not None:
        return beat_at if now - beat_at > STALE_AFTER else None
    try:
        oldest = queue().oldest
    except QueueUnreachable:  # what waits is unknown; the page still opens
        return None
    return oldest if oldest is not None and now - oldest > STALE_AFTER else None
