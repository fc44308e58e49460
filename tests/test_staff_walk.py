"""A staff member reaches every page of their practice, except the owner's own.

The walk beside the outsider walk (tests/test_isolation.py): every URL pattern
(tests/url_walk.py), filled in with the ids of a client file the owner keeps, asked for by
a staff member of the same practice with GET and with POST. Staff get the page (200), are
sent on (302), or are told which method the action takes (405); a POST of junk may also be
answered "the form has errors" (400), which is the view reaching its form. Never 403 or
404, and never an error.

The owner-only pages are the views marked by `owner_required`
(rapport/practices/access.py): `owner_only_pages()` reads that mark from the URL
configuration, so a new owner-only page is walked as one without anyone adding it here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.test import Client as HttpClient
from django.test import RequestFactory

from rapport.api.services import token_create
from rapport.messaging.models import Mailbox
from rapport.practices.access import PracticeRequest, is_owner_only, owner_required
from rapport.practices.models import Member
from tests.conftest import ClientFile, make_client_file
from tests.url_walk import Page, pages

# Pages for people who are not logged in: signing in and out, and the first run.
PUBLIC = {"login", "logout", "welcome"}
# The outsider walk's junk, with a return address and a client that are not one.
POSTED = {"text": "x", "full_name": "x", "kind": "note", "done": "1", "back": "x", "client": "x"}
GET_ANSWERS = {200, 302, 405}
POST_ANSWERS = {200, 302, 400, 405}


def member_pages() -> list[Page]:
    return [page for page in pages() if page.name not in PUBLIC]


def owner_only_pages() -> set[str]:
    """The one list of owner-only pages, read from the code."""
    return {page.name for page in member_pages() if is_owner_only(page.view)}


@pytest.fixture
def team_file(owner: Member, staff: Member) -> ClientFile:
    """The owner's client file, as staff find it; API tokens are personal, so theirs."""
    file = make_client_file(owner)
    return dataclasses.replace(file, api_token=token_create(member=staff, name="staff's")[0])


def _asked(http: HttpClient, method: str, url: str) -> int:
    """One request, undone afterwards, so every page is walked against the same file."""
    with transaction.atomic():
        response = http.get(url) if method == "GET" else http.post(url, POSTED)
        transaction.set_rollback(True)
    return int(response.status_code)


def walk(http: HttpClient, file: ClientFile) -> Iterator[tuple[Page, str, str, int]]:
    """(page, method, url, status) for every member page, asked with GET and with POST."""
    for page in member_pages():
        url = page.url(file)
        for method in ("GET", "POST"):
            yield page, method, url, _asked(http, method, url)


def _reached(method: str, status: int) -> bool:
    return status in (GET_ANSWERS if method == "GET" else POST_ANSWERS)


def test_the_walk_covers_every_member_page(team_file: ClientFile) -> None:
    names = {page.name for page in member_pages()}
    assert len(names) >= 70
    assert {"home", "client_detail", "settings", "export", "api_token_revoke"} <= names
    assert not names & PUBLIC


def test_staff_reach_every_page_but_the_owners(
    team_file: ClientFile, staff_http: HttpClient
) -> None:
    owner_only = owner_only_pages()
    for page, method, url, status in walk(staff_http, team_file):
        if page.name in owner_only:
            assert status == 403, f"{method} {url} is the owner's, but staff got {status}"
        else:
            assert _reached(method, status), f"{method} {url} ({page.name}): staff got {status}"


def test_the_owner_reaches_the_owner_only_pages(
    team_file: ClientFile, owner_http: HttpClient
) -> None:
    owner_only = owner_only_pages()
    for page, method, url, status in walk(owner_http, team_file):
        if page.name in owner_only:
            assert _reached(method, status), f"{method} {url}: the owner got {status}"


def test_owner_required_refuses_staff_and_marks_the_view(owner: Member, staff: Member) -> None:
    @owner_required
    def owners_page(request: PracticeRequest) -> HttpResponse:
        return HttpResponse("the owner's")

    def asked_by(member: Member) -> HttpResponse:
        request = RequestFactory().get("/")
        request.user = member.user
        setattr(request, "member", member)  # noqa: B010 (what PracticeMiddleware puts there)
        setattr(request, "practice", member.practice)  # noqa: B010
        return owners_page(request)

    assert is_owner_only(owners_page)
    assert asked_by(owner).status_code == 200
    with pytest.raises(PermissionDenied):
        asked_by(staff)


def test_staff_cannot_change_the_practice_or_its_mailbox(
    staff: Member, staff_http: HttpClient
) -> None:
    """Settings is everyone's page; its practice and mailbox forms are the owner's."""
    for form in ("practice", "mailbox"):
        response = staff_http.post(
            "/settings/",
            {form: "1", "practice-name": "Taken over", "mailbox-host": "imap.evil.example"},
        )
        assert response.status_code == 400
    staff.practice.refresh_from_db()
    assert staff.practice.name == "Harbour Lane"
    assert not Mailbox.objects.for_practice(staff.practice).exists()
