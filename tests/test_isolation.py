"""Another practice's objects are a 404, for every URL that takes an id, for reads and writes.

The walk reads the URL configuration itself, so a URL added later is covered
without anyone remembering; an id parameter it does not know fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client as HttpClient
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from rapport.api.models import ApiToken
from rapport.appointments.models import Appointment
from rapport.clients.models import Client, ContactPoint, Fact, ImportantDate
from rapport.messaging.models import InboundMail, MessageTemplate, OutboxMessage, PracticeRule
from rapport.portability.models import ImportBatch
from rapport.practices.models import Member
from rapport.timeline.models import Interaction, Promise
from rapport.touches.models import Touch, TouchKind
from tests.conftest import ClientFile, make_client_file

# The admin is staff-only (tests/practices/test_auth.py); the API answers to tokens, not
# sessions, and has its own isolation test (tests/api/test_api.py).
SKIPPED_NAMESPACES = {"admin", "api"}
# Public pages reached by a signed token, not an id: covered by their own tests.
TOKEN_URLS = {"unsubscribe", "reschedule", "calendar_feed"}


def _id_for(kwarg: str, file: ClientFile) -> int:
    ids = {
        "client_id": file.client.pk,
        "fact_id": file.fact.pk,
        "date_id": file.important_date.pk,
        "interaction_id": file.interaction.pk,
        "promise_id": file.promise.pk,
        "outbox_id": file.outbox.pk,
        "template_id": file.template.pk,
        "rule_id": file.rule.pk,
        "mail_id": file.mail.pk,
        "appointment_id": file.appointment.pk,
        "touch_id": file.touch.pk,
        "kind_id": file.touch_kind.pk,
        "token_id": file.api_token.pk,
        "batch_id": file.import_batch.pk,
    }
    if kwarg not in ids:
        pytest.fail(
            f"The isolation walk does not know the URL parameter {kwarg!r}: teach it in _id_for."
        )
    return ids[kwarg]


def _patterns(
    resolver: URLResolver | None = None, namespace: str = ""
) -> Iterator[tuple[str, list[str]]]:
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            if inner in SKIPPED_NAMESPACES:
                continue
            for name, kwargs in _patterns(entry, inner):
                yield name, list(entry.pattern.converters) + kwargs
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in TOKEN_URLS:
            yield entry.name, list(entry.pattern.converters)


def id_urls(file: ClientFile, *, only_nested: bool = False) -> list[str]:
    """Every URL that takes an id, filled in with the ids of this client file."""
    return [
        reverse(name, kwargs={kwarg: _id_for(kwarg, file) for kwarg in kwargs})
        for name, kwargs in _patterns()
        if kwargs and not (only_nested and kwargs == ["client_id"])
    ]


def _snapshot() -> list[object]:
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            Client,
            ContactPoint,
            Fact,
            ImportantDate,
            Interaction,
            Promise,
            OutboxMessage,
            MessageTemplate,
            PracticeRule,
            InboundMail,
            Appointment,
            Touch,
            TouchKind,
            ApiToken,
            ImportBatch,
        )
    ]


def test_the_walk_covers_every_id_url(client_file: ClientFile) -> None:
    urls = id_urls(client_file)
    assert len(urls) >= 15
    assert f"/clients/{client_file.client.pk}/facts/{client_file.fact.pk}/edit/" in urls


def test_outsiders_get_404_on_every_id_url(
    client_file: ClientFile, owner_http: HttpClient, outsider_http: HttpClient
) -> None:
    before = _snapshot()
    for url in id_urls(client_file):
        # The owner reaches it (a page, or "use POST" for an action): a 404 below is isolation.
        assert owner_http.get(url).status_code in (200, 405), url
        assert outsider_http.get(url).status_code == 404, f"GET {url}"
        response = outsider_http.post(
            url, {"text": "x", "full_name": "x", "kind": "note", "done": "1"}
        )
        assert response.status_code == 404, f"POST {url}"
    assert _snapshot() == before, "an outsider's request changed practice A's data"


def test_own_client_with_foreign_child_is_404(
    client_file: ClientFile, outsider: Member, outsider_http: HttpClient
) -> None:
    """Mixing one's own client id with another practice's fact, date or interaction id."""
    own = make_client_file(outsider, "Bo Client", "bo@example.org")
    mixed = ClientFile(
        own.client,
        client_file.fact,
        client_file.important_date,
        client_file.interaction,
        client_file.promise,
        client_file.outbox,
        client_file.template,
        client_file.rule,
        client_file.mail,
        client_file.appointment,
        client_file.touch,
        client_file.touch_kind,
        client_file.api_token,
        client_file.import_batch,
    )
    before = _snapshot()
    for url in id_urls(mixed, only_nested=True):
        assert outsider_http.get(url).status_code == 404, f"GET {url}"
        assert outsider_http.post(url, {"text": "x", "done": "1"}).status_code == 404, f"POST {url}"
    assert _snapshot() == before


def test_bulk_actions_ignore_foreign_clients(
    client_file: ClientFile, outsider_http: HttpClient
) -> None:
    response = outsider_http.post(
        "/clients/bulk/", {"action": "archive", "clients": [client_file.client.pk]}, follow=True
    )
    assert response.status_code == 200
    client_file.client.refresh_from_db()
    assert client_file.client.archived_at is None
