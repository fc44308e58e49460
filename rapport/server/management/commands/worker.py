"""`rapport worker`: the background worker, on its own or once from cron."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from rapport.lib.commands import RapportCommand


class Command(RapportCommand):
    summary = "run the background worker (sending, mail, digests), restarted if it dies"
    help = ""

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--once", action="store_true", help="do one round and exit (for cron)")
        parser.add_argument(
            "--unsupervised",
            action="store_true",
            help="work in this process, with no supervisor of Rapport's own to restart it "
            "(when systemd or another supervisor does)",
        )

    def run(self, **options: Any) -> int:
        from rapport.server import supervision, worker

        if options["once"]:
            worker.run_once()
        elif options["unsupervised"]:
            supervision.die_with_supervisor()
            worker.run_forever()
        else:
            supervision.supervise_here()
        return 0
