"""Benchmark: the first request after `rapport serve` starts, and the ones after it.

    .venv/bin/python bench/first_request.py                  # this checkout
    .venv/bin/python bench/first_request.py --code /tmp/old  # another checkout, to compare

Copies the dataset bench/run.py builds (run that first) to a temporary folder, starts
`rapport serve --workers 2 --no-worker` on it with the code of --code, waits until it
accepts connections and then 5 seconds more (workers booted, as when someone opens the page
a little after a restart), and times Today (or --path) for a logged-in owner: the first
request, then ten more. Target (issue 17): the first at most 300 ms. Runs --rounds starts in a row.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def session_cookie(code: Path, data: Path) -> str:
    """A session for the bench owner, written straight into the copied database."""
    script = (
        "import os, django\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'rapport.settings'\n"
        "django.setup()\n"
        "from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "from rapport.practices.models import User\n"
        "user = User.objects.get(email='bench@example.org')\n"
        "session = SessionStore()\n"
        "session[SESSION_KEY] = str(user.pk)\n"
        "session[BACKEND_SESSION_KEY] = 'rapport.practices.backends.ThrottledModelBackend'\n"
        "session[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "session.save()\n"
        "print(session.session_key)\n"
    )
    env = os.environ | {"RAPPORT_DATA_DIR": str(data), "PYTHONPATH": str(code)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@contextmanager
def serving(code: Path, data: Path, workers: int = 2) -> Iterator[tuple[int, str]]:
    """`rapport serve` with the code of `code` on `data`, once it accepts connections: its
    port, and a session cookie for the bench owner."""
    port = free_port()
    env = os.environ | {"RAPPORT_DATA_DIR": str(data), "PYTHONPATH": str(code)}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-m", "rapport.cli", "serve", "--port", str(port),
               "--workers", str(workers), "--no-worker"]  # fmt: skip
    log = data / "serve.log"
    server = subprocess.Popen(command, env=env, cwd=code, stdout=log.open("w"),
                              stderr=subprocess.STDOUT)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, log.read_text()
                time.sleep(0.1)
        yield port, session_cookie(code, data)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def one_start(code: Path, data: Path, path: str) -> list[float]:
    with serving(code, data) as (port, cookie):
        time.sleep(5)
        timings = []
        for _ in range(11):
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}", headers={"Cookie": f"sessionid={cookie}"}
            )
            started = time.perf_counter()
            with urllib.request.urlopen(request) as page:  # noqa: S310 (our own http URL)
                assert page.geturl().endswith(f":{port}{path}"), page.geturl()  # not to log in
            timings.append((time.perf_counter() - started) * 1000)
        return timings


def prepare(code: Path, data: Path) -> None:
    """Migrates the copy with `code`, and fills Today's attention items where that code keeps
    them (issue 16 adds the table empty; `rebuild-attention` exits 1 when it replaced what it
    found, and older code has no such command), so Today shows what it would in use."""
    env = os.environ | {"RAPPORT_DATA_DIR": str(data), "PYTHONPATH": str(code)}
    env.pop("DATABASE_URL", None)
    rapport = [sys.executable, "-m", "rapport.cli"]
    subprocess.run([*rapport, "manage", "migrate", "-v0"], env=env, cwd=code, check=True)
    subprocess.run([*rapport, "rebuild-attention"], env=env, cwd=code, capture_output=True,
                   check=False)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--code", type=Path, default=HERE.parent)
    parser.add_argument("--data", type=Path, default=HERE / "data", help="bench/run.py's")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--path", default="/", help="the page to time: Today by default")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rapport-first-") as folder:
        data = Path(folder) / "data"
        shutil.copytree(args.data, data, ignore=shutil.ignore_patterns("static"))
        prepare(args.code.resolve(), data)
        for _ in range(args.rounds):
            first, *later = one_start(args.code.resolve(), data, args.path)
            load = Path("/proc/loadavg").read_text().split()[0]
            print(f"first {first:6.0f} ms   then median {statistics.median(later):5.0f} ms   "
                  f"(load {load})", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
