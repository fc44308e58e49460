"""Benchmark: many practices on one PostgreSQL (the hosted case, issue 16).

    .venv/bin/python bench/hosted.py                    # 1,000 practices, 2,000,000 interactions
    .venv/bin/python bench/hosted.py --practices 100 --interactions 200000   # a smaller run
    .venv/bin/python bench/hosted.py --rebuild          # drops the two databases first
    .venv/bin/python bench/hosted.py --refresh-workers 2   # also times the background refresh

Builds, on the PostgreSQL at --server, a database of N practices of 100-500 clients each
(their interactions, facts, dates, promises, appointments and touches in proportion, by
rapport/demo/bulk.py in two builder processes), and a second database holding one practice
of the median size alone. Then measures Today in-process (Django's test client, logged in,
as bench/run.py does) for 100 practices chosen at random, alternating with the practice that
is alone: the hosted median should stay within 1.2x of the single-practice one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data-hosted"
SEED = 16
ALONE = "rapport_hosted_alone"
HOSTED = "rapport_hosted"


def sizes(practices: int, interactions: int) -> list[tuple[int, int]]:
    """(clients, interactions) per practice: 100-500 clients, interactions in proportion."""
    rng = random.Random(SEED)
    clients = [rng.randint(100, 500) for _ in range(practices)]
    total = sum(clients)
    return [(count, interactions * count // total) for count in clients]


def django_setup(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["RAPPORT_DATA_DIR"] = str(DATA)
    os.environ["RAPPORT_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
    sys.path.insert(0, str(HERE.parent))
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)  # the access log line of every request


def build_part(url: str, plan: list[tuple[int, int, int]]) -> None:
    """Builds the practices of `plan` (number, clients, interactions), one after another."""
    django_setup(url)
    from rapport.demo.bulk import BulkSize, bulk_practice
    from rapport.practices.models import Member, Practice, Role, User

    for number, clients, interactions in plan:
        practice = Practice.objects.create(name=f"Hosted {number:04}")
        user = User(email=f"owner{number}@hosted.example", name=f"Owner {number}")
        user.set_unusable_password()  # the bench logs in with force_login
        user.save()
        Member.objects.create(user=user, practice=practice, role=Role.OWNER)
        size = BulkSize(
            clients=clients, interactions=interactions, facts=clients * 4, dates=clients * 2
        )
        bulk_practice(practice, size, seed=SEED + number)
        print(f"  practice {number}: {clients} clients, {interactions} interactions", flush=True)


def build(server: str, name: str, plan: list[tuple[int, int, int]], processes: int) -> float:
    """Creates database `name` and fills it in `processes` builders; returns seconds taken."""
    url = f"{server}/{name}"
    started = time.perf_counter()
    subprocess.run(["psql", f"{server}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    _self(url, "migrate")
    parts = [plan[index::processes] for index in range(processes)]
    builders = [
        subprocess.Popen([sys.executable, __file__, "--mode", "build-part", "--url", url,
                          "--plan", json.dumps(part)])
        for part in parts if part
    ]  # fmt: skip
    assert all(builder.wait() == 0 for builder in builders), "a builder failed"
    subprocess.run(["psql", url, "-qc", "VACUUM ANALYZE"], check=True)
    return time.perf_counter() - started


def migrate(url: str) -> None:
    django_setup(url)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def measure(url: str, practices: list[int], runs: int) -> None:
    """Prints, as JSON, Today's median in ms for the owner of each practice numbered."""
    django_setup(url)
    from django.test import Client as HttpClient

    from rapport.practices.models import Member

    medians = {}
    for number in practices:
        member = Member.objects.get(user__email=f"owner{number}@hosted.example")
        http = HttpClient()
        http.force_login(member.user)
        for _ in range(3):  # warm caches and connections
            assert http.get("/").status_code == 200
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            response = http.get("/")
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        medians[number] = statistics.median(samples)
    print(json.dumps(medians))


def refresh(url: str, workers: int) -> None:
    """Times one full background refresh with `workers` processes sharing it (refresh.py)."""
    django_setup(url)
    from django.utils import timezone

    from rapport.server.refresh import cycle_open

    cycle = cycle_open(timezone.now())
    started = time.perf_counter()
    shares = [
        subprocess.Popen([sys.executable, __file__, "--mode", "refresh-share", "--url", url,
                          "--cycle", cycle.isoformat()], stdout=subprocess.PIPE, text=True)
        for _ in range(workers)
    ]  # fmt: skip
    done = [json.loads(share.communicate()[0]) for share in shares]
    seconds = time.perf_counter() - started
    once = len(set().union(*done)) == sum(map(len, done))
    print(f"Refresh of every practice, {workers} workers: {seconds:.0f} s; practices per worker "
          f"{[len(ids) for ids in done]}, none twice: {once}")  # fmt: skip


