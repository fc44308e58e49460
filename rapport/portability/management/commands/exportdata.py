"""`rapport export`: the practice as JSON, or its clients as vCard or CSV."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from rapport.lib.commands import RapportCommand
from rapport.lib.config import private_file
from rapport.practices.commands import practice_arguments, practice_or_say_why


class Command(RapportCommand):
    summary = "write all clients as vCard or CSV, or the whole practice as JSON"
    help = (
        "Write your data in a format other programs read: vCard 4.0 for address "
        "books, CSV for spreadsheets, or JSON with everything (see docs/export.md)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--format", choices=["vcard", "csv", "json"], default="json")
        parser.add_argument("--output", "-o", help="a file to write (default: standard output)")
        practice_arguments(parser)

    def run(self, **options: Any) -> int:
        from rapport.portability.export import practice_file

        practice = practice_or_say_why(options, self.stderr)
        if practice is None:
            return 2
        body = practice_file(practice, options["format"])
        output = options["output"]
        if output:
            try:
                # Owner-only from its first byte, whatever the umask: it holds every client.
                with private_file(Path(output)).open("w", encoding="utf-8", newline="") as file:
                    file.write(body)
            except OSError as error:
                self.stderr.write(f"Could not write {output}: {error.strerror}.")
                return 2
            self.stdout.write(f"Wrote {output}.")
        else:
            # Written as it is: no line ending added, and CSV's \r\n left alone.
            sys.stdout.write(body)
        return 0
