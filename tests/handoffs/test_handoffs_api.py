"""Handoffs through the JSON API: who looks after a client, handing over, the pending notes
and Got it; another practice's member, client or case is a 404, as everywhere."""

from __future__ import annotations

from typing import Any

from rapport.api.services import token_create
from rapport.cases.services import case_create
from rapport.clients.services import client_create
from rapport.handoffs.models import Handoff
from rapport.practices.models import Member
from rapport.timeline.models import Promise
from tests.api.test_api import Api


def _api(member: Member) -> Api:
    return Api(token_create(member=member, name="tests")[1])


def test_a_client_is_handed_over_and_acknowledged_through_the_api(
    owner: Member, staff: Member, clock: Any
) -> None:
    maya = client_create(practice=owner.practice, full_name="Maya Lind", created_by=owner)
    ada, sam = _api(owner), _api(staff)
    assert ada.get(f"/clients/{maya.pk}").json()["looked_after_by_id"] == owner.pk
    members = {row["name"]: row for row in ada.get("/members").json()}
    assert members["Sam Staff"] == {
        "id": staff.pk, "name": "Sam Staff", "email": "staff@a.example", "role": "staff",
        "active": True,
    }  # fmt: skip

    response = ada.post(
        f"/clients/{maya.pk}/handoffs",
        {"to_member_id": staff.pk, "next_steps": "Plan the move", "call_on": "2026-11-26"},
    )
    assert response.status_code == 201, response.content
    handoff = response.json()
    assert (handoff["from_name"], handoff["to_name"], handoff["call_on"]) == (
        "Ada Owner", "Sam Staff", "2026-11-26"
    )  # fmt: skip
    assert Promise.objects.get(pk=handoff["promise_id"]).due_on.isoformat() == "2026-11-26"
    assert ada.get(f"/clients/{maya.pk}").json()["looked_after_by_id"] == staff.pk
    assert [row["id"] for row in ada.get(f"/clients/{maya.pk}/handoffs").json()] == [handoff["id"]]

    assert ada.get("/handoffs/pending").json() == []
    assert [row["id"] for row in sam.get("/handoffs/pending").json()] == [handoff["id"]]
    today = sam.get("/today").json()
    sections = {s["key"]: s for s in today["sections"]}
    assert [item["object_id"] for item in sections["handoff"]["items"]] == [handoff["id"]]
    [pending] = today["pending_handoffs"]  # the practice's, as `rapport today --json` says
    assert (pending["id"], pending["to_name"], pending["call_on"]) == (
        handoff["id"], "Sam Staff", "2026-11-26"
    )  # fmt: skip

    refused = ada.post(f"/handoffs/{handoff['id']}/acknowledge", {})
    assert refused.status_code == 422
    assert "only they can say Got it" in refused.json()["detail"]
    done = sam.post(f"/handoffs/{handoff['id']}/acknowledge", {})
    assert done.status_code == 200 and done.json()["acknowledged_at"] is not None
    assert sam.get("/handoffs/pending").json() == []


def test_handing_over_outside_the_practice_to_yourself_or_to_someone_gone_is_refused(
    owner: Member, staff: Member, outsider: Member, clock: Any
) -> None:
    maya = client_create(practice=owner.practice, full_name="Maya Lind", created_by=owner)
    theirs = client_create(practice=outsider.practice, full_name="Bo's client")
    their_case = case_create(client=theirs, problem="Theirs", created_by=outsider)
    ada = _api(owner)
    url = f"/clients/{maya.pk}/handoffs"
    assert ada.post(url, {"to_member_id": outsider.pk}).status_code == 404
    assert ada.post(f"/clients/{theirs.pk}/handoffs", {"to_member_id": staff.pk}).status_code == 404
    case_404 = ada.post(url, {"to_member_id": staff.pk, "case_id": their_case.pk})
    assert case_404.status_code == 404
    yourself = ada.post(url, {"to_member_id": owner.pk})
    assert yourself.status_code == 422
    assert yourself.json()["detail"] == (
        "body data to_member_id: You can't hand a client to yourself: choose a colleague."
    )
    past = ada.post(url, {"to_member_id": staff.pk, "call_on": "2026-11-01"})
    assert past.status_code == 422 and "body data call_on: That day has passed" in past.text
    staff.user.is_active = False
    staff.user.save()
    gone = ada.post(url, {"to_member_id": staff.pk})
    assert gone.status_code == 422 and "Sam Staff has left the practice" in gone.json()["detail"]
    assert not Handoff.objects.exists()
    handed = Handoff.objects.create(
        practice=outsider.practice, client=theirs, from_name="x", to_member=outsider, to_name="Bo"
    )
    assert ada.post(f"/handoffs/{handed.pk}/acknowledge", {}).status_code == 404
