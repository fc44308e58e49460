"""The scheduler and the task worker: each period enqueued once, whatever the number of workers;
everything queued is run; background work goes through the Tasks framework only."""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus

from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.models import OutboxMessage, OutboxStatus
from rapport.messaging.services import message_approve
from rapport.messaging.tasks import outbox_send
from rapport.practices.models import Member
from rapport.server.models import PeriodicRun
from rapport.server.scheduler import PERIODIC, period_claim, schedule_due
from rapport.server.tasks import task_results_prune, uploads_tidy
from rapport.server.worker import run_once, work
from tests.messaging.conftest import MailServer

pytestmark = pytest.mark.tasks
EVERY = {periodic.name: periodic.every for periodic in PERIODIC}


def test_each_period_is_enqueued_once_however_many_schedulers_ask(db: None) -> None:
    now = timezone.now()
    assert schedule_due(now=now) == ["outbox", "digests", "mail", "readings", "prune", "tidy"]
    # Every other worker's scheduler, at the same moment or a little later: nothing more.
    assert schedule_due(now=now) == []
    assert schedule_due(now=now + timedelta(seconds=59)) == []
    assert schedule_due(now=now + timedelta(minutes=1)) == ["outbox", "digests"]
    assert schedule_due(now=now + timedelta(minutes=5)) == ["outbox", "digests", "mail"]
    assert schedule_due(now=now + timedelta(hours=1)) == [
        "outbox",
        "digests",
        "mail",
        "readings",
        "tidy",
    ]
    due = PeriodicRun.objects.get(name="readings").due_at
    assert due == now + timedelta(hours=2)


def test_a_clock_that_jumped_back_does_not_stop_the_schedule(db: None) -> None:
    now = timezone.now()
    readings = next(periodic for periodic in PERIODIC if periodic.name == "readings")
    assert period_claim(readings, now)
    assert not period_claim(readings, now - timedelta(minutes=30))
    # Set back by more than a period (a wrong clock corrected): due at once, not in days.
    assert period_claim(readings, now - timedelta(days=3))


def test_finished_task_results_are_kept_two_weeks(db: None) -> None:
    if settings.TASKS_BACKEND != "database":
        pytest.skip("RQ expires its own results")
    from django_tasks_db.models import DBTaskResult

    old, recent = outbox_send.enqueue(), outbox_send.enqueue()
    work(once=True, signals=False)
    DBTaskResult.objects.filter(id=old.id).update(finished_at=timezone.now() - timedelta(days=15))
    assert task_results_prune.call() == 1
    assert list(DBTaskResult.objects.values_list("id", flat=True)) == [uuid.UUID(recent.id)]


def test_the_worker_runs_what_is_queued_and_keeps_the_result(
    owner: Member, mail_server: MailServer
) -> None:
    owner.practice.undo_seconds = 0
    owner.practice.save(update_fields=["undo_seconds"])
    client = client_create(
        practice=owner.practice,
        full_name="Maya Lindqvist",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")],
    )
    message_approve(
        client=client, member=owner, channel="email", subject="Notes",
        body="Hello Maya,\n\nThe notes.\n\nAda", to_address="maya@example.org",
    )  # fmt: skip
    queued = outbox_send.enqueue()
    assert not mail_server.received  # enqueued is not sent: a worker runs it
    work(once=True, signals=False)
    assert len(mail_server.received) == 1
    result = outbox_send.get_result(queued.id)
    assert result.status == TaskResultStatus.SUCCESSFUL and result.return_value == 1
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT


def test_once_for_cron_enqueues_what_is_due_and_runs_it(
    owner: Member, mail_server: MailServer
) -> None:
    with time_machine.travel(timezone.now(), tick=False):
        run_once()
        assert set(PeriodicRun.objects.values_list("name", flat=True)) == set(EVERY)
        run_once()  # within the minute: nothing new is due, and nothing is left queued
    assert mail_server.received == []


def test_no_thread_or_process_of_its_own_for_background_work() -> None:
    """One mechanism: background work is a task, not a thread started beside a request."""
    package = Path(__file__).resolve().parents[2] / "rapport"
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "threading.Thread(" in path.read_text(encoding="utf-8")
    ]
    # The scheduler beside the worker, and gunicorn's watch over the worker, are the only ones.
    assert sorted(offenders) == ["server/gunicorn_conf.py", "server/worker.py"]


def test_uploads_left_for_a_day_are_deleted_by_the_scheduler(owner: Member) -> None:
    """Address books and calendars uploaded for a preview and never imported: people's data
    is not kept longer than the decision needs."""
    from rapport.appointments.models import CalendarUpload
    from rapport.portability.models import ImportBatch

    day_ago = timezone.now() - timedelta(hours=25)
    ImportBatch.objects.create(
        practice=owner.practice, filename="a.vcf", content=b"BEGIN:VCARD", created_at=day_ago
    )
    CalendarUpload.objects.create(practice=owner.practice, member=owner, filename="b.ics",
                                  content=b"BEGIN:VCALENDAR", created_at=day_ago)  # fmt: skip
    kept = ImportBatch.objects.create(practice=owner.practice, filename="c.vcf", content=b"")
    assert "tidy" in schedule_due()
    work(once=True, signals=False)
    assert list(ImportBatch.objects.all()) == [kept] and not CalendarUpload.objects.exists()
    assert uploads_tidy.call() == {"previews": 0, "thrown_away": 0, "published": 0,
                                   "calendars": 0}  # fmt: skip
