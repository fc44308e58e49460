"""The task worker: runs queued tasks on the configured backend, with the scheduler beside it.

One mechanism for all background work: the outbox, mail, health readings, morning
digests, large imports and exports are tasks (Django's Tasks framework through the
django-tasks backport). `rapport worker` runs this under its supervisor; `rapport serve`
runs it under gunicorn's master (supervision.py). Each worker beats on every scheduler
tick (heartbeat.py), so a stopped one is seen. With the database
backend the queue is a table, so a laptop needs no broker; with RQ it is Redis,
for many hosts (docs/deploy.md). Any number of workers may run: the scheduler
enqueues each period once (scheduler.py) and each task is safe to run beside
itself (the outbox claims every message before sending it).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_QUEUE_NAME, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_rq import RQBackend

from rapport.server import heartbeat
from rapport.server.scheduler import schedule_due, schedule_forever

log = logging.getLogger(__name__)
QUEUES = [DEFAULT_TASK_QUEUE_NAME]


def work(*, once: bool = False, signals: bool = True, worker_id: str = "") -> None:
    """Runs queued tasks: until the queue is empty with `once`, else until stopped.

    `signals=False` leaves SIGTERM and SIGINT alone, for a worker in a thread (tests)."""
    backend = task_backends["default"]
    worker_id = worker_id or get_random_string(32)
    if isinstance(backend, DatabaseBackend):
        _work_on_database(once=once, signals=signals, worker_id=worker_id)
    elif isinstance(backend, RQBackend):
        _work_on_rq(once=once, signals=signals, worker_id=worker_id)
    else:
        raise ImproperlyConfigured(f"No worker for the task backend {type(backend).__name__}.")


def _work_on_database(*, once: bool, signals: bool, worker_id: str) -> None:
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

    worker = Worker(
        queue_names=QUEUES,
        interval=1,
        batch=once,
        backend_name="default",
        startup_delay=not once,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    if not once:
        if signals:
            worker.configure_signals()
        worker.run()
        return
    # The library's loop, less its connection recycling, which would drop a connection that
    # is inside a transaction (a test's): claim the next ready task, run it, until none is left.
    while True:
        ready = DBTaskResult.objects.ready().filter(backend_name="default", queue_name__in=QUEUES)
        with exclusive_transaction(ready.db):
            claimed = ready.get_locked()
            if claimed is not None:
                claimed.claim(worker_id)
        if claimed is None:
            return
        worker.run_task(claimed)


def _work_on_rq(*, once: bool, signals: bool, worker_id: str) -> None:
    import django_rq
    from django_tasks_rq import Job
    from rq.worker import SimpleWorker

    class Worker(SimpleWorker):
        """Runs each task in this process (Django is set up here), never in a forked child."""

        def _install_signal_handlers(self) -> None:
            if signals:
                super()._install_signal_handlers()  # type: ignore[no-untyped-call]

    worker_class: Any = Worker  # django-rq's types name its forking Worker; any BaseWorker runs
    worker = django_rq.get_worker(
        *QUEUES, job_class=Job, worker_class=worker_class, name=f"rapport-{worker_id}"
    )
    worker.work(burst=once, logging_level="WARNING" if once else "INFO")


def run_once() -> None:
    """For cron, and for tests: enqueue what is due, run everything queued, return."""
    started_at = timezone.now()
    heartbeat.beat(heartbeat.worker_name(), started_at)
    schedule_due()
    work(once=True, signals=False)
    heartbeat.beat(heartbeat.worker_name(), started_at)


def run_forever() -> None:
    stopping = threading.Event()
    name, started_at = heartbeat.worker_name(), timezone.now()

    def tick() -> None:
        heartbeat.beat(name, started_at)
        schedule_due()

    scheduler = threading.Thread(
        target=schedule_forever, args=(stopping, tick), name="scheduler", daemon=True
    )
    scheduler.start()
    log.info("worker started")
    try:
        work()
    finally:
        stopping.set()
        log.info("worker stopped")
