"""Housekeeping of the task queue itself."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend

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
