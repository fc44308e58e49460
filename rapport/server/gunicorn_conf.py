"""gunicorn settings for `rapport serve`: the background worker lives and dies with the server."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

_worker: subprocess.Popen[bytes] | None = None


def on_starting(server: Any) -> None:
    global _worker
    if os.environ.get("RAPPORT_WORKER", "1") != "0":
        _worker = subprocess.Popen([sys.executable, "-m", "rapport.cli", "worker"])
        server.log.info("Started the Rapport worker (pid %s)", _worker.pid)


def on_exit(server: Any) -> None:
    if _worker is not None and _worker.poll() is None:
        _worker.terminate()
        try:
            _worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            _worker.kill()
