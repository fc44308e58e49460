"""The hourly refresh of every practice is shared between workers, and no practice is
refreshed twice in one cycle: two real processes, each with its own database connection,
on a SQLite file or a scratch PostgreSQL database, over 100 practices, two cycles running."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from rapport.clients.models import Client
from rapport.practices.services import practice_create
from rapport.server.models import PracticeRefresh
from rapport.server.worker import run_once
from tests.server.test_outbox_workers import _python, environment  # noqa: F401 (a fixture)

PRACTICES = 100

SETUP = """
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from rapport.clients.models import Client
from rapport.practices.models import Practice
practices = Practice.objects.bulk_create(
    Practice(name=f"Practice {number:03}") for number in range(int(sys.argv[1])))
Client.objects.bulk_create(
    Client(practice=practice, full_name=f"Client {number}")
    for practice in practices for number in range(10))
"""

SHARE = """
import json, os, sys, time, django
from datetime import datetime
from pathlib import Path
os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
django.setup()
from rapport.server.refresh import practices_refresh_share
folder, worker = Path(sys.argv[1]), sys.argv[2]
(folder / f"{worker}.ready").touch()
while not (folder / "go").exists():  # both start at once
    time.sleep(0.01)
done = practices_refresh_share(datetime.fromisoformat(sys.argv[3]), worker=worker)
print(json.dumps(done))
"""

REPORT = """
import json, os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
django.setup()
from rapport.attention.models import ClientReading
from rapport.practices.models import Practice
from rapport.server.models import PracticeRefresh
print(json.dumps({
    "practices": sorted(Practice.objects.values_list("pk", flat=True)),
    "cycles": sorted({str(c) for c in PracticeRefresh.objects.values_list("cycle", flat=True)}),
    "readings": ClientReading.objects.count(),
}))
"""


def _cycle(env: dict[str, str], folder: Path, cycle: str) -> dict[str, list[int]]:
    folder.mkdir()
    workers = {
        name: subprocess.Popen(
            [sys.executable, "-c", SHARE, str(folder), name, cycle],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("worker-a", "worker-b")
    }
    deadline = time.monotonic() + 60
    while not all((folder / f"{name}.ready").exists() for name in workers):
        assert time.monotonic() < deadline, "the workers did not start"
        assert all(worker.poll() is None for worker in workers.values())
        time.sleep(0.05)
    (folder / "go").touch()
    done = {}
    for name, worker in workers.items():
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err[-3000:]
        done[name] = json.loads(out)
    return done


@pytest.mark.slow
def test_two_workers_refresh_each_practice_exactly_once_a_cycle(
    environment: dict[str, str],  # noqa: F811 (the fixture imported above)
    tmp_path: Path,
) -> None:
    env = environment
    _python(env, SETUP, str(PRACTICES))
    practices = json.loads(_python(env, REPORT))["practices"]
    assert len(practices) == PRACTICES
    # The cycle is opened as readings_refresh_all opens it: a row for every practice.
    open_cycle = (
        "import os, django\nos.environ['DJANGO_SETTINGS_MODULE'] = 'rapport.settings'\n"
        "django.setup()\nfrom datetime import datetime\n"
        "from rapport.server.refresh import cycle_open\nimport sys\n"
        "cycle_open(datetime.fromisoformat(sys.argv[1]))\n"
    )
    first = timezone.now()
    for number, cycle in enumerate([first, first + timedelta(hours=1)]):
        _python(env, open_cycle, cycle.isoformat())
        done = _cycle(env, tmp_path / f"cycle-{number}", cycle.isoformat())
        a, b = done["worker-a"], done["worker-b"]
        assert not set(a) & set(b)  # none refreshed by both
        assert len(a) + len(b) == len(set(a) | set(b)) == PRACTICES  # none twice, none missed
        assert sorted(a + b) == practices
        assert a and b, done  # and the two really shared the work
        report = json.loads(_python(env, REPORT))
        assert len(report["cycles"]) == 1  # every practice was taken for this cycle
        assert report["readings"] == PRACTICES * 10


@pytest.mark.tasks
def test_the_hourly_task_refreshes_every_practice_through_the_queue(db: None) -> None:
    practices = [
        practice_create(
            name=f"Practice {number}",
            owner_email=f"owner{number}@example.org",
            owner_name="Owner",
            password="correct horse battery",
        ).practice
        for number in range(3)
    ]
    for practice in practices:
        Client.objects.create(practice=practice, full_name="Ana Lima")
    run_once()  # the scheduler enqueues the hourly task, which enqueues the shares; all run
    rows = list(PracticeRefresh.objects.order_by("practice_id"))
    assert [row.practice_id for row in rows] == sorted(practice.pk for practice in practices)
    assert len({row.cycle for row in rows}) == 1
    assert all(row.refreshed_at is not None and row.claimed_by for row in rows)
    assert all(Client.objects.get(practice=practice).reading for practice in practices)
