"""The task worker never runs alone: a supervisor starts it, starts it again when it dies, and
takes it down with itself.

One design for both ways Rapport runs it. Under `rapport serve` the supervisor is gunicorn's
master (gunicorn_conf.py), in a thread, from the moment the port is bound; on its own,
`rapport worker` is the supervisor and the work runs in its child. Either way the child is
`rapport worker --unsupervised`, which asks Linux to stop it when its supervisor goes, even by
kill -9, so no failed or killed start leaves a worker behind without a parent.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from typing import Any

RESTART_PAUSES = (1, 2, 5, 10, 30)  # seconds; reset once a worker has run for a minute
STEADY_SECONDS = 60
PARENT_VARIABLE = "RAPPORT_WORKER_PARENT"  # the supervisor's pid, for the child's check
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class Supervisor:
    """Starts `rapport worker --unsupervised` and keeps it running until `stop()`."""

    def __init__(self, log: logging.Logger | Any) -> None:
        self.log = log  # a logging.Logger, or gunicorn's logger, which has the same methods
        self.process: subprocess.Popen[bytes] | None = None
        self.stopping = threading.Event()

    def start(self) -> None:
        environment = {**os.environ, PARENT_VARIABLE: str(os.getpid())}
        command = [sys.executable, "-m", "rapport.cli", "worker", "--unsupervised"]
        self.process = subprocess.Popen(command, env=environment)
        self.log.info("Started the Rapport worker (pid %s)", self.process.pid)

    def watch(self) -> None:
        """Waits on the worker and starts it again when it dies, pausing longer while it keeps
        dying, so a broken configuration does not spin. Returns once stopping."""
        deaths = 0
        while not self.stopping.is_set() and self.process is not None:
            started = time.monotonic()
            code = self.process.wait()
            if self.stopping.is_set():
                return
            deaths = 1 if time.monotonic() - started >= STEADY_SECONDS else deaths + 1
            pause = RESTART_PAUSES[min(deaths, len(RESTART_PAUSES)) - 1]
            self.log.warning(
                "The Rapport worker stopped (exit %s); starting it in %ss", code, pause
            )
            if self.stopping.wait(pause):
                return
            self.start()

    def stop(self) -> None:
        """Asks the worker to finish the task in hand and stop; kills it after 15 s."""
        self.stopping.set()
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def supervise_here() -> None:
    """`rapport worker`: this process supervises; SIGTERM or Ctrl-C stops the worker first."""
    supervisor = Supervisor(logging.getLogger("rapport.server.supervision"))

    def stop_on_signal(number: int, frame: object) -> None:
        # The watch loop wakes when the worker it waits on exits.
        supervisor.stopping.set()
        if supervisor.process is not None and supervisor.process.poll() is None:
            supervisor.process.terminate()

    signal.signal(signal.SIGTERM, stop_on_signal)
    signal.signal(signal.SIGINT, stop_on_signal)
    supervisor.start()
    supervisor.watch()
    supervisor.stop()


def die_with_supervisor() -> None:
    """In the worker: be stopped (SIGTERM, so the task in hand finishes) when the supervisor
    dies. A supervisor that died before this call already left us to init: stop now."""
    parent = os.environ.get(PARENT_VARIABLE)
    if not parent:
        return
    if sys.platform.startswith("linux"):  # elsewhere only the check below: no prctl
        _death_signal(signal.SIGTERM)
    if os.getppid() != int(parent):
        raise SystemExit("The worker's supervisor is gone; stopping.")


def _death_signal(number: int) -> None:
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, number, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
