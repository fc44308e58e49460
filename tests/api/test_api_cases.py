"""Cases in the JSON API: opened, told step by step, advice labelled honestly under the same
rules as the pages, linked to the client's own history, and another practice's a 404."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client as HttpClient

from rapport.api.services import token_create
from rapport.cases.models import Advice, Case, CaseFact
from rapport.practices.models import Member
from tests.api.test_api import Api
from tests.conftest import ClientFile, make_client_file


def _patch(api: Api, path: str, body: dict[str, Any]) -> Any:
    return api.http.patch(f"/api{path}", json.dumps(body), content_type="application/json")


def test_a_case_is_opened_told_and_closed_through_the_api(
    owner: Member, staff: Member, client_file: ClientFile
) -> None:
    api = Api(token_create(member=owner, name="tests")[1])
    client = client_file.client
    opened = api.post(f"/clients/{client.pk}/cases", {"problem": "The printer jams on Mondays"})
    assert opened.status_code == 201, opened.json()
    case = opened.json()
    assert (case["status"], case["steps"], case["advice"]) == ("open", [], [])

    step = api.post(
        f"/cases/{case['id']}/steps",
        {"tried": "Cleaned the rollers", "result": "Better", "member_id": staff.pk},
    )
    assert step.status_code == 201
    assert step.json()["steps"][0]["who"] == "Sam Staff"
    for advice in (
        {"certainty": "known", "text": "The rollers were worn"},
        {"certainty": "guess", "text": "The paper is damp", "next_step": "Try new paper",
         "someone_else": "the client"},
        {"certainty": "unknown", "text": "Why Mondays", "next_step": "Ask the maker",
         "member_id": owner.pk},
    ):  # fmt: skip
        assert api.post(f"/cases/{case['id']}/advice", advice).status_code == 201, advice
    told = api.get(f"/cases/{case['id']}").json()
    assert [item["certainty"] for item in told["advice"]] == ["known", "guess", "unknown"]
    assert told["advice"][2]["who"] == "Ada Owner"

    linked = api.post(
        f"/cases/{case['id']}/links",
        {"interaction_ids": [client_file.interaction.pk], "fact_ids": [client_file.fact.pk]},
    )
    assert linked.status_code == 200
    assert linked.json()["interaction_ids"] == [client_file.interaction.pk]
    assert linked.json()["fact_ids"] == [client_file.fact.pk]

    closed = _patch(api, f"/cases/{case['id']}", {"status": "resolved"})
    assert closed.status_code == 200 and closed.json()["status"] == "resolved"
    assert closed.json()["problem"] == "The printer jams on Mondays"
    listed = api.get(f"/clients/{client.pk}/cases").json()
    assert {item["id"] for item in listed} == {case["id"], client_file.case.pk}


def test_dont_know_without_a_next_step_is_a_422_that_says_so(
    owner: Member, client_file: ClientFile
) -> None:
    api = Api(token_create(member=owner, name="tests")[1])
    before = Advice.objects.count()
    refused = api.post(
        f"/cases/{client_file.case.pk}/advice", {"certainty": "unknown", "text": "Why it drops"}
    )
    assert refused.status_code == 422
    assert refused.json()["detail"].startswith("body data next_step: “Don't know” needs a next")
    nobody = api.post(
        f"/cases/{client_file.case.pk}/advice",
        {"certainty": "guess", "text": "Maybe", "next_step": "Try again"},
    )
    assert nobody.status_code == 422 and "body data member_id: Who?" in nobody.json()["detail"]
    assert Advice.objects.count() == before


def test_another_practices_case_and_members_and_another_clients_items(
    owner: Member, outsider: Member, client_file: ClientFile
) -> None:
    theirs = Api(token_create(member=outsider, name="theirs")[1])
    case = client_file.case
    assert theirs.get(f"/cases/{case.pk}").status_code == 404
    assert theirs.get(f"/clients/{client_file.client.pk}/cases").status_code == 404
    assert (
        theirs.post(f"/cases/{case.pk}/steps", {"tried": "x", "someone_else": "x"}).status_code
        == 404
    )
    assert _patch(theirs, f"/cases/{case.pk}", {"status": "resolved"}).status_code == 404
    assert theirs.post(f"/cases/{case.pk}/links", {"fact_ids": []}).status_code == 404

    ours = Api(token_create(member=owner, name="ours")[1])
    foreign = ours.post(f"/cases/{case.pk}/steps", {"tried": "x", "member_id": outsider.pk})
    assert foreign.status_code == 422
    assert foreign.json()["detail"] == "body data member_id: Choose a member of this practice."

    other = make_client_file(owner, "Bo Brennan", "bo@example.org")
    mixed = ours.post(
        f"/cases/{case.pk}/links",
        {"fact_ids": [other.fact.pk], "interaction_ids": [other.interaction.pk]},
    )
    assert mixed.status_code == 422
    assert "body data fact_ids: Link only facts on this client's profile." in mixed.json()["detail"]
    assert not CaseFact.objects.exists()
    case.refresh_from_db()
    assert case.status == "open" and case.steps.filter(tried="x").count() == 0


def test_bad_input_is_a_422_naming_the_field(owner: Member, client_file: ClientFile) -> None:
    api = Api(token_create(member=owner, name="tests")[1])
    client, case = client_file.client, client_file.case
    for path, body in [
        (f"/clients/{client.pk}/cases", {"problem": ""}),
        (f"/clients/{client.pk}/cases", {"problem": "x", "opened_on": "9999-12-31"}),
        (f"/cases/{case.pk}/advice", {"certainty": "sure", "text": "x"}),
        (f"/cases/{case.pk}/steps", {"tried": "x"}),  # by whom?
    ]:
        response = api.post(path, body)
        assert response.status_code == 422, (path, body)
        assert response.json()["detail"].startswith(("body data", "body")), response.json()
    assert Case.objects.count() == 1
    assert HttpClient().get(f"/api/cases/{case.pk}").status_code == 401


def test_the_schema_describes_cases(owner: Member) -> None:
    schema = HttpClient().get("/api/openapi.json").json()
    assert {"/api/cases/{case_id}", "/api/cases/{case_id}/advice"} <= set(schema["paths"])
    certainty = schema["components"]["schemas"]["AdviceIn"]["properties"]["certainty"]
    assert certainty["enum"] == ["known", "guess", "unknown"]
