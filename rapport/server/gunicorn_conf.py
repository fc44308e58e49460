"""gunicorn settings for `rapport serve`: the task worker lives and dies with the server.

gunicorn's master supervises the worker (supervision.py) from a thread: a worker that
dies is started again, and it is stopped with the server. It is started only once
gunicorn has bound its port (`when_ready`), so a start that fails (the port taken)
starts no worker at all; and a master killed outright takes its worker with it.

Each web worker warms up (warmup.py) before it accepts its first connection.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from rapport.server.supervision import Supervisor

_supervisor: Supervisor | None = None


def when_ready(server: Any) -> None:
    global _supervisor
    if os.environ.get("RAPPORT_WORKER", "1") == "0" or _supervisor is not None:
        return  # --no-worker; or a reload (SIGHUP), which keeps the worker it has
    _supervisor = Supervisor(server.log)
    _supervisor.start()
    threading.Thread(target=_supervisor.watch, name="worker-supervisor", daemon=True).start()


def post_worker_init(worker: Any) -> None:
    from rapport.server.warmup import warm_up  # Django is set up by now: the app is loaded

    done = warm_up()
    worker.log.info(
        "Warmed up in %s ms: %s URL patterns, %s templates",
        done["ms"],
        done["patterns"],
        done["templates"],
    )


def on_exit(server: Any) -> None:
    if _supervisor is not None:
        _supervisor.stop()
