"""The access log: which page, how it went, how long it took. Never the path itself.

A path can hold a secret (a client's reschedule link /r/<token>/, a member's calendar
feed, an unsubscribe link) and a query string the names a provider searched for, so
each request is logged by the name of its route instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

log = logging.getLogger("rapport.access")


class AccessLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.monotonic()
        response = self.get_response(request)
        log.info(
            "%s %s %s %.0fms",
            request.method,
            route_name(request),
            response.status_code,
            (time.monotonic() - started) * 1000,
        )
        return response


def route_name(request: HttpRequest) -> str:
    match = request.resolver_match
    if match is not None:
        return match.view_name or "(unnamed)"
    if request.path.startswith(settings.STATIC_URL):
        return "static"
    return "(no route)"
