"""The background worker: the outbox and morning digests every minute, the practice's mailbox
every five minutes, health readings every hour.

Runs beside the web server (`rapport serve` starts it) or on its own with
`rapport worker`; it keeps its state in the database, so no broker is needed.
"""

from __future__ import annotations

import logging
import signal
import time
from datetime import datetime, timedelta
from types import FrameType

from django.utils import timezone

from rapport.attention.services import readings_refresh
from rapport.attention.snapshots import snapshot_ensure
from rapport.desk.today.agenda import agenda_build
from rapport.desk.today.digest import digests_send_due
from rapport.messaging.imap import mailboxes_sync
from rapport.messaging.outbox import outbox_send_due
from rapport.practices.models import Practice

log = logging.getLogger(__name__)
TICK_SECONDS = 60
READINGS_EVERY = timedelta(hours=1)
MAIL_EVERY = timedelta(minutes=5)


def practices_refresh(*, now: datetime | None = None) -> int:
    """Readings for every client, and the morning count for each practice."""
    now = now or timezone.now()
    clients = 0
    for practice in Practice.objects.all():
        clients += readings_refresh(practice=practice, now=now)
        agenda = agenda_build(practice, now=now, limit=0)
        snapshot_ensure(practice=practice, day=agenda.today, counts=agenda.counts())
    return clients


def run_once(*, now: datetime | None = None) -> None:
    mailboxes_sync()
    outbox_send_due(now=now)
    practices_refresh(now=now)
    digests_send_due(now=now)


def run_forever() -> None:
    stopping = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("worker started")
    last_refresh: datetime | None = None
    last_mail: datetime | None = None
    while not stopping:
        now = timezone.now()
        try:
            if last_refresh is None or now - last_refresh >= READINGS_EVERY or now < last_refresh:
                count = practices_refresh(now=now)
                last_refresh = now
                log.info("refreshed %d health readings", count)
            if last_mail is None or now - last_mail >= MAIL_EVERY or now < last_mail:
                report = mailboxes_sync()
                last_mail = now
                log.info("read mail: %s", report)
            outbox_send_due(now=now)
            digests_send_due(now=now)
        except Exception:  # one bad tick must not stop the worker; the next tick retries
            log.exception("worker tick failed")
        for _ in range(TICK_SECONDS):
            if stopping:
                break
            time.sleep(1)
    log.info("worker stopped")
