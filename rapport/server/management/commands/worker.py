"""`rapport worker`: the background worker, on its own or once from cron."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from rapport.lib.commands import RapportCommand


class Command(RapportCommand):
    summary = "run the background worker (digests, health readings)"
    help = ""

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true", help="do one round and exit (for cron)")

    def run(self, **options: Any) -> int:
        from rapport.server import worker

        if options["once"]:
            worker.run_once()
        else:
            worker.run_forever()
        return 0
