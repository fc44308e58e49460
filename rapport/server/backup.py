"""Consistent snapshots of the whole database while Rapport is in use, and bringing one back.

SQLite: the online backup API copies a consistent snapshot page by page while
other connections keep writing. PostgreSQL: `pg_dump` in its custom format
reads one transaction snapshot; `pg_restore` brings it back. Either way a
restore is followed by `migrate`, so a backup from an older version is brought
up to date, and a backup from a newer version is refused before anything is
touched.

A backup is one zip file, owner-only (0600) from its first byte: the snapshot, and a manifest
with what a restore on another machine needs for links already sent to keep working: the
secret key (signed values, sessions) and the encryption keys (mailbox passwords). Whoever has a
backup has everything (docs/security.md). Files made before keys were carried (a bare SQLite
file or pg_dump archive) are still restored.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from rapport.lib.config import (
    ENCRYPTION_KEYS_ENV,
    SECRET_KEY_FILE,
    encryption_keys,
    encryption_keys_write,
    private_file,
    private_folder,
    write_private,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"
ZIP_MAGIC = b"PK\x03\x04"
MANIFEST = "rapport-backup.json"
FORMAT = "rapport-backup"
VERSION = 1


class BackupError(Exception):
    """Something the person running the command can fix; the message says what."""


def _settings() -> dict[str, Any]:
    return connections[DEFAULT_DB_ALIAS].settings_dict


def _is_sqlite() -> bool:
    return connections[DEFAULT_DB_ALIAS].vendor == "sqlite"


def _kind() -> str:
    return "sqlite" if _is_sqlite() else "postgresql"


def _member() -> str:
    """The snapshot's name inside the zip."""
    return "database.sqlite3" if _is_sqlite() else "database.pgdump"


def default_name(folder: Path, now: datetime | None = None) -> Path:
    stamp = (now or timezone.now()).strftime("%Y%m%d-%H%M%S")
    return folder / f"rapport-{stamp}.zip"


def default_folder() -> Path:
    """<data folder>/backups, owner-only like the data folder."""
    return private_folder(Path(settings.DATA_DIR) / "backups")


def _pg_env() -> dict[str, str]:
    settings = _settings()
    env = dict(os.environ)
    for key, name in [("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")]:
        if settings.get(name):
            env[key] = str(settings[name])
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return env


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} is not installed: install the PostgreSQL client tools "
            "(Debian: apt install postgresql-client) matching your server's version."
        )
    result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:500]}")


def backup(target: Path) -> Path:
    """Writes a snapshot and the keys to `target` (a new file, 0600) and returns it."""
    if target.exists():
        raise BackupError(f"{target} already exists: choose a new file name.")
    if not target.parent.exists():
        private_folder(target.parent)
    partial = target.with_name(target.name + ".partial")
    with _private_scratch(target.with_name(target.name + ".snapshot.partial")) as snapshot:
        partial.unlink(missing_ok=True)
        try:
            _snapshot(snapshot)
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "database": _kind(),
                "made_at": timezone.now().isoformat(),
                "secret_key": settings.SECRET_KEY,
                "encryption_keys": encryption_keys(Path(settings.DATA_DIR), create=True),
            }
            # Owner-only before a byte is written: it holds the keys and every client.
            private_file(partial)
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
                archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
                archive.write(snapshot, arcname=_member())
            partial.replace(target)  # a backup file is whole, or not there
        finally:
            partial.unlink(missing_ok=True)
    return target


@contextlib.contextmanager
def _private_scratch(path: Path) -> Iterator[Path]:
    """An empty owner-only file for the duration, removed after."""
    path.unlink(missing_ok=True)
    try:
        yield private_file(path)
    finally:
        path.unlink(missing_ok=True)


def _snapshot(destination: Path) -> None:
    """A consistent snapshot of the database into `destination`, an empty file made private."""
    if _is_sqlite():
        source = sqlite3.connect(str(_settings()["NAME"]))
        copy = sqlite3.connect(str(destination))
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={destination}",
              str(_settings()["NAME"])])  # fmt: skip


