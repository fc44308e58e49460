"""`rapport rebuild-attention`: recompute Today's attention items from the practice's history,
say whether they equal what the writes kept, and put the recomputed ones in place."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from rapport.lib.commands import RapportCommand
from rapport.practices.commands import practice_or_say_why


class Command(RapportCommand):
    summary = "recompute Today's attention items and check them"
    help = (
        "Recompute every practice's attention items (what Today lists) from their history and "
        "compare them with the items the writes kept. Exits 1 when they differed (they are "
        "then replaced, unless --check), 0 when they were equal."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--practice", help="only this practice (its name or number)")
        parser.add_argument("--check", action="store_true", help="compare only; change nothing")

    def run(self, **options: Any) -> int:
        from django.utils import timezone

        from rapport.attention.items import items_compare, items_rebuild
        from rapport.practices.models import Practice

        practices = list(Practice.objects.order_by("pk"))
        if options.get("practice"):
            chosen = practice_or_say_why(options, self.stderr)
            if chosen is None:
                return 2
            practices = [chosen]
        now, differed = timezone.now(), 0
        for practice in practices:
            if options["check"]:
                comparison = items_compare(practice=practice, now=now)
            else:
                comparison = items_rebuild(practice=practice, now=now)
            if comparison.equal:
                self.stdout.write(f"Practice {practice.pk}: equal to what the writes kept.")
                continue
            differed += 1
            done = "left as they are" if options["check"] else "replaced"
            first = (comparison.missing + comparison.extra + comparison.different)[:5]
            self.stdout.write(
                f"Practice {practice.pk}: {len(comparison.missing)} missing, "
                f"{len(comparison.extra)} left over, {len(comparison.different)} different "
                f"({done}). First (section, id): {first}"
            )
        return 1 if differed else 0
