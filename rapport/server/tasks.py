"""Housekeeping: the task queue's old results, and what uploads and stopped imports leave."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend

from rapport.appointments.ics_import import calendar_uploads_prune
from rapport.portability.tidy import imports_tidy

KEEP_RESULTS = timedelta(days=14)


@task()
def task_results_prune() -> int:
    """The database backend keeps every task's result; finished ones go after two weeks.
    (RQ expires its own.) Returns how many went."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return 0
    from django_tasks_db.models import DBTaskResult

    finished_before = timezone.now() - KEEP_RESULTS
    deleted, _ = DBTaskResult.objects.filter(finished_at__lt=finished_before).delete()
    return deleted


@task()
def uploads_tidy() -> dict[str, int]:
    """Address-book and calendar previews never imported go after a day, and imports whose
    worker stopped are thrown away or finished (portability.tidy). Returns what was done."""
    now = timezone.now()
    return imports_tidy(now) | {"calendars": calendar_uploads_prune(now)}
