"""gunicorn settings for `rapport serve`: the task worker lives and dies with the server.

gunicorn's master starts `rapport worker` and watches it from a thread: a worker
that dies is started again (after a pause that grows while it keeps dying, so a
broken configuration does not spin), and one that outlives the server is stopped
with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from typing import Any

RESTART_PAUSES = (1, 2, 5, 10, 30)  # seconds; reset once a worker has run for a minute
STEADY_SECONDS = 60

_worker: subprocess.Popen[bytes] | None = None
_stopping = threading.Event()


def _start(server: Any) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-m", "rapport.cli", "worker"])
    server.log.info("Started the Rapport worker (pid %s)", process.pid)
    return process


def _supervise(server: Any) -> None:
    global _worker
    deaths = 0
    while not _stopping.is_set():
        process = _worker
        if process is None:
            return
        started = time.monotonic()
        code = process.wait()
        if _stopping.is_set():
            return
        deaths = 0 if time.monotonic() - started >= STEADY_SECONDS else deaths + 1
        pause = RESTART_PAUSES[min(deaths, len(RESTART_PAUSES) - 1)]
        server.log.warning("The Rapport worker stopped (exit %s); starting it in %ss", code, pause)
        if _stopping.wait(pause):
            return
        _worker = _start(server)


def on_starting(server: Any) -> None:
    global _worker
    if os.environ.get("RAPPORT_WORKER", "1") != "0":
        _worker = _start(server)
        threading.Thread(
            target=_supervise, args=(server,), name="worker-supervisor", daemon=True
        ).start()


def on_exit(server: Any) -> None:
    _stopping.set()
    if _worker is not None and _worker.poll() is None:
        _worker.terminate()
        try:
            _worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            _worker.kill()
