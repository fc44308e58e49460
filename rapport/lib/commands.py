"""Management commands that are also `rapport` subcommands.

A `RapportCommand` is an ordinary Django management command (`manage.py today`,
`call_command("today")`) that also states the one-line `summary` shown by
`rapport --help` and returns its exit status from `run()`. The `rapport` entry
point (rapport.cli) builds its parser from these classes and calls `run()`, so
both ways in run the same code with the same flags. Command modules import
models inside `run()`: `rapport --help` must work before Django is set up, and
`rapport demo` chooses its data folder before the settings are read.
"""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand


class RapportCommand(BaseCommand):
    summary = ""  # the line under COMMAND in `rapport --help`
    # False: `rapport` leaves Django's setup to run(), which needs none (the word check) or
    # changes the environment first (serve and demo choose the data folder and the links).
    setup_first = True

    def add_arguments(self, parser: ArgumentParser) -> None:
        """The flags, the same under `rapport` (a plain subparser) and `manage.py`."""

    def run(self, **options: Any) -> int:
        """Does the work; returns the process's exit status (0 done, 1 findings, 2 refused)."""
        raise NotImplementedError

    def handle(self, *args: Any, **options: Any) -> None:
        status = self.run(**options)
        if status:
            raise SystemExit(status)
