"""`rapport backup`: a consistent snapshot of the database, safe while Rapport runs."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from rapport.lib.commands import RapportCommand


class Command(RapportCommand):
    summary = "write a consistent snapshot of the database, while Rapport runs"
    help = (
        "Write a consistent snapshot of the whole database, safe while Rapport is "
        "in use (SQLite's online backup, or pg_dump on PostgreSQL), with the secret key and "
        "encryption keys a restore needs, in one zip file only you can read. By default into "
        "<data folder>/backups/. Keep it as safe as the data folder (docs/security.md)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--output", "-o", help="the file to write (must not exist yet)")

    def run(self, **options: Any) -> int:
        from rapport.server.backup import BackupError, backup, default_folder, default_name

        output = options["output"]
        target = Path(output) if output else default_name(default_folder())
        try:
            written = backup(target)
        except BackupError as error:
            self.stderr.write(str(error))
            return 2
        self.stdout.write(f"Backup written to {written} ({written.stat().st_size // 1024} KiB).")
        return 0
