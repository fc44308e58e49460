"""`rapport check`: a draft's words checked the way the composer does, from a file or stdin."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from rapport.lib.commands import RapportCommand
from rapport.messaging.checker import blocks_sending, check


class Command(RapportCommand):
    summary = "check a draft's words (exit 1 when there are findings)"
    help = (
        "Check a draft the way the composer does. Exit status: 0 no findings, "
        "1 findings, 2 unreadable input."
    )
    setup_first = False  # the checker is a pure function
    requires_system_checks = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="a UTF-8 text file, or - for standard input")
        parser.add_argument(
            "--preferred-name", default="", help="what the client likes to be called"
        )
        parser.add_argument(
            "--full-name", default="", help="their full name, to spot the formal one"
        )
        parser.add_argument("--closeness", choices=["new", "regular", "close"], default="regular")
        parser.add_argument("--json", action="store_true", help="machine-readable output")

    def run(self, **options: Any) -> int:
        name = options["file"]
        try:
            raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
            text = raw.decode("utf-8")
        except FileNotFoundError:
            self.stderr.write(f"No such file: {name}")
            return 2
        except UnicodeDecodeError as error:
            self.stderr.write(f"{name} is not UTF-8 text (byte {error.start}); save it as UTF-8.")
            return 2
        findings = check(
            text,
            preferred_name=options["preferred_name"],
            full_name=options["full_name"],
            closeness=options["closeness"],
        )
        if options["json"]:
            data = {
                "blocks_sending": blocks_sending(findings),
                "findings": [f.as_dict() for f in findings],
            }
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            for finding in findings:
                line = text.count("\n", 0, finding.start) + 1
                column = finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
                quoted = f" “{finding.text}”" if finding.text else ""
                self.stdout.write(
                    f"{line}:{column} {finding.severity} [{finding.category}]{quoted}: "
                    f"{finding.explanation} {finding.fix}"
                )
            if not findings:
                self.stdout.write("No findings.")
        return 1 if findings else 0
