"""`rapport today`: Today's agenda as a table, or as JSON for scripts."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from rapport.lib.commands import RapportCommand
from rapport.practices.commands import practice_arguments, practice_or_say_why


class Command(RapportCommand):
    summary = "print Today's agenda"
    help = "Print Today's agenda."

    def add_arguments(self, parser: ArgumentParser) -> None:
        practice_arguments(
            parser,
            member_help="a member's email: their practice's agenda, with what was handed to them",
        )
        parser.add_argument("--json", action="store_true", help="machine-readable output")
        parser.add_argument(
            "--limit", type=int, default=25, help="items shown per section (default 25)"
        )

    def run(self, **options: Any) -> int:
        import json

        from rapport.desk.today.agenda import agenda_build
        from rapport.desk.today.render import agenda_as_data, agenda_as_table
        from rapport.practices.models import Member

        practice = practice_or_say_why(options, self.stderr)
        if practice is None:
            return 2
        member = None
        if options.get("member"):
            member = Member.objects.filter(
                practice=practice, user__email=options["member"].lower()
            ).first()
        agenda = agenda_build(practice, limit=options["limit"], member=member)
        if options["json"]:
            self.stdout.write(json.dumps(agenda_as_data(agenda), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(agenda_as_table(agenda), ending="")
        return 0
