"""Benchmark: importing 10,000 contacts from one vCard file, preview and commit together.

    .venv/bin/python bench/import_run.py

Writes a vCard 3.0 file of 10,000 varied contacts (names in several scripts, two
emails, a phone, a birthday, tags, a note), then times reading it, the preview
(matching against the practice) and the commit into an empty practice, on SQLite
in a fresh temporary folder. Target (issue 6): 10 s or less in total.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
COUNT = 10_000
FIRST = ["Siobhán", "Tomasz", "Layla", "Jürgen", "Zoë", "Amara", "Hamish", "小明", "Pilar", "Ben"]
LAST = [
    "Ní Bhriain",
    "Wiśniewski",
    "الحكيم",
    "Müller",
    "Ångström",
    "Okonkwo",
    "Reid",
    "王",
    "Ortega",
]


def contacts_file(path: Path) -> None:
    rng = random.Random(6)
    with path.open("w", encoding="utf-8", newline="") as out:
        for number in range(COUNT):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            out.write(
                "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                f"FN:{first} {last} {number}\r\nN:{last};{first};;;\r\n"
                f"EMAIL;TYPE=HOME:person{number}@example.org\r\n"
                f"EMAIL;TYPE=WORK:p{number}@work.example\r\n"
                f"TEL;TYPE=CELL:07700 {900000 + number % 100000:06d}\r\n"
                f"BDAY:19{rng.randint(40, 99)}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}\r\n"
                f"CATEGORIES:{rng.choice(['coaching', 'referral', 'vip'])}\r\n"
                f"NOTE:Imported from the old address book ({number}).\r\n"
                "END:VCARD\r\n"
            )


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="rapport-import-bench-"))
    os.environ["RAPPORT_DATA_DIR"] = str(folder)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
    sys.path.insert(0, str(HERE.parent))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from rapport.portability.importing import plan
    from rapport.portability.models import ImportBatch
    from rapport.portability.records import read_source
    from rapport.portability.writing import commit
    from rapport.practices.services import practice_create

    owner = practice_create(
        name="Import Bench", owner_email="bench@example.org", owner_name="Bench",
        password="bench-password-1",  # noqa: S106 (a throwaway local database)
    )  # fmt: skip
    source_file = folder / "contacts.vcf"
    contacts_file(source_file)
    data = source_file.read_bytes()
    started = time.perf_counter()
    source = read_source(data, source_file.name)
    read = time.perf_counter()
    planned = plan(owner.practice, source.records)
    previewed = time.perf_counter()
    batch = ImportBatch.objects.create(  # recorded row by row for undo, as the app does
        practice=owner.practice, member=owner, filename=source_file.name, content=b""
    )
    result = commit(practice=owner.practice, planned=planned, member=owner, batch=batch)
    done = time.perf_counter()
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    free = next(line.split()[1] for line in meminfo if line.startswith("MemAvailable"))
    print(f"nproc {os.cpu_count()}, MemAvailable {int(free) // 1024} MiB, SQLite")
    print(f"file: {COUNT:,} contacts, {len(data) / 1e6:.1f} MB")
    print(f"read (vobject)   {read - started:6.2f} s")
    print(f"preview (match)  {previewed - read:6.2f} s")
    print(f"commit           {done - previewed:6.2f} s")
    print(f"total            {done - started:6.2f} s   target 10 s   {result}")
    return 0 if done - started <= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
