"""Benchmark: Today, rendered in-process, this code against another checkout, alternating.

    .venv/bin/python bench/today.py --base /tmp/h16-base              # SQLite, 5,000 clients
    .venv/bin/python bench/today.py --base /tmp/h16-base --db postgres --clients 20000

Each version runs in its own process from its own checkout (`--base`, a `git worktree`), on its
own dataset (built once by that checkout's `rapport.demo.bulk`, the same seed, so the same
practice: bench/data/today-<version>-<clients>/ on SQLite, database bench_today_<version>_<clients>
on PostgreSQL). Rounds alternate base and this code; each measures `--runs` requests of Today
(Django's test client, logged in, full middleware and templates) after 3 warm-up requests, and
reports the median and p90 of wall time, the median CPU time of the process (steadier on a
busy machine), and the queries one request makes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
THIS = HERE.parent
PG = "postgres://postgres@127.0.0.1:5432/"


def _environment(code: Path, version: str, db: str, clients: int, prefix: str) -> None:
    data = HERE / "data" / f"today-{version}-{clients}"
    data.mkdir(parents=True, exist_ok=True)
    os.environ["RAPPORT_DATA_DIR"] = str(data)
    os.environ["RAPPORT_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings"
    os.environ.pop("DATABASE_URL", None)
    if db == "postgres":
        name = f"{prefix}_{version}_{clients}"
        _create_database(name)
        os.environ["DATABASE_URL"] = PG + name
    sys.path.insert(0, str(code))


def _create_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG + "postgres", autocommit=True) as connection:
        found = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if found is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def _build(clients: int) -> None:
    from django.core.management import call_command

    from rapport.demo.bulk import BulkSize, bulk_practice
    from rapport.practices.models import Practice
    from rapport.practices.services import practice_create

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if Practice.objects.filter(name="Bench Practice").exists():
        return
    started = time.perf_counter()
    owner = practice_create(
        name="Bench Practice",
        owner_email="bench@example.org",
        owner_name="Bench",
        password="bench-password-1",  # noqa: S106 (a throwaway local dataset)
    )
    size = BulkSize(
        clients=clients, interactions=clients * 100, facts=clients * 4, dates=clients * 2, years=5
    )
    bulk_practice(owner.practice, size, seed=5)
    print(f"built {clients} clients in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _measure(runs: int) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client as HttpClient

    from rapport.practices.models import Member

    member = Member.objects.get(user__email="bench@example.org")
    http = HttpClient()
    http.force_login(member.user)
    for _ in range(3):
        assert http.get("/").status_code == 200
    queries: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        http.get("/")
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = http.get("/")
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200
    return {
        "median": statistics.median(wall),
        "p90": statistics.quantiles(wall, n=10)[-1],
        "cpu": statistics.median(cpu),
        "queries": len(queries),
    }


def worker(args: argparse.Namespace) -> None:
    _environment(Path(args.code), args.version, args.db, args.clients, args.pg_prefix)
    import django

    django.setup()
    import rapport

    assert Path(rapport.__file__).resolve().is_relative_to(Path(args.code).resolve())
    _build(args.clients)
    print(json.dumps(_measure(args.runs)))


def _run(code: Path, version: str, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", "--code", str(code), "--version", version]
    command += ["--db", args.db, "--clients", str(args.clients), "--runs", str(args.runs)]
    command += ["--pg-prefix", args.pg_prefix]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=code)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _load() -> str:
    return Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", help="the checkout to compare with (a git worktree)")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--clients", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--pg-prefix", default="bench_today", help="PostgreSQL: <prefix>_<version>_<clients>"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--code", help=argparse.SUPPRESS)
    parser.add_argument("--version", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return 0
    versions = [("now", THIS)] + ([("base", Path(args.base))] if args.base else [])
    print(f"Today, {args.db}, {args.clients} clients, {args.runs} requests a run")
    for round_number in range(1, args.rounds + 1):
        for version, code in reversed(versions) if round_number % 2 else versions:
            load = _load()
            found = _run(code, version, args)
            print(
                f"round {round_number} {version:<5} load {load:>5}  "
                f"median {found['median']:6.1f} ms  p90 {found['p90']:6.1f} ms  "
                f"cpu {found['cpu']:6.1f} ms  queries {found['queries']}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
