"""`rapport mail-import`: .eml and .mbox files onto clients' timelines."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from rapport.lib.commands import RapportCommand
from rapport.practices.commands import practice_arguments, practice_or_say_why


class Command(RapportCommand):
    summary = "read .eml or .mbox files onto clients' timelines"
    help = (
        "Read .eml or .mbox files: mail from a client goes on their timeline and "
        "starts the reply clock; mail from unknown senders waits under Mail to be placed."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        practice_arguments(parser)

    def run(self, **options: Any) -> int:
        from rapport.messaging.inbound import ImportReport, mail_import_file

        practice = practice_or_say_why(options, self.stderr)
        if practice is None:
            return 2
        total = ImportReport()
        for name in options["files"]:
            try:
                raw = Path(name).read_bytes()
            except OSError as error:
                self.stderr.write(f"Could not read {name}: {error.strerror}.")
                return 2
            report = mail_import_file(practice=practice, raw=raw)
            self.stdout.write(f"{name}: {report}")
            total.add(report)
        return 0 if not total.unreadable else 1
