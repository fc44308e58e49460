"""Every form a member can reach, posted with values at the edges, never answers with an error.

The pages come from the URL walk (tests/url_walk.py), filled in with a client file's ids; a
page answering GET with `<form method="post">` is a form to fuzz, so a form added later is
fuzzed without anyone listing it. Each field is posted with values sampled for its type
(dates at years 1, 1899 and 9999, 20-digit ids, huge and negative numbers, nothing, the
wrong type, a NUL character, 100 KB of text), the rest of the form as the page filled it.
No answer is a 5xx; an answer that refuses (4xx) leaves every main table as it was. Each
post is undone afterwards, so every form meets the same file.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.db import transaction
from django.db.models import Model
from django.test import Client as HttpClient
from django.urls import reverse

from rapport.appointments.links import reschedule_token
from rapport.appointments.models import Appointment
from rapport.cases.models import Advice, Case, CaseFact, CaseInteraction, Step
from rapport.clients.models import Client, ContactPoint, Fact, ImportantDate, Tag
from rapport.handoffs.models import Handoff
from rapport.messaging.models import InboundMail, OutboxMessage
from rapport.messaging.unsubscribe import unsubscribe_link
from rapport.practices.models import Member
from rapport.referrals.models import Partner, Referral
from rapport.timeline.models import Interaction, Promise
from rapport.touches.models import Touch, TouchKind
from tests.conftest import logged_in, make_client_file
from tests.url_walk import pages

# Signing out ends the walk's session (and every page has its form); the login form
# belongs to the throttle's tests.
SKIPPED = {"logout", "login", "welcome"}
UNTOUCHED = {"csrfmiddlewaretoken"}
MAIN_TABLES: list[type[Model]] = [
    Client, ContactPoint, Fact, ImportantDate, Tag, Interaction, Promise, Appointment,
    Touch, TouchKind, OutboxMessage, InboundMail, Member, Case, Step, Advice, Partner, Referral,
    Handoff, CaseFact, CaseInteraction,
]  # fmt: skip
HUGE = "9" * 20
EDGES = {
    "date": ["0001-01-01", "9999-12-31", "1899-12-31", "2026-02-30", "x"],
    "datetime-local": ["0001-01-01T00:00", "9999-12-31T23:59", "1899-12-31T23:59", "x"],
    "number": [HUGE, "-1", "-" + HUGE, "1e400", "0.5", "x"],
    "choice": [HUGE, "-1", "abc", "²"],
    "text": ["\x00", "x" * 100_000, "", "   ", HUGE],
    "checkbox": ["on", "\x00", HUGE, "²"],  # some carry an id (select clients)
}
SAMPLES_PER_FIELD = 2


@dataclass
class Form:
    action: str
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)  # name: (type, value)


class FormReader(HTMLParser):
    """The post forms of a page, each field with its type and the value the page gave it."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        name = values.get("name", "")
        if tag == "form" and values.get("method", "").lower() == "post":
            self.current = Form(values.get("action", ""))
            self.forms.append(self.current)
        elif self.current is None or (not name and tag != "option"):
            return
        elif tag == "input" and values.get("type", "text") not in ("submit", "file", "button"):
            kind = values.get("type", "text")
            if kind not in ("checkbox", "radio") or "checked" in values:
                self.current.fields[name] = (_kind(kind), values.get("value", ""))
            else:
                self.current.fields.setdefault(name, (_kind(kind), ""))
        elif tag == "select":
            self.select = name
            self.current.fields[name] = ("choice", "")
        elif tag == "option" and self.select is not None:
            kind, chosen = self.current.fields[self.select]
            if not chosen or "selected" in values:
                self.current.fields[self.select] = (kind, values.get("value", ""))
        elif tag == "textarea":
            self.textarea = name
            self.current.fields[name] = ("text", "")

    def handle_data(self, data: str) -> None:
        if self.current is not None and self.textarea is not None:
            self.current.fields[self.textarea] = ("text", data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def _kind(input_type: str) -> str:
    if input_type in ("date", "datetime-local", "number", "checkbox"):
        return input_type
    return "choice" if input_type in ("radio", "hidden") else "text"


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MAIN_TABLES}


