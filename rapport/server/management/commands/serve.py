"""`rapport serve`: migrate, then gunicorn with the background worker beside it."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from rapport.lib.commands import RapportCommand
from rapport.server import serving


class Command(RapportCommand):
    summary = "migrate, then serve Rapport with gunicorn"
    help = summary
    setup_first = False
    requires_system_checks = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        serving.serve_arguments(parser)

    def run(self, **options: Any) -> int:
        host, port = options["host"], options["port"]
        links = serving.base_url_default(host, port)
        serving.django_setup()
        serving.prepare()
        from django.conf import settings

        from rapport.practices.models import Practice

        where = f"http://{host}:{port}/"
        if not Practice.objects.exists():
            self.stdout.write(f"Rapport is starting. Open {where}welcome/ to set up your practice.")
        else:
            self.stdout.write(f"Rapport is starting at {where}")
        self.stdout.write(f"Data: {settings.DATABASES['default']['NAME']}")
        self.stdout.write(serving.links_said(links))
        self.stdout.flush()
        serving.gunicorn_exec(host, port, options["workers"], not options["no_worker"])
        return 0
