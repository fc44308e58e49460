"""Warming a web worker before it answers, so the first person after a start or a restart
does not wait for what every later request finds ready.

gunicorn calls `warm_up` in each worker after it loads the app and before it accepts a
connection (gunicorn_conf.post_worker_init). Without it the first request paid for importing
every view (the URL resolver imports them all on first use), compiling the URL patterns and
each template it renders, reading the static files' manifest and opening the database
connection: about a second, against some tens of milliseconds later.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import close_old_connections, connection
from django.template import Engine
from django.urls import URLResolver, get_resolver

from rapport.practices.models import Practice


def _compile_patterns(resolver: URLResolver) -> int:
    """Compiles every URL pattern's regular expression (Django does it on first match)."""
    count = 0
    for entry in resolver.url_patterns:
        _ = entry.pattern.regex
        count += 1
        if isinstance(entry, URLResolver):
            count += _compile_patterns(entry)
    return count


def _compile_templates() -> int:
    """Loads our templates through the engine's cached loader, which keeps them compiled."""
    engine = Engine.get_default()
    count = 0
    for folder in map(Path, engine.dirs):
        for path in sorted(folder.rglob("*.html")):
            engine.get_template(str(path.relative_to(folder)))
            count += 1
    return count


def warm_up() -> dict[str, float]:
    """Everything a first request would otherwise load; returns what was done, and its ms."""
    started = time.perf_counter()
    patterns = _compile_patterns(get_resolver())
    templates = _compile_templates()
    staticfiles_storage.url("rapport/app.css")  # reads the manifest of hashed names
    connection.ensure_connection()
    Practice.objects.exists()  # one query through the ORM, its compiler and the driver
    close_old_connections()  # keep the connection only as settings allow (CONN_MAX_AGE)
    return {
        "patterns": patterns,
        "templates": templates,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }
