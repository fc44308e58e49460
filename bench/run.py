"""Benchmark: Today, the client page and the client list on a large practice, rendered in-process.

    .venv/bin/python bench/run.py            # builds the dataset once, then measures
    .venv/bin/python bench/run.py --rebuild  # starts from an empty database

The dataset (issue 3): 5,000 clients, 500,000 interactions over 5 years,
20,000 facts and 10,000 important dates, on SQLite in bench/data/.
Targets: median Today <= 50 ms, client page <= 30 ms, client list <= 30 ms, the booking
form's client picker <= 30 ms (bench/client_picker.py measures it alone, on either database).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
TARGETS_MS = {"Today": 50.0, "Client page": 30.0, "Client list": 30.0, "Client picker": 30.0}


def setup(rebuild: bool) -> None:
    if rebuild and DATA.exists():
        shutil.rmtree(DATA)
    os.environ["RAPPORT_DATA_DIR"] = str(DATA)
    os.environ.pop("DATABASE_URL", None)
    os.environ["RAPPORT_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
    sys.path.insert(0, str(HERE.parent))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def build() -> float:
    from rapport.demo.bulk import BulkSize, bulk_practice
    from rapport.practices.models import Practice
    from rapport.practices.services import practice_create

    if Practice.objects.filter(name="Bench Practice").exists():
        return 0.0
    started = time.perf_counter()
    owner = practice_create(
        name="Bench Practice",
        owner_email="bench@example.org",
        owner_name="Bench",
        password="bench-password-1",  # noqa: S106 (a throwaway local dataset)
    )
    size = BulkSize(clients=5_000, interactions=500_000, facts=20_000, dates=10_000, years=5)
    bulk_practice(
        owner.practice,
        size,
        seed=5,
        progress=lambda step: print(
            f"  {time.perf_counter() - started:6.1f} s  {step}", flush=True
        ),
    )
    return time.perf_counter() - started


def measure(runs: int) -> dict[str, list[float]]:
    from django.test import Client as HttpClient

    from rapport.clients.models import Client
    from rapport.practices.models import Member

    member = Member.objects.get(user__email="bench@example.org")
    http = HttpClient()
    http.force_login(member.user)
    busiest = (
        Client.objects.for_practice(member.practice)
        .order_by("-last_contact_at")
        .values_list("pk", flat=True)
        .first()
    )
    pages = {
        "Today": "/",
        "Client page": f"/clients/{busiest}/",
        "Client list": "/clients/?page=3",
        # The booking form's picker, as the provider types three letters of a name.
        "Client picker": "/appointments/clients/?client_q=pat",
    }
    timings: dict[str, list[float]] = {}
    for name, url in pages.items():
        for _ in range(3):  # warm caches and connections
            assert http.get(url).status_code == 200, url
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            response = http.get(url)
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        timings[name] = samples
    return timings


def machine() -> str:
    meminfo = (
        Path("/proc/meminfo").read_text().splitlines() if Path("/proc/meminfo").exists() else []
    )
    free = next((line.split()[1] for line in meminfo if line.startswith("MemAvailable")), "?")
    available = f"{int(free) // 1024} MiB" if free != "?" else "?"
    return (
        f"nproc {os.cpu_count()}, MemAvailable {available}, Python {sys.version.split()[0]}, SQLite"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    setup(args.rebuild)
    built = build()
    if built:
        print(f"Dataset built in {built:.0f} s")
    results = measure(args.runs)
    print(f"\n{machine()}\n")
    print(f"{'page':<12} {'median ms':>10} {'p90 ms':>8} {'target':>8}")
    ok = True
    for name, samples in results.items():
        median = statistics.median(samples)
        p90 = statistics.quantiles(samples, n=10)[-1]
        passed = median <= TARGETS_MS[name]
        ok &= passed
        verdict = "ok" if passed else "MISSED"
        print(f"{name:<12} {median:>10.1f} {p90:>8.1f} {TARGETS_MS[name]:>7.0f}  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
