"""Choosing the practice a command is about: --practice NAME or --member EMAIL, or the only one."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.core.management.base import OutputWrapper

    from rapport.practices.models import Practice


def practice_arguments(parser: ArgumentParser, *, member_help: str = "") -> None:
    parser.add_argument("--practice", help="the practice's name or number, where there are several")
    parser.add_argument("--member", help=member_help or "a member's email: their practice")


def practice_or_say_why(options: dict[str, Any], stderr: OutputWrapper) -> Practice | None:
    """The practice a command is about; if there is no single answer, says why on stderr."""
    from django.db import DatabaseError

    try:
        practice, problem = _practice_named(options.get("member"), options.get("practice"))
    except DatabaseError:
        practice, problem = (
            None,
            (
                "The database is not set up yet (or not reachable): run `rapport serve` once, "
                "or check RAPPORT_DATA_DIR and DATABASE_URL."
            ),
        )
    if practice is None:
        stderr.write(problem)
    return practice


def _practice_named(member: str | None, name: str | None) -> tuple[Practice | None, str]:
    from rapport.lib.http import id_param
    from rapport.practices.models import Member, Practice

    if member:
        found_member = (
            Member.objects.select_related("practice").filter(user__email=member.lower()).first()
        )
        if found_member is None:
            return None, f"No member logs in as {member}."
        return found_member.practice, ""
    if name:
        matches = Practice.objects.filter(name__iexact=name)
        if (practice_id := id_param(name)) is not None:  # "--practice 3"; "²" is a name
            matches = Practice.objects.filter(pk=practice_id)
        found = matches.first()
        return (found, "") if found else (None, f"No practice called {name}.")
    practices = list(Practice.objects.order_by("pk")[:2])
    if not practices:
        return None, "There is no practice yet: run `rapport serve` and open the welcome page."
    if len(practices) > 1:
        return (
            None,
            "There are several practices: choose one with --practice NAME or --member EMAIL.",
        )
    return practices[0], ""
