"""When each periodic task is next due, shared by every worker that runs the scheduler."""

from __future__ import annotations

from django.db import models


class PeriodicRun(models.Model):
    """One row a periodic task: a scheduler enqueues it only by moving `due_at` on, atomically,
    so any number of workers on any number of hosts enqueue it once per period."""

    name = models.CharField(max_length=100, primary_key=True)
    due_at = models.DateTimeField()
    enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} due {self.due_at:%Y-%m-%d %H:%M:%S}"


class WorkerHeartbeat(models.Model):
    """One row a worker process, written by its scheduler thread on every tick: the last beat
    of any of them tells whether background work (sending above all) is going."""

    worker = models.CharField(max_length=200, primary_key=True)  # host:pid
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker} beat {self.beat_at:%Y-%m-%d %H:%M:%S}"


class PracticeRefresh(models.Model):
    """One row a practice: the background refresh cycle it was last claimed for. A worker
    takes a practice only by moving `cycle` on with one conditional UPDATE (refresh.py), so
    however many workers share a cycle, each practice is refreshed once in it."""

    practice = models.OneToOneField(
        "practices.Practice", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    cycle = models.DateTimeField(null=True, blank=True, db_index=True)
    claimed_by = models.CharField(max_length=200, blank=True)  # host:pid, for an operator
    refreshed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"practice {self.practice_id} refreshed for {self.cycle}"