def _post(
    http: HttpClient, url: str, data: dict[str, str]
) -> tuple[int, dict[str, int], dict[str, int]]:
    """One post, undone afterwards; its status and the row counts before and after it."""
    with transaction.atomic():
        before = _counts()
        status = http.post(url, data).status_code
        after = _counts()
        transaction.set_rollback(True)
    return status, before, after


def forms_found(http: HttpClient, urls: list[str]) -> dict[tuple[str, frozenset[str]], Form]:
    """Each distinct form by where it posts and what it sends: the same small form on many
    pages (undo, mark done) is fuzzed once."""
    found = {}
    skipped = {reverse(name) for name in SKIPPED}
    for url in urls:
        response = http.get(url)
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            reader = FormReader()
            reader.feed(response.content.decode())
            for form in reader.forms:
                target = urljoin(url, form.action)
                if target not in skipped and set(form.fields) - UNTOUCHED:
                    found.setdefault((target, frozenset(form.fields)), form)
    return found


def test_every_form_refuses_values_at_the_edges_cleanly(owner: Member, clock: object) -> None:
    file = make_client_file(owner)
    http = logged_in(owner)
    http.raise_request_exception = False  # an error is a 500 to count, not the end of the walk
    urls = sorted({page.url(file) for page in pages() if page.name not in SKIPPED})
    # The public pages behind a client's links, which the walk leaves to their own tests.
    urls += [
        reverse("reschedule", args=[reschedule_token(file.appointment)]),
        urlsplit(unsubscribe_link(file.client)).path,
    ]
    found = forms_found(http, urls)
    assert len(found) >= 25, "the walk found fewer forms than the app has"
    chance = random.Random(15)  # the same sample on every run, so a failure repeats
    failures = []
    for (target, _), form in sorted(found.items(), key=lambda item: item[0][0]):
        base = {name: value for name, (_, value) in form.fields.items()}
        for name, (kind, _) in form.fields.items():
            if name in UNTOUCHED:
                continue
            for value in chance.sample(EDGES[kind], min(SAMPLES_PER_FIELD, len(EDGES[kind]))):
                status, before, after = _post(http, target, base | {name: value})
                posted = f"{target} {name}={value[:30]!r}"
                if status >= 500:
                    failures.append(f"{posted}: {status}")
                elif status >= 400 and before != after:
                    failures.append(f"{posted}: refused ({status}) but saved something")
    assert not failures, "\n".join(failures)
    assert http.get(reverse("home")).status_code == 200, "the walk was signed out"


# Every query parameter a page reads (grep request.GET), with values that are not what it
# expects: each page shows its default or says what was wrong, never an error.
# In two groups, since a page refusing an id (a 404) would never read the others.
QUERIES = [
    ["member", "client", "late", "page", "fact", "template"],
    ["day", "month", "start", "kind", "status", "category", "purpose", "more", "note",
     "format", "q", "cancelled", "sort", "tag"],
]  # fmt: skip
QUERY_VALUES = ["0001-01-01", "9999-12-31T23:59", "1-1", HUGE, "-1", "²", "\x00", "x" * 5000]


def test_every_page_takes_query_parameters_at_the_edges(owner: Member, clock: object) -> None:
    file = make_client_file(owner)
    http = logged_in(owner)
    http.raise_request_exception = False
    urls = sorted({page.url(file) for page in pages() if page.name not in SKIPPED})
    failures = []
    for value in QUERY_VALUES:
        for url, names in itertools.product(urls, QUERIES):
            status = http.get(url, dict.fromkeys(names, value)).status_code
            if status >= 500:
                failures.append(f"{url}?…={value[:30]!r}: {status}")
    assert not failures, "\n".join(failures)
