"""Exactly once under several workers: 4 `rapport worker` processes, one outbox of 1,000 emails.

Real processes on a database of their own (a SQLite file, or a scratch PostgreSQL
database on the suite's PostgreSQL run), the task queue of the configured backend
(the database, or Redis with RAPPORT_TASKS_BACKEND=rq), and a real SMTP server.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from tests.messaging.conftest import MailServer, free_port

RAPPORT = Path(sys.executable).with_name("rapport")
WORKERS = 4
MESSAGES = 1000
TASKS = 8  # more outbox tasks than workers, so every worker drains the same outbox at once
pytestmark = [pytest.mark.slow, pytest.mark.tasks]

SETUP = """
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
django.setup()
from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.services import message_approve
from rapport.practices.models import Member
owner = Member.objects.select_related("practice").get()
owner.practice.undo_seconds = 0
owner.practice.save(update_fields=["undo_seconds"])
for person in range(50):
    client = client_create(practice=owner.practice, full_name=f"Client {person:02}",
        contact_points=[ContactPointInput(ContactKind.EMAIL, f"c{person}@example.org")])
    for number in range(20):
        message_approve(client=client, member=owner, channel="email",
            subject=f"Notes {person}-{number}", body=f"Hello,\\n\\nNotes {number}.\\n\\nAda",
            to_address=f"c{person}@example.org")
"""

ENQUEUE = """
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
django.setup()
from rapport.messaging.tasks import outbox_send
print(" ".join(str(outbox_send.enqueue().id) for _ in range(int(sys.argv[1]))))
"""

REPORT = """
import json, os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
django.setup()
from rapport.messaging.models import OutboxMessage
from rapport.messaging.tasks import outbox_send
results = [outbox_send.get_result(task_id) for task_id in sys.argv[1:]]
print(json.dumps({
    "statuses": sorted(
        OutboxMessage.objects.order_by().values_list("status", "attempts").distinct()),
    "message_ids": sorted(OutboxMessage.objects.values_list("message_id", flat=True)),
    "tasks": [[str(r.status), r.return_value if r.is_finished else None, r.worker_ids]
              for r in results],
}))
"""


@pytest.fixture
def environment(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A database of its own: a SQLite file, or a scratch database on the suite's PostgreSQL."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["RAPPORT_DATA_DIR"] = str(tmp_path / "data")
    env["RAPPORT_PASSWORD"] = "correct horse battery"
    env["RAPPORT_LOG_LEVEL"] = "WARNING"
    scratch = ""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        scratch = f"rapport_outbox_{uuid.uuid4().hex[:8]}"
        subprocess.run(["psql", base, "-qc", f"CREATE DATABASE {scratch}"], check=True)
        env["DATABASE_URL"] = base.rsplit("/", 1)[0] + "/" + scratch
    else:
        env.pop("DATABASE_URL", None)
    if env.get("RAPPORT_TASKS_BACKEND") == "rq":
        import redis

        url = os.environ.get("RAPPORT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
        redis.Redis.from_url(url).flushdb()  # the tests' own Redis database, nobody else's
        env["RAPPORT_REDIS_URL"] = url
    yield env
    if scratch:
        subprocess.run(
            ["psql", base, "-qc", f"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)"], check=True
        )


@pytest.fixture
def smtp(environment: dict[str, str]) -> Iterator[MailServer]:
    server = MailServer()
    port = free_port()
    controller = Controller(server, hostname="127.0.0.1", port=port)
    controller.start()
    environment.update(
        RAPPORT_SMTP_HOST="127.0.0.1",
        RAPPORT_SMTP_PORT=str(port),
        RAPPORT_SMTP_STARTTLS="0",
        RAPPORT_SMTP_SSL="0",
    )
    yield server
    controller.stop()


def _python(env: dict[str, str], script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_four_workers_send_each_of_a_thousand_emails_exactly_once(
    environment: dict[str, str], smtp: MailServer, tmp_path: Path
) -> None:
    env = environment
    made = subprocess.run(
        [str(RAPPORT), "createpractice", "Harbour Lane", "--email", "ada@example.org"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    _python(env, SETUP)

    logs = [tmp_path / f"worker-{number}.log" for number in range(WORKERS)]
    workers = [
        subprocess.Popen(
            [str(RAPPORT), "worker"], env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
        )
        for log in logs
    ]
    try:
        time.sleep(3)  # all four up and polling the queue
        assert all(worker.poll() is None for worker in workers), _tails(logs)
        task_ids = _python(env, ENQUEUE, str(TASKS)).split()
        deadline = time.monotonic() + 180
        while len(smtp.received) < MESSAGES and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(3)  # room for a second copy to arrive, if one were ever sent
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()

    report = json.loads(_python(env, REPORT, *task_ids))
    arrived = Counter(str(message["Message-ID"]) for message in smtp.received)
    assert len(smtp.received) == MESSAGES, _tails(logs)
    assert set(arrived.values()) == {1}  # none twice
    assert sorted(arrived) == report["message_ids"]  # and every one of them
    assert report["statuses"] == [["sent", 1]]  # each sent on its first and only attempt
    # The four really worked at once: the sending was shared between workers.
    senders = {tuple(ids) for status, sent, ids in report["tasks"] if sent}
    assert len(senders) >= 2, report["tasks"]


def _tails(logs: list[Path]) -> str:
    return "\n".join(f"{log.name}: {log.read_text()[-1500:]}" for log in logs)
