"""The desk's background work, as tasks: health readings with the morning count, and digests."""

from __future__ import annotations

import logging
from datetime import datetime

from django.utils import timezone
from django_tasks import task

from rapport.attention.services import readings_refresh
from rapport.attention.snapshots import snapshot_ensure
from rapport.desk.today.agenda import agenda_build
from rapport.desk.today.digest import digests_send_due
from rapport.practices.models import Practice

log = logging.getLogger(__name__)


def practices_refresh(*, now: datetime | None = None) -> int:
    """Readings for every client, and the morning count for each practice."""
    now = now or timezone.now()
    clients = 0
    for practice in Practice.objects.all():
        clients += readings_refresh(practice=practice, now=now)
        agenda = agenda_build(practice, now=now, limit=0)
        snapshot_ensure(practice=practice, day=agenda.today, counts=agenda.counts())
    return clients


@task()
def readings_refresh_all() -> int:
    """Time alone moves a client from steady to cooling: every client's reading, each hour."""
    count = practices_refresh()
    log.info("refreshed %d health readings", count)
    return count


@task()
def digests_send() -> int:
    """The morning digests whose hour has come; returns how many were sent."""
    return digests_send_due()
