"""Issue 15: dates at the edges and naive datetimes through the API, and every 422 naming its
field whether the schema or a service refused the request."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from rapport.api.services import token_create
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from tests.conftest import ClientFile


class Api:
    def __init__(self, key: str) -> None:
        self.http = HttpClient(HTTP_AUTHORIZATION=f"Bearer {key}")

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.http.post(f"/api{path}", json.dumps(body), content_type="application/json")


@pytest.fixture
def api(owner: Member) -> Api:
    _, key = token_create(member=owner, name="tests")
    return Api(key)


@pytest.mark.parametrize(
    "when",
    ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59-12:00", "1899-12-31T23:00:00Z", "2201-01-01"],
)
def test_an_interaction_out_of_range_is_refused_and_the_page_still_opens(
    client_file: ClientFile, api: Api, owner_http: HttpClient, clock: object, when: str
) -> None:
    before = Interaction.objects.count()
    answer = api.post(
        f"/clients/{client_file.client.pk}/interactions",
        {"kind": "call", "summary": "Talked.", "occurred_at": when},
    )
    assert answer.status_code == 422
    assert answer.json()["detail"].startswith("body data occurred_at: ")
    assert answer.json()["detail"] == "body data occurred_at: Give a year between 1900 and 2200."
    assert Interaction.objects.count() == before
    assert owner_http.get(reverse("client_detail", args=[client_file.client.pk])).status_code == 200


def test_a_naive_datetime_is_read_in_the_practices_time_zone(
    client_file: ClientFile, api: Api, owner: Member, clock: object
) -> None:
    owner.practice.time_zone = "America/New_York"
    owner.practice.save(update_fields=["time_zone"])
    answer = api.post(
        f"/clients/{client_file.client.pk}/interactions",
        {"kind": "call", "summary": "Talked.", "occurred_at": "2026-11-20T10:00:00"},
    )
    assert answer.status_code == 201
    saved = Interaction.objects.get(pk=answer.json()["id"])
    assert saved.occurred_at == datetime(2026, 11, 20, 15, 0, tzinfo=UTC)  # 10:00 EST


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/clients", {"full_name": "   "}, "full_name"),  # the schema allows it, the service not
        ("/clients", {"full_name": ""}, "full_name"),  # refused by the schema
        ("/clients/{client}/facts", {"category": "interest", "text": "   "}, "text"),
        ("/clients/{client}/dates", {"day": 30, "month": 2}, "day"),
        ("/clients/{client}/contact-points", {"kind": "email", "value": "nope"}, "value"),
        ("/clients/{client}/interactions", {"kind": "call"}, "summary"),
        (
            "/touches",
            {"client_id": "{client}", "kind_id": "{kind}", "planned_on": "2026-12-01", "note": " "},
            "note",
        ),
        (
            "/touches",
            {
                "client_id": "{client}",
                "kind_id": "{kind}",
                "planned_on": "2026-12-01",
                "note": "A card",
                "source_fact_id": 2**62,
            },
            "source_fact_id",
        ),
        (
            "/touches",
            {
                "client_id": "{client}",
                "kind_id": "{kind}",
                "planned_on": "0001-01-01",
                "note": "A card",
            },
            "planned_on",
        ),
    ],
)
def test_every_422_names_its_field(
    client_file: ClientFile, api: Api, clock: object, path: str, body: dict[str, Any], field: str
) -> None:
    ids = {"{client}": client_file.client.pk, "{kind}": client_file.touch_kind.pk}
    filled = {
        key: ids.get(value, value) if isinstance(value, str) else value
        for key, value in body.items()
    }
    answer = api.post(path.format(client=client_file.client.pk), filled)
    assert answer.status_code == 422, answer.content
    for problem in answer.json()["detail"].split("; "):
        assert problem.startswith(f"body data {field}: "), problem


def test_a_touch_done_twice_names_the_field(
    client_file: ClientFile, api: Api, clock: object
) -> None:
    url = f"/touches/{client_file.touch.pk}/done"
    assert api.post(url, {}).status_code == 200
    again = api.post(url, {})
    assert again.status_code == 422
    assert again.json()["detail"].startswith("body data done_on: ")
