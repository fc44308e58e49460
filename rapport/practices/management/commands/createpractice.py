"""`rapport createpractice`: a practice and its owner, the password never on the command line."""

from __future__ import annotations

import getpass
import sys
from argparse import ArgumentParser
from typing import Any

from rapport.lib.commands import RapportCommand


class Command(RapportCommand):
    summary = "create a practice and its owner"
    help = (
        "Create a practice and its owner. The password comes from RAPPORT_PASSWORD "
        "or a prompt, never from the command line, where others could read it."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("name", help="the practice's name")
        parser.add_argument("--email", required=True, help="the owner's email, used to log in")
        parser.add_argument("--owner-name", default="", help="the owner's name")
        parser.add_argument(
            "--time-zone",
            default="Europe/London",
            help="where the practice works, as the tz database names it (America/Denver); "
            "an old name or one that is no place (Factory) is refused with the name to use",
        )
        parser.add_argument("--region", default="GB", help="country code for phone numbers")

    def run(self, **options: Any) -> int:
        import os

        from django.core.exceptions import ValidationError
        from django.core.management import call_command

        from rapport.practices.services import practice_create

        call_command("migrate", interactive=False, verbosity=0)
        password = os.environ.get("RAPPORT_PASSWORD")
        if not password:
            if not sys.stdin.isatty():
                self.stderr.write("Set RAPPORT_PASSWORD, or run this in a terminal to be asked.")
                return 2
            password = getpass.getpass("Password for the owner: ")
            if password != getpass.getpass("Same password again: "):
                self.stderr.write("The two passwords are not the same; nothing was created.")
                return 2
        email = options["email"]
        try:
            member = practice_create(
                name=options["name"],
                owner_email=email,
                owner_name=options["owner_name"] or email.split("@")[0],
                password=password,
                time_zone=options["time_zone"],
                default_region=options["region"],
            )
        except ValidationError as error:
            for message in error.messages:
                self.stderr.write(f"Not created: {message}")
            return 2
        self.stdout.write(
            f"Created “{member.practice.name}”; {member.user.email} can log in as its owner."
        )
        return 0
