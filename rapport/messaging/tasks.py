"""Messaging's background work, as tasks: sending the outbox and reading the practices' mailboxes.

Both are enqueued by the scheduler (rapport.server.scheduler) and may run on several
workers at once: the outbox claims each message before sending it (outbox.py), so
running the task twice never sends anything twice.
"""

from __future__ import annotations

import logging

from django_tasks import task

from rapport.messaging.imap import mailboxes_sync
from rapport.messaging.outbox import outbox_send_due

log = logging.getLogger(__name__)


@task()
def outbox_send() -> int:
    """Sends every message that is due; returns how many went."""
    return outbox_send_due()


@task()
def mail_read() -> str:
    """Reads each practice's mailbox; returns what was read, as words for the task's result."""
    report = mailboxes_sync()
    log.info("read mail: %s", report)
    return str(report)
