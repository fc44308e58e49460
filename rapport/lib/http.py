"""Request helpers with no domain knowledge."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def hx_redirect(url: str) -> HttpResponse:
    """For a page that polls with htmx: load `url` as a whole page (its wait is over)."""
    response = HttpResponse(status=204)
    response["HX-Redirect"] = url
    return response


def local_target(request: HttpRequest, name: str = "back") -> str | None:
    """A "return to" path from the request, only if it stays on this site.

    Only a path: anything else would be taken by redirect() for a URL name to look up.
    """
    target = request.POST.get(name) or request.GET.get(name)
    if (
        target
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return None


MAX_ID = 2**63 - 1


def id_param(raw: str) -> int | None:
    """An id sent in a form or a query string, or None when it cannot be one: only ASCII
    digits ("²".isdigit() is true, and int() refuses it) and no more than a 64-bit column
    holds (SQLite cannot even compare a larger number)."""
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_ID:
        return None
    return int(raw)


class UrlPattern:
    """reverse() once, then fill in ids: a page listing a hundred rows needs one lookup, not
    a hundred. Only for URLs whose last argument is an integer id; those before it (`fixed`,
    the client of a client's interactions) are the same for every row."""

    MARK = "2147483647"

    def __init__(self, name: str, *fixed: int) -> None:
        url = reverse(name, args=[*fixed, int(self.MARK)])
        self.before, _, self.after = url.partition(self.MARK)

    def __call__(self, object_id: int) -> str:
        return f"{self.before}{int(object_id)}{self.after}"


def refuse_unless_post(request: HttpRequest) -> HttpResponseNotAllowed | None:
    """For actions on a practice's objects: called after the lookups, so that another
    practice's id is a 404 whatever the method, never a 405 that confirms it exists."""
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])
