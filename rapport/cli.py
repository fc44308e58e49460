"""The `rapport` command: serve, demo, createpractice, and a pass-through to Django's commands."""

from __future__ import annotations

import argparse
import importlib
import sys

from rapport.lib.commands import RapportCommand
from rapport.server.serving import django_setup

# Each subcommand is a management command in the app it belongs to (`manage.py <name>` runs
# the same code); this table only gives them their `rapport` names, in the order of --help.
SUBCOMMANDS = {
    "serve": "rapport.server.management.commands.serve",
    "demo": "rapport.server.management.commands.demo",
    "createpractice": "rapport.practices.management.commands.createpractice",
    "today": "rapport.desk.management.commands.today",
    "not-at-my-best": "rapport.appointments.management.commands.not_at_my_best",
    "rebuild-attention": "rapport.attention.management.commands.rebuild_attention",
    "worker": "rapport.server.management.commands.worker",
    "status": "rapport.server.management.commands.status",
    "check": "rapport.messaging.management.commands.checkwords",
    "mail-import": "rapport.messaging.management.commands.mailimport",
    "import": "rapport.portability.management.commands.importdata",
    "export": "rapport.portability.management.commands.exportdata",
    "backup": "rapport.server.management.commands.backup",
    "restore": "rapport.server.management.commands.restore",
}


def _command(module: str) -> RapportCommand:
    command = importlib.import_module(module).Command()
    assert isinstance(command, RapportCommand)
    return command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rapport", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in SUBCOMMANDS.items():
        command = _command(module)
        sub = commands.add_parser(name, help=command.summary, description=command.help or None)
        command.add_arguments(sub)
        sub.set_defaults(command_module=module)
    manage = commands.add_parser("manage", help="run one of Django's management commands")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def main(argv: list[str] | None = None) -> int:
    options = vars(build_parser().parse_args(argv))
    name = options.pop("command")
    if name == "manage":
        from django.core.management import execute_from_command_line

        django_setup()
        execute_from_command_line(["rapport manage", *options["rest"]])
        return 0
    command = _command(options.pop("command_module"))
    if command.setup_first:
        django_setup()
    return command.run(**options)


if __name__ == "__main__":
    sys.exit(main())
