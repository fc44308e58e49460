"""`rapport backup` and `rapport restore`, as real processes, while another process writes.

On the suite's SQLite run this uses a SQLite file in a temporary folder; on the
PostgreSQL run (DATABASE_URL set) a scratch database on the same server, with
pg_dump and pg_restore.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.imap_server import ImapServer

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


# In the data folder the backup is made from: a client with a late notice's reschedule link, an
# unsubscribe link signed with the secret key (as emails sent before short links carry), and
# the practice's mailbox with its password.
BEFORE_BACKUP = """
import json, os, sys, django
from datetime import timedelta
os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
django.setup()
from django.core import signing
from django.utils import timezone
from rapport.appointments.links import reschedule_token
from rapport.appointments.services import appointment_create
from rapport.clients.models import ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.models import Mailbox
from rapport.messaging.unsubscribe import LEGACY_SALT
from rapport.practices.models import Member
host, port, username, password = sys.argv[1:5]
member = Member.objects.select_related("practice").get()
client = client_create(practice=member.practice, full_name="Maya Patel",
    contact_points=[ContactPointInput(ContactKind.EMAIL, "maya@example.org")])
start = timezone.now() + timedelta(days=1)
appointment = appointment_create(client=client, member=member, starts_at=start,
    ends_at=start + timedelta(hours=1))
Mailbox.objects.create(practice=member.practice, host=host, port=int(port), use_ssl=False,
    username=username, password=password, address=username)
print(json.dumps({
    "reschedule": reschedule_token(appointment),
    "unsubscribe": signing.dumps({"p": member.practice_id, "c": client.pk}, salt=LEGACY_SALT),
}))
"""

# In the new data folder, after the restore: the links open, the mailbox is read. (The test
# settings only serve static files without collecting them first.)
AFTER_RESTORE = """
import json, os, sys, django
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
django.setup()
from django.test import Client as HttpClient
from rapport.messaging.imap import mailbox_sync
from rapport.messaging.models import Mailbox
links = json.loads(sys.argv[1])
visitor = HttpClient()
mailbox = Mailbox.objects.get()
mailbox_sync(mailbox=mailbox)
print(json.dumps({
    "reschedule": visitor.get(f"/r/{links['reschedule']}/").status_code,
    "unsubscribe": visitor.get(f"/u/{links['unsubscribe']}/").status_code,
    "password": mailbox.password,
    "mailbox_error": mailbox.last_error,
}))
"""


def _python(env: dict[str, str], script: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture
def new_machine(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A second installation: its own data folder (so its own secret key), its own database."""
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    for name in ("SECRET_KEY", "RAPPORT_ENCRYPTION_KEYS"):
        env.pop(name, None)
    env["RAPPORT_DATA_DIR"] = str(tmp_path / "new-machine")
    env["RAPPORT_ALLOWED_HOSTS"] = "testserver"
    scratch = ""
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith("postgres"):
        scratch = f"rapport_restore_{uuid.uuid4().hex[:8]}"
        subprocess.run(["psql", base, "-c", f"CREATE DATABASE {scratch}"], check=True)
        env["DATABASE_URL"] = base.rsplit("/", 1)[0] + "/" + scratch
    yield env
    if scratch:
        subprocess.run(
            ["psql", base, "-c", f"DROP DATABASE IF EXISTS {scratch} WITH (FORCE)"], check=True
        )


def test_a_restore_on_a_new_machine_keeps_links_and_the_mailbox_password(
    environment: dict[str, str],
    new_machine: dict[str, str],
    tmp_path: Path,
    imap_server: ImapServer,
) -> None:
    old = environment | {"RAPPORT_ALLOWED_HOSTS": "testserver"}
    for name in ("SECRET_KEY", "RAPPORT_ENCRYPTION_KEYS"):
        old.pop(name, None)
    made = _run(old, "createpractice", "Harbour Lane", "--email", "sam@example.org")
    assert made.returncode == 0, made.stderr
    links = _python(
        old,
        BEFORE_BACKUP,
        imap_server.host,
        str(imap_server.port),
        imap_server.username,
        imap_server.password,
    )
    target = tmp_path / "elsewhere" / "practice.zip"
    previous = os.umask(0o022)
    try:
        saved = _run(old, "backup", "--output", str(target))
    finally:
        os.umask(previous)
    assert saved.returncode == 0, saved.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # it holds the keys
    with zipfile.ZipFile(target) as archive:
        manifest = json.loads(archive.read("rapport-backup.json"))
    old_data = Path(old["RAPPORT_DATA_DIR"])
    assert manifest["secret_key"] == (old_data / "secret_key").read_text().strip()
    assert manifest["encryption_keys"] == (old_data / "encryption_keys").read_text().split()

    # The new machine has made its own keys before the restore, as any start does.
    assert _run(new_machine, "manage", "migrate", "-v", "0").returncode == 0
    new_data = Path(new_machine["RAPPORT_DATA_DIR"])
    assert (new_data / "secret_key").read_text() != (old_data / "secret_key").read_text()

    restored = _run(new_machine, "restore", str(target), "--yes")
    assert restored.returncode == 0, restored.stderr
    after = json.loads(_python(new_machine, AFTER_RESTORE, links))
    assert after == {
        "reschedule": 200,
        "unsubscribe": 200,
        "password": imap_server.password,
        "mailbox_error": "",
    }
    for name in ("secret_key", "encryption_keys"):
        assert stat.S_IMODE((new_data / name).stat().st_mode) == 0o600, name
