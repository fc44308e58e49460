"""`rapport restore`: the whole database replaced by a backup, then brought up to date."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from rapport.lib.commands import RapportCommand


class Command(RapportCommand):
    summary = "replace the database with a backup"
    help = (
        "Replace the whole database with a backup made by `rapport backup`, put its secret "
        "key and encryption keys in this data folder (so links already sent keep working), "
        "then bring it up to date. Stop the server first."
    )
    requires_system_checks = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="a file written by `rapport backup`")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def run(self, **options: Any) -> int:
        from rapport.server.backup import BackupError, restore

        if not options["yes"]:
            answer = input(
                "This replaces everything in Rapport's database with the backup. Stop the "
                "server first. Type yes to go on: "
            )
            if answer.strip().lower() != "yes":
                self.stdout.write("Nothing changed.")
                return 1
        try:
            notes = restore(Path(options["file"]))
        except BackupError as error:
            self.stderr.write(str(error))
            return 2
        for note in notes:
            self.stderr.write(note)
        self.stdout.write(f"Restored from {options['file']}.")
        return 0
