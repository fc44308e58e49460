"""Secrets at rest (issue 15): private file modes whatever the umask, mailbox passwords
encrypted (and their keys rotated), calendar-feed tokens kept only as hashes, and the
migrations that bring an older database there. docs/security.md says what each protects."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client as HttpClient

from rapport.lib.config import encryption_keys, new_encryption_key, private_file, secret_key
from rapport.lib.encryption import PREFIX
from rapport.messaging.imap import mailbox_sync
from rapport.messaging.models import Mailbox
from rapport.practices.models import Member
from tests.conftest import ClientFile
from tests.imap_server import ImapServer

RAPPORT = Path(sys.executable).with_name("rapport")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextlib.contextmanager
def umask(value: int) -> Iterator[None]:
    """A permissive umask, as on many systems, for this process and the ones it starts."""
    before = os.umask(value)
    try:
        yield
    finally:
        os.umask(before)


def _env(data: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    for name in ("DATABASE_URL", "SECRET_KEY", "RAPPORT_ENCRYPTION_KEYS"):
        env.pop(name, None)  # SQLite in the data folder, keys made there
    env["RAPPORT_DATA_DIR"] = str(data)
    env["RAPPORT_PASSWORD"] = "correct horse battery"
    return env


def _run(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [str(RAPPORT), *args], env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_the_data_folder_and_everything_secret_in_it_are_private_whatever_the_umask(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    env = _env(data)
    with umask(0o002):
        _run(env, "createpractice", "Harbour Lane", "--email", "sam@example.org")
        _run(env, "manage", "rotatekeys")  # makes the encryption key file, then a new key
        _run(env, "backup")
        _run(env, "backup", "--output", str(tmp_path / "elsewhere" / "snapshot.zip"))
        _run(env, "export", "-o", str(tmp_path / "practice.json"))
        _run(env, "export", "--format", "csv", "-o", str(tmp_path / "clients.csv"))
        database = data / "rapport.sqlite3"
        # Held open in WAL mode, as a running server holds it, so -wal and -shm exist.
        held = sqlite3.connect(database)
        held.execute("PRAGMA journal_mode=WAL")
        held.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
        held.execute("INSERT INTO scratch VALUES (1)")
        held.commit()
    try:
        assert mode(data) == 0o700
        for name in ("rapport.sqlite3", "rapport.sqlite3-wal", "rapport.sqlite3-shm"):
            assert mode(data / name) == 0o600, name
        assert mode(data / "secret_key") == 0o600
        assert mode(data / "encryption_keys") == 0o600
        assert mode(data / "backups") == 0o700
        [backup] = (data / "backups").iterdir()
        assert backup.suffix == ".zip" and mode(backup) == 0o600
        assert mode(tmp_path / "elsewhere") == 0o700  # a folder the backup made
        assert mode(tmp_path / "elsewhere" / "snapshot.zip") == 0o600
        assert mode(tmp_path / "practice.json") == 0o600
        assert mode(tmp_path / "clients.csv") == 0o600
    finally:
        held.close()


@pytest.mark.slow
def test_a_data_folder_made_open_before_is_tightened_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = _env(data)
    with umask(0o022):
        _run(env, "createpractice", "Harbour Lane", "--email", "sam@example.org")
    # As an older version left them, or a copy with `cp -r` under a loose umask; -wal and -shm
    # take the database's mode, and are there while a process holds it open.
    data.chmod(0o755)
    for name in ("rapport.sqlite3", "secret_key"):
        (data / name).chmod(0o644)
    held = sqlite3.connect(data / "rapport.sqlite3")
    try:
        held.execute("PRAGMA journal_mode=WAL")
        held.execute("CREATE TABLE IF NOT EXISTS scratch (x)")
        held.commit()
        assert mode(data / "rapport.sqlite3-wal") == 0o644
        with umask(0o022):
            _run(env, "today")
        assert mode(data) == 0o700
        for name in ("rapport.sqlite3", "rapport.sqlite3-wal", "rapport.sqlite3-shm"):
            assert mode(data / name) == 0o600, name
    finally:
        held.close()
    assert mode(data / "secret_key") == 0o600


def test_keys_and_private_files_are_0600_under_any_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("RAPPORT_ENCRYPTION_KEYS", raising=False)
    for index, loose in enumerate((0o022, 0o002, 0o000)):
        folder = tmp_path / str(index)
        folder.mkdir()
        with umask(loose):
            secret_key(folder)
            [key] = encryption_keys(folder, create=True)
            private_file(folder / "export.json")
        Fernet(key)  # a real Fernet key
        for name in ("secret_key", "encryption_keys", "export.json"):
            assert mode(folder / name) == 0o600, (oct(loose), name)
        assert encryption_keys(folder) == [key]  # made once


def _raw_password(mailbox: Mailbox) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT password FROM messaging_mailbox WHERE id = %s", [mailbox.pk])
        (stored,) = cursor.fetchone()
    return str(stored)


@pytest.fixture
def key_folder(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder of this test's own, so its keys are made and rotated here."""
    monkeypatch.delenv("RAPPORT_ENCRYPTION_KEYS", raising=False)
    settings.DATA_DIR = tmp_path
    return tmp_path