def _backup_migrations(path: Path, shown: Path) -> set[tuple[str, str]]:
    """The migrations a SQLite backup has applied (PostgreSQL dumps are checked by pg_restore)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT app, name FROM django_migrations").fetchall()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{shown} is not a Rapport backup ({error}).") from error
    return {(str(app), str(name)) for app, name in rows}


def restore(source: Path) -> list[str]:
    """Replaces the whole database with the backup, puts its keys in force, then brings the
    database up to date. Returns what the person restoring should know."""
    if not source.is_file():
        raise BackupError(f"There is no file {source}.")
    with source.open("rb") as handle:
        head = handle.read(16)
    if not head.startswith(ZIP_MAGIC):
        _restore_database(source, head)
        call_command("migrate", interactive=False, verbosity=0)
        return [
            "This backup carries no keys (it was made before backups held them): links sent "
            "before it work here only if this data folder's secret key is the one it was made "
            "with (docs/security.md)."
        ]
    try:
        with zipfile.ZipFile(source) as archive:
            manifest = _manifest(archive, source)
            scratch = Path(settings.DATA_DIR) / f".restore-{os.getpid()}.partial"
            with _private_scratch(scratch) as snapshot:
                with archive.open(_member()) as inside, snapshot.open("wb") as out:
                    shutil.copyfileobj(inside, out, 1024 * 1024)
                with snapshot.open("rb") as handle:
                    _restore_database(snapshot, handle.read(16), shown=source)
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise BackupError(
            f"{source} is not a backup made by `rapport backup` ({error})."
        ) from error
    # Before migrate: a migration that encrypts must use the backup's keys.
    notes = _keys_restore(manifest)
    call_command("migrate", interactive=False, verbosity=0)
    return notes


def _manifest(archive: zipfile.ZipFile, source: Path) -> dict[str, Any]:
    manifest = json.loads(archive.read(MANIFEST))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{source} is not a backup made by `rapport backup`.")
    if int(manifest.get("version", 0)) > VERSION:
        raise BackupError(f"{source} comes from a newer version of Rapport: upgrade it first.")
    if manifest.get("database") != _kind():
        raise BackupError(
            f"{source} is a backup of a {manifest.get('database')} database, and this Rapport "
            f"uses {_kind()}: restore it where DATABASE_URL names the same kind."
        )
    return manifest


def _restore_database(snapshot: Path, head: bytes, shown: Path | None = None) -> None:
    shown = shown or snapshot
    if _is_sqlite():
        if head != SQLITE_MAGIC:
            raise BackupError(f"{shown} is not a SQLite backup made by `rapport backup`.")
        known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
        unknown = _backup_migrations(snapshot, shown) - known
        if unknown:
            raise BackupError(
                "This backup comes from a newer version of Rapport (it has migrations this "
                f"one does not know, such as {sorted(unknown)[0]}): upgrade Rapport first."
            )
        connections[DEFAULT_DB_ALIAS].close()
        origin = sqlite3.connect(f"file:{snapshot}?mode=ro", uri=True)
        live = sqlite3.connect(str(_settings()["NAME"]))
        try:
            with live:
                origin.backup(live)
        finally:
            live.close()
            origin.close()
    else:
        if not head.startswith(PG_MAGIC):
            raise BackupError(f"{shown} is not a PostgreSQL backup made by `rapport backup`.")
        connections[DEFAULT_DB_ALIAS].close()
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              f"--dbname={_settings()['NAME']}", str(snapshot)])  # fmt: skip


def _keys_restore(manifest: dict[str, Any]) -> list[str]:
    """The backup's keys put in force in this data folder, or what to set when the environment
    supplies them instead."""
    folder = Path(settings.DATA_DIR)
    notes = []
    secret = str(manifest.get("secret_key") or "")
    if secret:
        if os.environ.get("SECRET_KEY"):
            if os.environ["SECRET_KEY"] != secret:
                notes.append(
                    "SECRET_KEY in the environment is not the backup's, so links and sessions "
                    f"made before it will not work: set it to the secret_key in {MANIFEST} "
                    "inside the backup."
                )
        else:
            write_private(folder / SECRET_KEY_FILE, secret)
    saved = [str(key) for key in manifest.get("encryption_keys") or []]
    if os.environ.get(ENCRYPTION_KEYS_ENV, "").strip():
        missing = [key for key in saved if key not in encryption_keys(folder)]
        if missing:
            notes.append(
                f"{ENCRYPTION_KEYS_ENV} lacks the backup's encryption keys, so its mailbox "
                f"passwords cannot be read: add the encryption_keys in {MANIFEST} inside the "
                "backup to it."
            )
    elif saved:
        # The backup's keys decrypt what it holds; this folder's own, after them, do no harm.
        current = encryption_keys(folder)
        encryption_keys_write(folder, [*saved, *(key for key in current if key not in saved)])
    return notes
