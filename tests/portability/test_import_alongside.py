"""While `rapport import` writes a large address book, another member's quick captures
go on: none fails, none waits long. Two real processes on one real database file (or
PostgreSQL database), as a worker and a web process would be."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
CARDS = 20000
PYTHON = sys.executable

SETUP = """
import django; django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from rapport.clients.services import client_create
from rapport.practices.services import practice_create
owner = practice_create(name="Alongside", owner_email="owner@example.org", owner_name="Owner",
                        password="a-long-password-1")
client_create(practice=owner.practice, full_name="Maya Reid", created_by=owner)
"""

# Captures every 50 ms until the import's process has gone; then what it saw, as JSON.
CAPTURES = """
import json, os, sys, time
import django; django.setup()
from rapport.clients.models import Client
from rapport.practices.models import Member
from rapport.timeline.services import quick_capture
member = Member.objects.get()
maya = Client.objects.get(full_name="Maya Reid")
waits, failures = [], []
while os.path.exists(sys.argv[1]) or not waits:
    started = time.monotonic()
    try:
        quick_capture(client=maya, text="Asked to move Tuesday to the afternoon.", member=member)
    except Exception as error:
        failures.append(type(error).__name__ + ": " + str(error))
    waits.append(time.monotonic() - started)
    time.sleep(0.05)
print(json.dumps({"waits": waits, "failures": failures}))
"""


@pytest.fixture
def database(tmp_path: Path) -> Iterator[dict[str, str]]:
    """An environment for the processes: a fresh SQLite file, or a fresh PostgreSQL database
    when the suite runs on PostgreSQL."""
    env = dict(
        os.environ, RAPPORT_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="rapport.settings"
    )
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        env.pop("DATABASE_URL", None)
        yield env
        return
    import psycopg

    name = f"rapport_alongside_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
    try:
        yield env
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _cards(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        for number in range(CARDS):
            out.write(
                f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {number}\r\n"
                f"EMAIL:person{number}@example.org\r\nTEL:07700 9{number:05d}\r\n"
                f"NOTE:Met at the spring fair ({number}).\r\nCATEGORIES:Fair\r\nEND:VCARD\r\n"
            )


def test_quick_captures_go_on_while_a_large_import_is_written(
    tmp_path: Path, database: dict[str, str]
) -> None:
    subprocess.run([PYTHON, "-c", SETUP], env=database, check=True, timeout=120)
    contacts = tmp_path / "contacts.vcf"
    _cards(contacts)
    running = tmp_path / "import-running"
    running.touch()
    capturing = subprocess.Popen(
        [PYTHON, "-c", CAPTURES, str(running)], env=database, stdout=subprocess.PIPE, text=True
    )
    imported = subprocess.run(
        [PYTHON, "-m", "rapport.cli", "import", str(contacts)],
        env=database, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    running.unlink()
    seen = json.loads(capturing.communicate(timeout=60)[0])
    assert imported.returncode == 0, imported.stderr[-2000:]
    assert f"Imported: {CARDS} new" in imported.stdout
    assert seen["failures"] == []
    assert len(seen["waits"]) >= 20  # captures really ran while the import did
    assert max(seen["waits"]) < 2.0, sorted(seen["waits"])[-5:]
