"""Partners and referrals through the API: scoped to the practice, bad input named."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from rapport.api.services import token_create
from rapport.attention.models import Section
from rapport.desk.today.agenda import agenda_build
from rapport.practices.models import Member
from rapport.referrals.models import Partner, Referral
from tests.api.test_api import Api
from tests.conftest import ClientFile


def test_partners_and_referrals_through_the_api(
    client_file: ClientFile, owner: Member, outsider: Member, clock: Any
) -> None:
    api = Api(token_create(member=owner, name="tests")[1])
    refused = api.post("/partners", {"name": "Dr Ahmed", "specialties": "sleep", "email": "x"})
    assert refused.status_code == 422 and "body data email:" in refused.json()["detail"]
    made = api.post("/partners", {"name": "Dr Ahmed", "specialties": "sleep, anxiety"})
    assert made.status_code == 201
    partner = made.json()
    assert partner in api.get("/partners").json()["items"]  # beside the client file's own

    client = client_file.client
    no_case = api.post(
        "/referrals", {"client_id": client.pk, "partner_id": partner["id"], "summary_shared": True}
    )
    assert no_case.status_code == 422 and "body data summary_shared:" in no_case.json()["detail"]
    referred = api.post(
        "/referrals",
        {"client_id": client.pk, "partner_id": partner["id"], "need": "sleep",
         "follow_up_days": 3},
    )  # fmt: skip
    assert referred.status_code == 201
    referral = referred.json()
    assert referral["outcome"] == "" and referral["follow_up_days"] == 3
    assert api.get("/referrals", waiting=True).json()["count"] == 1

    clock.shift(timedelta(days=3, minutes=1))
    today = api.get("/today").json()
    section = next(s for s in today["sections"] if s["key"] == Section.REFERRAL)
    assert section["total"] == 1 and "How did it go?" in section["items"][0]["headline"]

    wrong = api.post(f"/referrals/{referral['id']}/outcome", {"outcome": "great"})
    assert wrong.status_code == 422
    done = api.post(f"/referrals/{referral['id']}/outcome", {"outcome": "helped", "note": "Yes"})
    assert done.json()["outcome"] == "helped" and done.json()["follow_up_at"] is None
    assert agenda_build(owner.practice).section(Section.REFERRAL).total == 0

    # Another practice: our partner and referral are a 404, and theirs are not ours to see.
    _, key = token_create(member=outsider, name="theirs")
    theirs = Api(key)
    assert theirs.get(f"/partners/{partner['id']}").status_code == 404
    assert (
        theirs.post(f"/referrals/{referral['id']}/outcome", {"outcome": "helped"}).status_code
        == 404
    )
    assert theirs.get("/referrals").json()["count"] == 0
    assert theirs.http.delete(f"/api/partners/{partner['id']}").status_code == 404
    assert api.http.delete(f"/api/partners/{partner['id']}").status_code == 204
    assert not Partner.objects.filter(pk=partner["id"]).exists()
    assert not Referral.objects.filter(pk=referral["id"]).exists()
