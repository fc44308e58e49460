"""The JSON API: tokens, scoping, pagination, touches and Today, and the schema it serves."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client as HttpClient

from rapport.api.models import ApiToken
from rapport.api.services import token_create, token_revoke
from rapport.clients.services import client_create
from rapport.practices.models import Member
from rapport.touches.models import Touch, TouchKind
from tests.conftest import ClientFile


class Api:
    def __init__(self, key: str) -> None:
        self.http = HttpClient(HTTP_AUTHORIZATION=f"Bearer {key}")

    def get(self, path: str, **params: Any) -> Any:
        return self.http.get(f"/api{path}", params)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.http.post(f"/api{path}", json.dumps(body), content_type="application/json")


@pytest.fixture
def api(owner: Member) -> Api:
    _, key = token_create(member=owner, name="tests")
    return Api(key)


def test_no_token_a_wrong_one_or_a_revoked_one_is_401(owner: Member) -> None:
    token, key = token_create(member=owner, name="backup script")
    assert Api(key).get("/clients").status_code == 200
    assert HttpClient().get("/api/clients").status_code == 401
    assert Api("rap_not-a-real-key").get("/clients").status_code == 401
    token_revoke(token=token)
    assert Api(key).get("/clients").status_code == 401
    stored = ApiToken.objects.get()
    assert key not in (stored.key_hash, stored.hint) and stored.last_used_at is not None


def test_another_practices_data_is_a_404_or_invisible(
    client_file: ClientFile, outsider: Member
) -> None:
    _, key = token_create(member=outsider, name="theirs")
    theirs = Api(key)
    assert theirs.get(f"/clients/{client_file.client.pk}").status_code == 404
    assert theirs.get(f"/clients/{client_file.client.pk}/interactions").status_code == 404
    assert theirs.get("/clients").json() == {"items": [], "count": 0}
    assert theirs.get("/touches").json()["count"] == 0
    planned = theirs.post(
        "/touches",
        {"client_id": client_file.client.pk, "kind_id": client_file.touch_kind.pk,
         "planned_on": "2026-12-01", "note": "x"},
    )  # fmt: skip
    assert planned.status_code == 404
    done = theirs.post(f"/touches/{client_file.touch.pk}/done", {})
    assert done.status_code == 404 and client_file.touch.done_at is None


def test_clients_are_paginated_and_searchable(owner: Member, api: Api) -> None:
    for number in range(55):
        client_create(practice=owner.practice, full_name=f"Client {number:02}")
    first = api.get("/clients").json()
    second = api.get("/clients", page=2).json()
    assert first["count"] == 55 and len(first["items"]) == 50 and len(second["items"]) == 5
    assert [item["full_name"] for item in api.get("/clients", q="Client 07").json()["items"]] == [
        "Client 07"
    ]


def test_a_client_with_everything_and_creating_one(client_file: ClientFile, api: Api) -> None:
    detail = api.get(f"/clients/{client_file.client.pk}").json()
    assert detail["facts"][0]["text"] == "Grows orchids"
    assert {point["normalized"] for point in detail["contact_points"]} == {
        "siobhan@example.org",
        "+447700900123",
    }
    created = api.post("/clients", {"full_name": "Ana Lima", "emails": ["ana@example.org"]})
    assert created.status_code == 201 and created.json()["full_name"] == "Ana Lima"
    bad = api.post("/clients", {"full_name": "Bad", "emails": ["not an email"]})
    assert bad.status_code == 422 and "email" in bad.json()["detail"].lower()
    empty = api.post("/clients", {"full_name": ""})
    assert empty.status_code == 422


def test_touches_through_the_api(client_file: ClientFile, owner: Member, api: Api) -> None:
    card = client_file.touch_kind
    kinds = api.get("/touch-kinds").json()
    assert card.name in [kind["name"] for kind in kinds]
    planned = api.post(
        "/touches",
        {"client_id": client_file.client.pk, "kind_id": card.pk, "planned_on": "2026-12-01",
         "note": "A card for the exhibition", "cost": "3.50",
         "source_fact_id": client_file.fact.pk},
    )  # fmt: skip
    assert planned.status_code == 201, planned.content
    body = planned.json()
    assert body["source_text"] == "Grows orchids" and body["cost"] == "3.50"
    listed = api.get("/touches", client_id=client_file.client.pk, state="planned").json()
    assert listed["count"] == 2
    done = api.post(f"/touches/{body['id']}/done", {"response": "Delighted."})
    assert done.status_code == 200 and done.json()["done_at"] is not None
    assert api.get("/touches", state="done").json()["count"] == 1
    again = api.post(f"/touches/{body['id']}/done", {})
    assert again.status_code == 422 and "already" in again.json()["detail"]
    negative = api.post(
        "/touches",
        {"client_id": client_file.client.pk, "kind_id": card.pk, "planned_on": "2026-12-01",
         "note": "x", "cost": "-1"},
    )  # fmt: skip
    assert negative.status_code == 422
    gift = TouchKind.objects.get(practice=owner.practice, key="gift")
    client_file.client.no_gifts = True
    client_file.client.save()
    crossing = api.post(
        "/touches",
        {"client_id": client_file.client.pk, "kind_id": gift.pk, "planned_on": "2026-12-01",
         "note": "Chocolates"},
    )  # fmt: skip
    assert crossing.status_code == 422 and "accepts no gifts" in crossing.json()["detail"]
    assert Touch.objects.count() == 2


def test_today_and_appointments(client_file: ClientFile, api: Api) -> None:
    today = api.get("/today").json()
    touch = next(section for section in today["sections"] if section["key"] == "touch")
    assert touch["items"][0]["headline"] == "Thank-you card for Siobhán"
    start = client_file.appointment.starts_at.date()
    appointments = api.get("/appointments", start=str(start)).json()
    assert [item["uid"] for item in appointments] == [client_file.appointment.uid]
    backwards = api.get("/appointments", start="2026-12-10", end="2026-12-01")
    assert backwards.status_code == 422


def test_the_schema_is_served_without_a_token() -> None:
    response = HttpClient().get("/api/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.") and "/api/touches" in schema["paths"]
    assert "bearer" in json.dumps(schema["components"]["securitySchemes"]).lower()
    assert date.today()  # the schema does not depend on the data


def test_control_characters_are_refused_not_a_server_error(api: Api) -> None:
    response = api.post("/clients", {"full_name": "Ana\x00Lima"})
    assert response.status_code == 422 and "full_name" in response.json()["detail"]


def test_a_nul_in_a_search_is_ignored(owner: Member, api: Api, owner_http: HttpClient) -> None:
    client_create(practice=owner.practice, full_name="Ana Lima")
    assert api.get("/clients", q="Ana\x00").json()["count"] == 1
    assert owner_http.get("/clients/", {"q": "Ana\x00"}).status_code == 200


def test_contact_points_facts_dates_and_conversations(client_file: ClientFile, api: Api) -> None:
    base = f"/clients/{client_file.client.pk}"
    phone = api.post(f"{base}/contact-points", {"kind": "phone", "value": "07700 900456"})
    assert phone.status_code == 201 and phone.json()["normalized"] == "+447700900456"
    again = api.post(f"{base}/contact-points", {"kind": "phone", "value": "+44 7700 900456"})
    assert again.status_code == 422 and "already has" in again.json()["detail"]
    bad = api.post(f"{base}/contact-points", {"kind": "email", "value": "not-an-email"})
    assert bad.status_code == 422 and "not an email address" in bad.json()["detail"]
    assert len(api.get(f"{base}/contact-points").json()) == 3

    fact = api.post(f"{base}/facts", {"category": "interest", "text": "Sea swimming"})
    assert fact.status_code == 201
    assert sorted(item["text"] for item in api.get(f"{base}/facts").json()) == [
        "Grows orchids",
        "Sea swimming",
    ]
    leap = api.post(f"{base}/dates", {"kind": "other", "label": "Wedding", "day": 29,
                                      "month": 2, "year": 2023})  # fmt: skip
    assert leap.status_code == 422 and "February has 28 days" in leap.json()["detail"]
    date = api.post(f"{base}/dates", {"kind": "anniversary", "day": 1, "month": 9})
    assert date.status_code == 201 and len(api.get(f"{base}/dates").json()) == 2

    call = api.post(
        f"{base}/interactions",
        {"kind": "message", "direction": "inbound", "summary": "Asked about dates."},
    )
    assert call.status_code == 201
    future = api.post(
        f"{base}/interactions",
        {"kind": "call", "summary": "Later", "occurred_at": "2099-01-01T10:00:00Z"},
    )
    assert future.status_code == 422 and "future" in future.json()["detail"]
    client_file.client.refresh_from_db()
    assert client_file.client.awaiting_reply_since is not None  # a message starts the clock


def test_feedback_is_read_with_the_clients_words_and_never_a_rating(
    client_file: ClientFile, api: Api, outsider: Member
) -> None:
    listed = api.get("/feedback", state="answered").json()
    assert listed["count"] == 1
    (request,) = listed["items"]
    assert request["client_id"] == client_file.client.pk
    assert request["questions"] == [
        {
            "text": "What would have made today more helpful?",
            "answer": "A written summary afterwards.",
        }
    ]
    themes = api.get("/feedback/themes", months=12).json()
    assert themes["answers"] == 1 and themes["themes"] == [], themes
    assert themes["unthemed"][0]["client_id"] == client_file.client.pk
    assert "TF-IDF" in themes["how_themes_are_found"]
    assert api.get("/feedback/themes", months=7).status_code == 422
    _, key = token_create(member=outsider, name="theirs")
    assert Api(key).get("/feedback").json()["count"] == 0
    assert Api(key).get("/feedback/themes").json()["answers"] == 0
    schemas = api.get("/openapi.json").json()["components"]["schemas"]
    for name in ("FeedbackOut", "FeedbackQuestionOut"):
        for field, spec in schemas[name]["properties"].items():
            kinds = {spec.get("type")} | {part.get("type") for part in spec.get("anyOf", [])}
            assert not kinds & {"integer", "number"} or field.endswith("id"), (name, field)
