"""Benchmark: the booking form's client picker at 5,000 clients, rendered in-process.

    .venv/bin/python bench/client_picker.py                # SQLite in a temporary folder
    DATABASE_URL=postgres://... .venv/bin/python bench/client_picker.py

Builds one practice of 5,000 clients (names with and without accents) and a second practice
beside it, then asks the picker's endpoint what a provider would type: one letter, a few
letters, a whole name, a name with its accent left out, and nothing that matches. Prints the
median and 90th percentile per query and the database's plan for the picker's query.
Target: median <= 30 ms for every query (the picker answers as the provider types).
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_MS = 30.0
CLIENTS = 5_000
FIRST = ["Maya", "Siobhán", "Tomek", "Ewa", "Chloé", "Ahmed", "Priya", "José", "Ana", "Łukasz"]
LAST = ["Patel", "Wiśniewski", "Ní Bhriain", "Okafor", "Müller", "Nguyen", "Dubois", "García"]
QUERIES = ["m", "pat", "Maya Patel", "wisniewski", "zzzz"]


def setup() -> None:
    os.environ.setdefault("RAPPORT_DATA_DIR", tempfile.mkdtemp(prefix="rapport-bench-picker-"))
    os.environ["RAPPORT_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
    sys.path.insert(0, str(HERE.parent))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    logging.disable(logging.INFO)  # one access line per request would drown the figures


def build() -> object:
    from django.db import connection

    from rapport.clients.models import Client
    from rapport.practices.services import practice_create

    rng = random.Random(17)
    stamp = f"{time.time_ns()}"
    owner = practice_create(
        name="Picker Bench",
        owner_email=f"picker-{stamp}@example.org",
        owner_name="Bench",
        password="bench-password-1",  # noqa: S106 (a throwaway local dataset)
    )
    other = practice_create(
        name="Next Door",
        owner_email=f"next-door-{stamp}@example.org",
        owner_name="Neighbour",
        password="bench-password-1",  # noqa: S106
    )
    for practice in (owner.practice, other.practice):
        Client.objects.bulk_create(
            (
                Client(
                    practice=practice,
                    full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}",
                )
                for number in range(CLIENTS)
            ),
            batch_size=1000,
        )
    if connection.vendor == "postgresql":  # as autovacuum would, so the plan is the real one
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE clients_client")
    return owner


def plan(owner: object) -> str:
    from rapport.clients.models import Client
    from rapport.lib.text import fold

    practice = owner.practice  # type: ignore[attr-defined]
    query = (
        Client.objects.for_practice(practice)
        .current()
        .filter(search_text__contains=fold("pat"))
        .order_by("search_text", "id")
        .only("id", "full_name", "preferred_name", "practice_id")[:21]
    )
    return query.explain()


def measure(owner: object, runs: int) -> dict[str, list[float]]:
    from django.test import Client as HttpClient

    http = HttpClient()
    http.force_login(owner.user)  # type: ignore[attr-defined]
    timings: dict[str, list[float]] = {}
    for typed in QUERIES:
        url = f"/appointments/clients/?client_q={typed}"
        for _ in range(3):  # warm caches and connections
            assert http.get(url).status_code == 200, url
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            response = http.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        timings[typed] = samples
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    setup()
    from django.db import connection

    owner = build()
    results = measure(owner, args.runs)
    print(f"\n{connection.vendor}, {CLIENTS:,} clients in each of two practices\n")
    print(f"plan of the picker's query:\n{plan(owner)}\n")
    print(f"{'typed':<12} {'median ms':>10} {'p90 ms':>8} {'target':>8}")
    ok = True
    for typed, samples in results.items():
        median = statistics.median(samples)
        p90 = statistics.quantiles(samples, n=10)[-1]
        passed = median <= TARGET_MS
        ok &= passed
        verdict = "ok" if passed else "MISSED"
        print(f"{typed!r:<12} {median:>10.1f} {p90:>8.1f} {TARGET_MS:>7.0f}  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
