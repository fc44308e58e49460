"""`rapport backup` and `rapport restore`, as real processes, while another process writes.

On the suite's SQLite run this uses a SQLite file in a temporary folder; on the
PostgreSQL run (DATABASE_URL set) a scratch database on the same server, with
pg_dump and pg_restore.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

RAPPORT = Path(sys.executable).with_name("rapport")
pytestmark = pytest.mark.slow

# Writes clients, each with its email, one transaction each, until told to stop.
WRITER = """
import os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
django.setup()
from pathlib import Path
from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.practices.models import Practice
practice = Practice.objects.get()
stop = Path(sys.argv[1])
number = 0
while not stop.exists():
    number += 1
    client_create(practice=practice, full_name=f"Writer {number:05}",
        contact_points=[ContactPointInput(ContactKind.EMAIL, f"w{number}@example.org")])
"""

COUNT = """
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
django.setup()
from rapport.clients.models import Client, ContactPoint
clients = Client.objects.count()
orphans = Client.objects.filter(contact_points__isnull=True).count()
print(clients, orphans)
"""


@pytest.fixture
def environment(tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["RAPPORT_DATA_DIR"] = str(tmp_path / "data")
    env["RAPPORT_PASSWORD"] = "correct horse battery"
    scratch = ""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        scratch = f"rapport_backup_{uuid.uuid4().hex[:8]}"
        subprocess.run(["psql", base, "-c", f"CREATE DATABASE {scratch}"], check=True)
        env["DATABASE_URL"] = base.rsplit("/", 1)[0] + "/" + scratch
    else:
        env.pop("DATABASE_URL", None)
    yield env
    if scratch:
        subprocess.run(
            ["psql", base, "-c", f"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)"], check=True
        )


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RAPPORT), *args], env=env, capture_output=True, text=True, timeout=180, check=False
    )


def _count(env: dict[str, str]) -> tuple[int, int]:
    out = subprocess.run(
        [sys.executable, "-c", COUNT], env=env, capture_output=True, text=True, check=True
    )
    clients, orphans = out.stdout.split()
    return int(clients), int(orphans)


def test_backup_while_writing_then_restore(environment: dict[str, str], tmp_path: Path) -> None:
    env = environment
    made = _run(env, "createpractice", "Harbour Lane", "--email", "sam@example.org")
    assert made.returncode == 0, made.stderr
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(stop)], env=env)
    try:
        time.sleep(3)  # well under way
        before, _ = _count(env)
        target = tmp_path / "snapshot.backup"
        saved = _run(env, "backup", "--output", str(target))
        after, _ = _count(env)
        time.sleep(1)
    finally:
        stop.touch()
        writer.wait(timeout=60)
    assert saved.returncode == 0, saved.stderr
    assert "Backup written to" in saved.stdout and target.stat().st_size > 0
    final, _ = _count(env)
    assert 0 < before <= after < final

    again = _run(env, "backup", "--output", str(target))
    assert again.returncode == 2 and "already exists" in again.stderr

    restored = _run(env, "restore", str(target), "--yes")
    assert restored.returncode == 0, restored.stderr
    clients, orphans = _count(env)
    # A snapshot of one moment: every client with its email, none written after it.
    assert before <= clients <= after and orphans == 0

    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a backup at all")
    refused = _run(env, "restore", str(junk), "--yes")
    assert refused.returncode == 2 and "not a" in refused.stderr
    assert _count(env) == (clients, 0)