def _mailbox(file: ClientFile, server: ImapServer) -> Mailbox:
    return Mailbox.objects.create(
        practice=file.client.practice,
        host=server.host,
        port=server.port,
        use_ssl=False,
        username=server.username,
        password=server.password,
        address="practice@example.org",
    )


def test_the_mailbox_password_is_encrypted_and_the_mailbox_still_read(
    client_file: ClientFile, imap_server: ImapServer, key_folder: Path
) -> None:
    mailbox = _mailbox(client_file, imap_server)
    stored = _raw_password(mailbox)
    assert imap_server.password not in stored and stored.startswith(PREFIX)
    [key] = encryption_keys(key_folder)  # made on first use, in the data folder
    assert Fernet(key).decrypt(stored.removeprefix(PREFIX).encode()).decode() == (
        imap_server.password
    )
    reread = Mailbox.objects.get(pk=mailbox.pk)
    assert reread.password == imap_server.password
    mailbox_sync(mailbox=reread)  # logs in to the real IMAP server with it
    assert reread.last_error == "" and reread.last_sync_at is not None
    # Nor in a dump of the database, which loads back to the same password.
    dumped = io.StringIO()
    call_command("dumpdata", "messaging.mailbox", stdout=dumped)
    assert imap_server.password not in dumped.getvalue() and PREFIX in dumped.getvalue()
    Mailbox.objects.all().delete()
    fixture = key_folder / "mailbox.json"
    fixture.write_text(dumped.getvalue())
    call_command("loaddata", str(fixture), verbosity=0)
    assert Mailbox.objects.get().password == imap_server.password


def test_settings_page_saves_the_password_encrypted(
    client_file: ClientFile, imap_server: ImapServer, key_folder: Path, owner_http: HttpClient
) -> None:
    page = owner_http.post(
        "/settings/",
        {
            "mailbox": "1",
            "mailbox-address": "practice@example.org",
            "mailbox-host": imap_server.host,
            "mailbox-port": imap_server.port,
            "mailbox-username": imap_server.username,
            "mailbox-password": imap_server.password,
            "mailbox-inbox_folder": "INBOX",
            "mailbox-sent_folder": "Sent",
        },
        follow=True,
    )
    assert "Connected. Read the mailbox" in page.content.decode()
    mailbox = Mailbox.objects.get()
    assert mailbox.password == imap_server.password
    assert imap_server.password not in _raw_password(mailbox)


