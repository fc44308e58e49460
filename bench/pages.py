"""Benchmark: Today, a client page and the client list, beside the fixed cost of any page, this
code against another checkout, alternating (issue 16).

    .venv/bin/python bench/pages.py --base /tmp/h16-base
    .venv/bin/python bench/pages.py --base /tmp/h16-base --db postgres --pg-prefix bench_today

Uses bench/today.py's datasets (build them with it first: each version's own copy, 5,000
clients). Each round runs each version in its own process; a process measures, in-process
through Django's test client (logged in, full middleware), `--runs` requests of each page after
3 warm-up requests: wall median, CPU median (`time.process_time`, steadier on a busy machine;
on SQLite it includes the database) and the queries of one request. Two pages that exist only
here give the floor: an empty view behind `member_required` (the session, the user and the
member, and the middleware), and the same view rendering `base.html` (the page's frame).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import types
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from today import _environment, _load  # noqa: E402 (a script beside this one)

PAGES = {
    "empty view": "/bench-empty/",
    "base.html": "/bench-frame/",
    "Today": "/",
    "client page": "BUSIEST",
    "client list": "/clients/?page=3",
}


def _floor_urls() -> None:
    """The site's URLs, and the two floor pages before them."""
    from django.http import HttpRequest, HttpResponse
    from django.shortcuts import render
    from django.urls import path

    import rapport.urls
    from rapport.practices.access import member_required

    @member_required
    def empty(request: HttpRequest) -> HttpResponse:
        return HttpResponse("")

    @member_required
    def frame(request: HttpRequest) -> HttpResponse:
        return render(request, "base.html", {})

    module = types.ModuleType("bench_urls")
    module.urlpatterns = [  # type: ignore[attr-defined]
        path("bench-empty/", empty),
        path("bench-frame/", frame),
        *rapport.urls.urlpatterns,
    ]
    sys.modules["bench_urls"] = module


def _measure(runs: int) -> dict[str, dict[str, float]]:
    from django.db import connection
    from django.test import Client as HttpClient
    from django.test.utils import override_settings

    from rapport.clients.models import Client
    from rapport.practices.models import Member

    member = Member.objects.get(user__email="bench@example.org")
    busiest = (
        Client.objects.for_practice(member.practice)
        .order_by("-last_contact_at")
        .values_list("pk", flat=True)
        .first()
    )
    http = HttpClient()
    http.force_login(member.user)
    found: dict[str, dict[str, float]] = {}
    queries: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(sql)
        return execute(sql, params, many, context)

    _floor_urls()
    with override_settings(ROOT_URLCONF="bench_urls"):
        for name, url in PAGES.items():
            url = f"/clients/{busiest}/" if url == "BUSIEST" else url
            for _ in range(3):
                assert http.get(url).status_code == 200, url
            queries.clear()
            with connection.execute_wrapper(count):
                http.get(url)
            wall, cpu = [], []
            for _ in range(runs):
                started, started_cpu = time.perf_counter(), time.process_time()
                assert http.get(url).status_code == 200
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            found[name] = {
                "median": statistics.median(wall),
                "cpu": statistics.median(cpu),
                "queries": len(queries),
            }
    return found


def worker(args: argparse.Namespace) -> None:
    _environment(Path(args.code), args.version, args.db, args.clients, args.pg_prefix)
    import django

    django.setup()
    print(json.dumps(_measure(args.runs)))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", help="the checkout to compare with (a git worktree)")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--clients", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pg-prefix", default="bench_today")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--code", help=argparse.SUPPRESS)
    parser.add_argument("--version", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return 0
    versions = [("now", HERE.parent)] + ([("base", Path(args.base))] if args.base else [])
    print(f"pages, {args.db}, {args.clients} clients, {args.runs} requests each; ms")
    for round_number in range(1, args.rounds + 1):
        for version, code in reversed(versions) if round_number % 2 else versions:
            load = _load()
            command = [sys.executable, __file__, "--worker", "--code", str(code)]
            command += ["--version", version, "--db", args.db, "--clients", str(args.clients)]
            command += ["--runs", str(args.runs), "--pg-prefix", args.pg_prefix]
            done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=code)
            found = json.loads(done.stdout.strip().splitlines()[-1])
            cells = "  ".join(
                f"{name} {got['median']:.1f}/{got['cpu']:.1f} ({got['queries']:.0f}q)"
                for name, got in found.items()
            )
            print(f"round {round_number} {version:<5} load {load:>5}  {cells}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
