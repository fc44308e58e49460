"""Consistent snapshots of the whole database while Rapport is in use, and bringing one back.

SQLite: the online backup API copies a consistent snapshot page by page while
other connections keep writing. PostgreSQL: `pg_dump` in its custom format
reads one transaction snapshot; `pg_restore` brings it back. Either way a
restore is followed by `migrate`, so a backup from an older version is brought
up to date, and a backup from a newer version is refused before anything is
touched.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    """Something the person running the command can fix; the message says what."""


def _settings() -> dict[str, Any]:
    return connections[DEFAULT_DB_ALIAS].settings_dict


def _is_sqlite() -> bool:
    return connections[DEFAULT_DB_ALIAS].vendor == "sqlite"


def default_name(folder: Path, now: datetime | None = None) -> Path:
    stamp = (now or timezone.now()).strftime("%Y%m%d-%H%M%S")
    suffix = "sqlite3" if _is_sqlite() else "pgdump"
    return folder / f"rapport-{stamp}.{suffix}"


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
    """Writes a snapshot to `target` (a new file) and returns it."""
    if target.exists():
        raise BackupError(f"{target} already exists: choose a new file name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        if _is_sqlite():
            source = sqlite3.connect(str(_settings()["NAME"]))
            destination = sqlite3.connect(str(partial))
            try:
                with destination:
                    source.backup(destination)
            finally:
                destination.close()
                source.close()
        else:
            _run(["pg_dump", "--format=custom", "--no-owner", f"--file={partial}",
                  str(_settings()["NAME"])])  # fmt: skip
        partial.replace(target)  # a backup file is whole, or not there
    finally:
        partial.unlink(missing_ok=True)
    return target


def _backup_migrations(path: Path) -> set[tuple[str, str]]:
    """The migrations a SQLite backup has applied (PostgreSQL dumps are checked by pg_restore)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT app, name FROM django_migrations").fetchall()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a Rapport backup ({error}).") from error
    return {(str(app), str(name)) for app, name in rows}


def restore(source: Path) -> None:
    """Replaces the whole database with the backup, then brings it up to date."""
    if not source.is_file():
        raise BackupError(f"There is no file {source}.")
    with source.open("rb") as handle:
        head = handle.read(16)
    if _is_sqlite():
        if head != SQLITE_MAGIC:
            raise BackupError(f"{source} is not a SQLite backup made by `rapport backup`.")
        known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
        unknown = _backup_migrations(source) - known
        if unknown:
            raise BackupError(
                "This backup comes from a newer version of Rapport (it has migrations this "
                f"one does not know, such as {sorted(unknown)[0]}): upgrade Rapport first."
            )
        connections[DEFAULT_DB_ALIAS].close()
        origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        live = sqlite3.connect(str(_settings()["NAME"]))
        try:
            with live:
                origin.backup(live)
        finally:
            live.close()
            origin.close()
    else:
        if not head.startswith(PG_MAGIC):
            raise BackupError(f"{source} is not a PostgreSQL backup made by `rapport backup`.")
        connections[DEFAULT_DB_ALIAS].close()
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              f"--dbname={_settings()['NAME']}", str(source)])  # fmt: skip
    call_command("migrate", interactive=False, verbosity=0)
