"""What every page may say about the server itself: whether sending has paused.

Lives on the server floor, which knows the worker's heartbeat; the pages that show it
(Today, Settings) only include `server/_sending_paused.html`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache

from django.http import HttpRequest
from django.utils import timezone

from rapport.lib.humanize import moment_phrase
from rapport.server.heartbeat import paused_since


def since_phrase(since: datetime, now: datetime) -> str:
    """ "10:42" today, else "yesterday 10:42", "Tuesday 10:42": in the reader's zone."""
    since, now = timezone.localtime(since), timezone.localtime(now)
    return f"{since:%H:%M}" if since.date() == now.date() else moment_phrase(since, now)


def worker(request: HttpRequest) -> dict[str, Callable[[], str]]:
    """A callable, so only the pages that ask pay for the query, and once."""

    @cache
    def sending_paused() -> str:
        now = timezone.now()
        since = paused_since(now)
        return "" if since is None else since_phrase(since, now)

    return {"sending_paused": sending_paused}
