"""`rapport import`: clients from a vCard or CSV file, or a whole practice from a JSON export."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rapport.lib.commands import RapportCommand
from rapport.practices.commands import practice_arguments, practice_or_say_why

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from rapport.portability.importing import Planned
    from rapport.portability.records import Record
    from rapport.practices.models import Practice

SHOW_PROGRESS_FROM = 500


class Command(RapportCommand):
    summary = "bring clients in from a vCard (.vcf) or CSV file"
    help = (
        "Bring clients in from a vCard or CSV file exported by Google Contacts, "
        "Apple Contacts, Outlook, Android, Thunderbird or Evolution. Contacts with the same "
        "email or phone as a client are merged into them; the same person twice in the file "
        "is skipped; unreadable records are listed and left out. All or nothing. "
        "Exit status: 0 done, 1 done but some records could not be read, 2 nothing done."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "file",
            help="a .vcf or .csv file, or a Rapport .json export to move into an empty practice",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="show what would happen and write nothing"
        )
        parser.add_argument(
            "--json", action="store_true", help="print the preview or result as one JSON object"
        )
        parser.add_argument(
            "--map",
            metavar="HEADER=FIELD,...",
            help="for a CSV, what a column is (a field, or nothing to leave it out); the other "
            "columns are guessed by their header or their values",
        )
        practice_arguments(parser)

    def run(self, **options: Any) -> int:
        from rapport.portability.records import FIELDS, FileProblem, open_source

        practice = practice_or_say_why(options, self.stderr)
        if practice is None:
            return 2
        name = options["file"]
        if name.lower().endswith(".json"):
            return self._move_in(name, practice, dry_run=options["dry_run"])
        try:
            source = open_source(  # the file's bytes are let go once it is decoded
                Path(name).read_bytes(),
                Path(name).name,
                region=practice.default_region,
                columns=options.get("map"),
            )
        except OSError as error:
            self.stderr.write(f"Could not read {name}: {error.strerror}.")
            return 2
        except FileProblem as error:
            self.stderr.write(f"{name}: {error}")
            return 2
        if source.needs_mapping:
            unclear = source.unclear or source.header
            fields = ", ".join(field for field in FIELDS if field)
            self.stderr.write(
                f"{name}: Rapport cannot tell what these columns are: {', '.join(unclear)[:300]}. "
                f'Say so with --map "{unclear[0]}=FIELD,..." (one of {fields}; nothing after = '
                "leaves a column out), or import it in the web app."
            )
            return 2
        return self._import(practice, source.records, options)

    def _import(
        self, practice: Practice, records: Iterator[Record], options: dict[str, Any]
    ) -> int:
        """A dry run plans and reports each record as it is read, keeping only the counts, so
        a big file is never held; an import plans them all first, to write them at once."""
        from rapport.portability.importing import plan, plan_each

        if options["dry_run"]:
            return self._report(plan_each(practice, records), options)
        planned = plan(practice, list(records))
        total = sum(1 for item in planned if item.outcome in ("create", "merge"))
        shown = not options["json"] and total >= SHOW_PROGRESS_FROM

        def progress(done: int) -> None:
            if shown:
                self.stderr.write(f"\r  {done:,} of {total:,} written", ending="")
                self.stderr.flush()

        _commit(practice, planned, Path(options["file"]).name, progress)
        if shown:
            self.stderr.write("")
        return self._report(planned, options)

    def _report(self, planned: Iterable[Planned], options: dict[str, Any]) -> int:
        """Each record's outcome as it comes (in JSON, or those that need a word), then the
        counts."""
        from rapport.portability.importing import OUTCOMES

        summary = dict.fromkeys(OUTCOMES, 0)
        if options["json"]:
            self.stdout.write(f'{{\n  "dry_run": {json.dumps(options["dry_run"])},\n  "records": [')
        for number, item in enumerate(planned):
            summary[item.outcome] += 1
            entry = item.as_dict()
            if options["json"]:
                entry["left_out"] = item.record.left_out
                said = json.dumps(entry, ensure_ascii=False)
                self.stdout.write(f"{',' if number else ''}\n    {said}", ending="")
            elif item.outcome != "create" or item.notes or item.possible or item.record.left_out:
                said = " ".join([entry["reason"], *item.record.left_out])
                self.stdout.write(f"{entry['outcome']:7} {entry['name']}: {said}")
        if options["json"]:
            self.stdout.write(f'\n  ],\n  "counts": {json.dumps(summary)}\n}}')
        else:
            verb = "Would import" if options["dry_run"] else "Imported"
            self.stdout.write(
                f"{verb}: {summary['create']} new, {summary['merge']} merged, {summary['skip']} "
                f"skipped, {summary['error']} not readable."
            )
        return 1 if summary["error"] else 0

    def _move_in(self, name: str, practice: Practice, *, dry_run: bool) -> int:
        """A Rapport JSON export into an empty practice: moving from another server."""
        from django.core.exceptions import ValidationError

        from rapport.portability.moving import practice_import
        from rapport.practices.models import Member, Role

        try:
            data = json.loads(Path(name).read_text(encoding="utf-8"))
        except OSError as error:
            self.stderr.write(f"Could not read {name}: {error.strerror}.")
            return 2
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            self.stderr.write(f"{name} is not a JSON file ({error}).")
            return 2
        owner = (
            Member.objects.filter(practice=practice, role=Role.OWNER).select_related("user").first()
        )
        if owner is None:
            self.stderr.write("The practice has no owner to import as.")
            return 2
        if dry_run:
            self.stderr.write("--dry-run is for address books; a JSON export is all or nothing.")
            return 2
        try:
            moved = practice_import(data=data, practice=practice, member=owner)
        except ValidationError as error:
            self.stderr.write(f"{name}: {' '.join(error.messages)} Nothing was imported.")
            return 2
        self.stdout.write(f"Moved in: {moved['clients']} clients with their history.")
        return 0


def _commit(practice: Practice, planned: Any, filename: str, progress: Any) -> None:
    """The import, kept as a batch like the web's, so Settings → Your data can undo it. A large
    one is written where no one sees it, in short steps, then published (portability.staging),
    so that other members keep working meanwhile."""
    from django.db import transaction
    from django.utils import timezone

    from rapport.portability.models import ImportBatch
    from rapport.portability.staging import staged_commit
    from rapport.portability.tasks import LARGE
    from rapport.portability.writing import commit
    from rapport.practices.models import Member, Role

    owner = Member.objects.filter(practice=practice, role=Role.OWNER).first()
    if sum(1 for item in planned if item.outcome in ("create", "merge")) > LARGE:
        now = timezone.now()
        batch = ImportBatch.objects.create(practice=practice, member=owner, content=b"",
            filename=filename[:200], started_at=now, heard_at=now)  # fmt: skip
        staged_commit(batch=batch, planned=planned, progress=progress)
        return
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            practice=practice, member=owner, filename=filename[:200], content=b""
        )
        result = commit(
            practice=practice, planned=planned, member=owner, progress=progress, batch=batch
        )
        batch.finished_at, batch.result = timezone.now(), result
        batch.save(update_fields=["finished_at", "result"])
