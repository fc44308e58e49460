"""`rapport demo`: a practice full of believable clients, served from its own data folder."""

from __future__ import annotations

import os
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from rapport.lib.commands import RapportCommand
from rapport.server import serving


class Command(RapportCommand):
    summary = "serve a demo practice full of believable clients, in its own data folder"
    help = summary
    setup_first = False
    requires_system_checks = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        serving.serve_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        if not os.environ.get("DATABASE_URL"):  # `manage.py demo`: the real folder is open
            self.stderr.write("Run `rapport demo`: it opens a data folder of its own.")
            raise SystemExit(2)
        super().handle(*args, **options)

    def run(self, **options: Any) -> int:
        # The demo lives in its own folder, so trying it never mixes with a real client book.
        # Chosen before the settings are read: `rapport demo` runs this before Django's setup.
        if not os.environ.get("DATABASE_URL"):
            from rapport.lib.config import data_dir

            os.environ["RAPPORT_DATA_DIR"] = str(Path(data_dir()) / "demo")
        host, port = options["host"], options["port"]
        links = serving.base_url_default(host, port)
        serving.django_setup()
        serving.prepare()
        from rapport import demo

        practice, created = demo.demo_practice_ensure()
        state = "created" if created else "already there"
        self.stdout.write(f"Demo practice “{practice.name}” {state}.")
        self.stdout.write(
            f"Open http://{host}:{port}/login/ and log in as {demo.DEMO_EMAIL} / "
            f"{demo.DEMO_PASSWORD}"
        )
        self.stdout.write(serving.links_said(links))
        self.stdout.flush()
        serving.gunicorn_exec(host, port, options["workers"], not options["no_worker"])
        return 0
