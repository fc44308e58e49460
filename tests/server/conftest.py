"""The task tests: on RQ (RAPPORT_TASKS_BACKEND=rq) each starts from an empty Redis database,
the tests' own (tests/settings.py), so no task queued by one test runs in another."""

from __future__ import annotations

import pytest
from django.conf import settings

from tests.messaging.conftest import mail_server  # noqa: F401 (a real SMTP server, for the worker)


@pytest.fixture(autouse=True)
def empty_task_queue() -> None:
    if settings.TASKS_BACKEND == "rq":
        import django_rq

        django_rq.get_connection("default").flushdb()
