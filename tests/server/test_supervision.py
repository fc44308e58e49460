"""The worker cannot die quietly: real `rapport serve` and `rapport worker` processes, killed.

Each process started here carries the test's own data folder in its environment, so
/proc tells which processes are this test's, wherever they were reparented to.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.test_cli import RAPPORT, free_port

pytestmark = pytest.mark.slow
STARTED = re.compile(r"Started the Rapport worker \(pid (\d+)\)")
RESTART_WITHIN = 10  # seconds, as promised in docs/deploy.md


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    """Always SQLite in a temporary folder: never the database a CI run points the suite at."""
    unwanted = ("DATABASE_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "RAPPORT_BASE_URL")
    env = {key: value for key, value in os.environ.items() if key not in unwanted}
    env["RAPPORT_DATA_DIR"] = str(tmp_path / "data")
    env["RAPPORT_TASKS_BACKEND"] = "database"
    return env


def processes_of(environment: dict[str, str], *, workers_only: bool = False) -> list[int]:
    """Live processes whose environment names this test's data folder; with `workers_only`,
    only task workers and their supervisors (`rapport worker`, not gunicorn's `--workers`)."""
    marker = f"RAPPORT_DATA_DIR={environment['RAPPORT_DATA_DIR']}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        try:
            variables = (entry / "environ").read_bytes().split(b"\0")
            arguments = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # not a process, gone meanwhile, or not ours
            continue
        if marker in variables and (b"worker" in arguments or not workers_only):
            found.append(int(entry.name))
    return found


def wait_for(condition: object, seconds: float, what: str, log: Path) -> float:
    """Polls `condition` (a callable) until true; returns how long it took."""
    assert callable(condition)
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if condition():
            return time.monotonic() - started
        time.sleep(0.1)
    pytest.fail(f"{what} not within {seconds} s:\n{log.read_text()}")


def workers_started(log: Path) -> list[int]:
    return [int(pid) for pid in STARTED.findall(log.read_text())]


def rapport(environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RAPPORT), *arguments], env=environment, capture_output=True, text=True, timeout=60
    )


def task_runs_now(environment: dict[str, str], log: Path) -> None:
    """A task enqueued by another process is run by the worker there is now."""
    enqueue = "from rapport.server.tasks import uploads_tidy; print(uploads_tidy.enqueue().id)"
    done = rapport(environment, "manage", "shell", "-c", enqueue)
    assert done.returncode == 0, done.stderr
    task = uuid.UUID(done.stdout.strip().splitlines()[-1]).hex
    database = Path(environment["RAPPORT_DATA_DIR"]) / "rapport.sqlite3"

    def finished() -> bool:
        with sqlite3.connect(database, timeout=20) as connection:
            row = connection.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = ?", (task,)
            ).fetchone()
        return bool(row and row[0] == "SUCCESSFUL")

    wait_for(finished, 10, "the queued task run", log)


def kill_and_see_restarted(log: Path) -> int:
    """Kills the newest worker outright; returns the pid of the one started in its place."""
    killed = workers_started(log)[-1]
    os.kill(killed, signal.SIGKILL)
    took = wait_for(lambda: len(workers_started(log)) > 1, RESTART_WITHIN, "a new worker", log)
    new = workers_started(log)[-1]
    assert new != killed and took < RESTART_WITHIN
    os.kill(new, 0)
    return new


@pytest.fixture
def started(environment: dict[str, str], tmp_path: Path) -> Iterator[list[subprocess.Popen[bytes]]]:
    """The processes a test starts; whatever is left of them is killed at the end."""
    processes: list[subprocess.Popen[bytes]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait()
    for pid in processes_of(environment):
        os.kill(pid, signal.SIGKILL)


def test_serve_restarts_a_killed_worker_and_the_queue_runs_again(
    environment: dict[str, str], tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    port, log = free_port(), tmp_path / "serve.log"
    command = [str(RAPPORT), "serve", "--port", str(port), "--workers", "1"]
    server = subprocess.Popen(
        command, env=environment, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    started.append(server)
    wait_for(lambda: workers_started(log), 60, "the first worker", log)
    kill_and_see_restarted(log)
    task_runs_now(environment, log)
    assert rapport(environment, "status").returncode == 0
    # A master killed outright takes its worker with it. (Its web workers notice too, at
    # their next timeout, which is gunicorn's business.)
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    wait_for(lambda: not processes_of(environment, workers_only=True), 10, "the worker gone", log)


def test_a_port_already_taken_fails_and_leaves_no_process_behind(
    environment: dict[str, str], tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    log = tmp_path / "serve.log"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        command = [str(RAPPORT), "serve", "--port", str(port), "--workers", "1"]
        server = subprocess.Popen(
            command, env=environment, stdout=log.open("w"), stderr=subprocess.STDOUT
        )
        started.append(server)
        assert server.wait(timeout=60) != 0, log.read_text()
    assert "Address already in use" in log.read_text()
    assert not workers_started(log)
    assert processes_of(environment) == [], log.read_text()


def test_the_standalone_worker_restarts_its_killed_worker(
    environment: dict[str, str], tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    assert rapport(environment, "manage", "migrate", "-v0").returncode == 0
    log = tmp_path / "worker.log"
    supervisor = subprocess.Popen(
        [str(RAPPORT), "worker"], env=environment, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    started.append(supervisor)
    wait_for(lambda: workers_started(log), 30, "the first worker", log)
    kill_and_see_restarted(log)
    task_runs_now(environment, log)
    # The supervisor killed outright takes its worker with it: no worker without a parent.
    os.kill(supervisor.pid, signal.SIGKILL)
    supervisor.wait()
    wait_for(lambda: not processes_of(environment), 10, "the worker gone", log)