def refresh_share(url: str, cycle: str) -> None:
    django_setup(url)
    from datetime import datetime

    from rapport.server.refresh import practices_refresh_share

    print(json.dumps(practices_refresh_share(datetime.fromisoformat(cycle))))


def _self(url: str, mode: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, __file__, "--mode", mode, "--url", url, *args],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout


def exists(server: str, name: str) -> bool:
    query = f"SELECT 1 FROM pg_database WHERE datname = '{name}'"  # noqa: S608 (our constants)
    found = subprocess.run(
        ["psql", f"{server}/postgres", "-Atc", query], capture_output=True, text=True, check=True
    )
    return found.stdout.strip() == "1"


def machine() -> str:
    load = Path("/proc/loadavg").read_text().split()[:3]
    return f"nproc {os.cpu_count()}, load average {' '.join(load)}"


def orchestrate(args: argparse.Namespace) -> int:
    plan = [(number, *size) for number, size in enumerate(sizes(args.practices, args.interactions))]
    median_size = sorted(plan, key=lambda row: row[1])[len(plan) // 2]
    for name in (HOSTED, ALONE):
        if args.rebuild and exists(args.server, name):
            drop = f"DROP DATABASE {name} WITH (FORCE)"
            subprocess.run(["psql", f"{args.server}/postgres", "-qc", drop], check=True)
    if not exists(args.server, HOSTED):
        seconds = build(args.server, HOSTED, plan, processes=2)
        total = sum(row[2] for row in plan)
        print(f"Built {len(plan)} practices, {sum(row[1] for row in plan)} clients, "
              f"{total} interactions in {seconds:.0f} s ({machine()})", flush=True)  # fmt: skip
    if not exists(args.server, ALONE):
        build(args.server, ALONE, [median_size], processes=1)
    chosen = random.Random(SEED).sample([row[0] for row in plan], min(100, len(plan)))
    hosted: dict[str, float] = {}
    alone: list[float] = []
    for start in range(0, len(chosen), 10):  # alternating, ten practices at a time
        alone += json.loads(
            _self(f"{args.server}/{ALONE}", "measure", "--numbers", str(median_size[0]))
        ).values()
        batch = ",".join(map(str, chosen[start : start + 10]))
        hosted |= json.loads(_self(f"{args.server}/{HOSTED}", "measure", "--numbers", batch))
    single, many = statistics.median(alone), statistics.median(hosted.values())
    p90 = statistics.quantiles(hosted.values(), n=10)[-1]
    print(f"\n{machine()}")
    print(f"Today alone (one practice of {median_size[1]} clients): median {single:.1f} ms")
    print(f"Today hosted ({len(hosted)} practices): median of medians {many:.1f} ms, "
          f"p90 {p90:.1f} ms, ratio {many / single:.2f} (target 1.2)")  # fmt: skip
    if args.refresh_workers:
        print(_self(f"{args.server}/{HOSTED}", "refresh", "--workers", str(args.refresh_workers)))
    return 0 if many <= 1.2 * single else 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--practices", type=int, default=1000)
    parser.add_argument("--interactions", type=int, default=2_000_000)
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--refresh-workers", type=int, default=0)
    # What the script runs in its own child processes:
    parser.add_argument("--mode", default="", help=argparse.SUPPRESS)
    parser.add_argument("--url", default="", help=argparse.SUPPRESS)
    parser.add_argument("--plan", default="[]", help=argparse.SUPPRESS)
    parser.add_argument("--cycle", default="", help=argparse.SUPPRESS)
    parser.add_argument("--numbers", default="", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=20, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode == "build-part":
        build_part(args.url, [tuple(row) for row in json.loads(args.plan)])
    elif args.mode == "migrate":
        migrate(args.url)
    elif args.mode == "measure":
        measure(args.url, [int(n) for n in args.numbers.split(",")], args.runs)
    elif args.mode == "refresh":
        refresh(args.url, args.workers)
    elif args.mode == "refresh-share":
        refresh_share(args.url, args.cycle)
    else:
        return orchestrate(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
