"""`rapport serve` warms each web worker before it answers: URL patterns compiled, every
template loaded, the static manifest read, a database query made."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.template import engines
from django.urls import URLPattern, URLResolver, get_resolver

from rapport.server.warmup import warm_up
from tests.test_cli import RAPPORT, free_port

TEMPLATES = Path(__file__).resolve().parents[2] / "rapport" / "templates"


def _patterns(resolver: URLResolver) -> Iterator[URLPattern | URLResolver]:
    for entry in resolver.url_patterns:
        yield entry
        if isinstance(entry, URLResolver):
            yield from _patterns(entry)


def test_warm_up_compiles_every_template_and_url_pattern(db: None) -> None:
    cached = engines["django"].engine.template_loaders[0]  # the cached loader (DEBUG off)
    cached.reset()
    patterns = list(_patterns(get_resolver()))
    for entry in patterns:  # forget what earlier tests compiled
        vars(entry.pattern).pop("regex", None)
    done = warm_up()
    ours = {str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html")}
    assert done["templates"] == len(ours) > 50
    assert ours <= set(cached.get_template_cache)  # each kept compiled for the first request
    assert done["patterns"] == len(patterns)
    assert all("regex" in vars(entry.pattern) for entry in patterns)


@pytest.mark.slow
def test_each_gunicorn_worker_warms_up_before_it_answers(tmp_path: Path) -> None:
    port = free_port()
    unwanted = ("DATABASE_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "RAPPORT_BASE_URL")
    env = {key: value for key, value in os.environ.items() if key not in unwanted}
    env["RAPPORT_DATA_DIR"] = str(tmp_path / "data")  # SQLite in a folder of its own
    log = tmp_path / "server.log"
    command = [str(RAPPORT), "serve", "--port", str(port), "--workers", "2", "--no-worker"]
    server = subprocess.Popen(command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while len(re.findall(r"Warmed up in [\d.]+ ms", log.read_text())) < 2:
            assert time.monotonic() < deadline, log.read_text()
            assert server.poll() is None, log.read_text()
            time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/welcome/") as page:
            assert "Set up your practice" in page.read().decode()
        workers = re.findall(r"\[(\d+)\] \[INFO\] Warmed up in", log.read_text())
        assert len(set(workers)) == 2, log.read_text()  # each worker, by its pid
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