def test_rotation_puts_a_new_key_first_and_old_values_still_decrypt(
    client_file: ClientFile, imap_server: ImapServer, key_folder: Path
) -> None:
    mailbox = _mailbox(client_file, imap_server)
    [old_key] = encryption_keys(key_folder)
    before = _raw_password(mailbox)

    # Step one of a rotation by hand: a new key first, the old one after it, nothing rewritten.
    new_key = new_encryption_key()
    (key_folder / "encryption_keys").write_text(f"{new_key}\n{old_key}\n")
    assert Mailbox.objects.get().password == imap_server.password  # old value, old key

    call_command("rotatekeys", "--reencrypt")  # step two: every value under the new key
    after = _raw_password(mailbox)
    assert after != before
    assert Fernet(new_key).decrypt(after.removeprefix(PREFIX).encode()).decode() == (
        imap_server.password
    )
    # The old key can go now: the new one alone reads everything.
    (key_folder / "encryption_keys").write_text(f"{new_key}\n")
    fresh = Mailbox.objects.get()
    assert fresh.password == imap_server.password
    mailbox_sync(mailbox=fresh)
    assert fresh.last_error == ""

    call_command("rotatekeys")  # the whole rotation in one command
    [newest] = encryption_keys(key_folder)
    assert newest not in (old_key, new_key)
    assert Mailbox.objects.get().password == imap_server.password


def test_keys_from_the_environment_encrypt_with_the_first(
    client_file: ClientFile, imap_server: ImapServer, key_folder: Path, monkeypatch: Any
) -> None:
    first, second = new_encryption_key(), new_encryption_key()
    monkeypatch.setenv("RAPPORT_ENCRYPTION_KEYS", f"{first}, {second}")
    mailbox = _mailbox(client_file, imap_server)
    Fernet(first).decrypt(_raw_password(mailbox).removeprefix(PREFIX).encode())
    assert not (key_folder / "encryption_keys").exists()  # nothing written to the folder
    monkeypatch.setenv("RAPPORT_ENCRYPTION_KEYS", second)
    # Without the key it was written with, the password reads as empty (and is asked again).
    lost = Mailbox.objects.get()
    assert lost.password == ""
    mailbox_sync(mailbox=lost)
    assert "encryption keys" in lost.last_error


def test_the_calendar_feed_address_is_shown_once_and_only_its_hash_kept(
    owner: Member, owner_http: HttpClient
) -> None:
    page = owner_http.post("/calendar/feed/", {"action": "new"}).content.decode()
    assert "Copy it now" in page
    found = re.search(r'value="https?://[^/"]+/calendar/feed/([^"/]+)\.ics"', page)
    assert found is not None, page
    token = found.group(1)
    owner.refresh_from_db()
    assert owner.feed_token_hash == hashlib.sha256(token.encode()).hexdigest()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM practices_member")
        assert token not in repr(cursor.fetchall())
    assert HttpClient().get(f"/calendar/feed/{token}.ics").status_code == 200
    later = owner_http.get("/calendar/feed/").content.decode()
    assert token not in later and "is on" in later
    assert HttpClient().get(f"/calendar/feed/{owner.feed_token_hash}.ics").status_code == 404


@pytest.fixture
def migrator(transactional_db: None) -> Iterator[MigrationExecutor]:
    executor = MigrationExecutor(connection)
    yield executor
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_migrations_encrypt_passwords_and_hash_feed_tokens_already_there(
    migrator: MigrationExecutor, key_folder: Path
) -> None:
    migrator.migrate(
        [("messaging", "0007_word_check_families"), ("practices", "0007_import_holding")]
    )
    old = migrator.loader.project_state(
        [("messaging", "0007_word_check_families"), ("practices", "0007_import_holding")]
    ).apps
    practice = old.get_model("practices", "Practice").objects.create(name="Harbour Lane")
    user = old.get_model("practices", "User").objects.create(email="o@a.example", name="O")
    token = "an-old-feed-token-given-out-long-ago"
    old.get_model("practices", "Member").objects.create(
        user=user, practice=practice, role="owner", feed_token=token
    )
    old.get_model("messaging", "Mailbox").objects.create(
        practice=practice,
        host="imap.example.org",
        username="o@a.example",
        password="clear-password",
        address="o@a.example",
    )

    migrator.loader.build_graph()
    migrator.migrate(migrator.loader.graph.leaf_nodes())

    with connection.cursor() as cursor:
        cursor.execute("SELECT password FROM messaging_mailbox")
        (stored,) = cursor.fetchone()
    assert "clear-password" not in stored and stored.startswith(PREFIX)
    assert Mailbox.objects.get().password == "clear-password"
    member = Member.objects.get()
    assert member.feed_token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert HttpClient().get(f"/calendar/feed/{token}.ics").status_code == 200  # still works
