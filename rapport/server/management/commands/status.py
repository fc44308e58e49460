"""`rapport status`: is the background worker alive, and what waits for it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rapport.lib.commands import RapportCommand


class Command(RapportCommand):
    summary = "say whether the background worker is alive and what is queued"
    help = (
        "Say when a worker last beat and how many tasks wait, the oldest since when. "
        "Exits 1 when no worker has beaten for three minutes (or ever), for monitoring; "
        "2 when the database or the queue cannot be read."
    )

    def run(self, **options: Any) -> int:
        from django.db import DatabaseError
        from django.utils import timezone

        from rapport.server import heartbeat

        now = timezone.now()
        try:
            beat_at = heartbeat.last_beat()
            queue = heartbeat.queue()
        except DatabaseError:
            self.stderr.write(
                "The database is not set up yet (or not reachable): run `rapport serve` once, "
                "or check RAPPORT_DATA_DIR and DATABASE_URL."
            )
            return 2
        except heartbeat.QueueUnreachable as error:
            self.stderr.write(f"The task queue (Redis, RAPPORT_REDIS_URL) does not answer: {error}")
            return 2
        alive = beat_at is not None and now - beat_at <= heartbeat.STALE_AFTER
        if beat_at is None:
            self.stdout.write("Worker: never seen: no worker has run on this database.")
        else:
            state = "alive" if alive else "STOPPED"
            self.stdout.write(f"Worker: {state}, last heartbeat {_when(beat_at, now)}.")
        if queue.oldest is None:
            self.stdout.write("Queue: nothing waiting.")
        else:
            tasks = f"{queue.waiting} task{'' if queue.waiting == 1 else 's'}"
            self.stdout.write(
                f"Queue: {tasks} waiting, the oldest enqueued {_when(queue.oldest, now)}."
            )
        return 0 if alive else 1


def _when(moment: datetime, now: datetime) -> str:
    """Like "3 minutes ago (2026-11-30 10:42:05 UTC)", in the server's zone, as logs are."""
    from django.utils import timezone

    from rapport.lib.humanize import ago

    return f"{ago(moment, now)} ({timezone.localtime(moment):%Y-%m-%d %H:%M:%S %Z})"
