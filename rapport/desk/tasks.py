"""The desk's background work: one practice's health readings with its morning count, and
digests (a task)."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task

from rapport.attention.services import readings_refresh
from rapport.attention.snapshots import snapshot_ensure
from rapport.desk.today.agenda import agenda_build
from rapport.desk.today.digest import digests_send_due
from rapport.practices.models import Practice


def practice_refresh(practice: Practice, *, now: datetime) -> int:
    """Readings for every client of one practice, and its morning count; returns how many
    readings. The background refresh shares practices out between workers (server.refresh)."""
    clients = readings_refresh(practice=practice, now=now)
    agenda = agenda_build(practice, now=now, limit=0)
    snapshot_ensure(practice=practice, day=agenda.today, counts=agenda.counts())
    return clients


@task()
def digests_send() -> int:
    """The morning digests whose hour has come; returns how many were sent."""
    return digests_send_due()
