"""Partners and referrals in the practice's export, moving in, a client's own data and
erasure: a client's referrals go with them, the partner stays."""

from __future__ import annotations

import json
from pathlib import Path

from django.test import Client as HttpClient

from rapport.cli import main
from rapport.clients.models import Client
from rapport.portability.export import practice_export
from rapport.practices.models import Member
from rapport.referrals.models import Outcome, Partner, Referral
from rapport.referrals.services import referral_create, referral_outcome_record
from tests.conftest import ClientFile


def _referred(client_file: ClientFile, owner: Member) -> Referral:
    """The client file's referral made again from its case, with consent; it was not a fit."""
    client_file.referral.delete()
    referral = referral_create(
        client=client_file.client, partner=client_file.partner, member=owner,
        case=client_file.case, need="sleep", summary_shared=True,
    )  # fmt: skip
    return referral_outcome_record(referral=referral, outcome=Outcome.NOT_A_FIT, note="Too far")


def test_referrals_are_exported_and_moved_in_with_their_partner_and_case(
    client_file: ClientFile, owner: Member, outsider: Member, tmp_path: Path
) -> None:
    _referred(client_file, owner)
    exported = practice_export(owner.practice)
    assert [p["name"] for p in exported["partners"]] == ["Dr Ahmed"]
    [referral] = exported["clients"][0]["referrals"]
    assert referral["partner_name"] == "Dr Ahmed" and referral["outcome"] == "not_a_fit"
    assert referral["summary_shared"] is True and referral["consent_at"]

    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert main(["import", str(path), "--practice", outsider.practice.name]) == 0
    moved = Referral.objects.for_practice(outsider.practice).select_related("partner", "case").get()
    assert moved.partner.practice_id == outsider.practice.pk and moved.partner.name == "Dr Ahmed"
    assert moved.case is not None and moved.case.problem == client_file.case.problem
    assert (moved.outcome, moved.outcome_note, moved.summary_shared) == (
        "not_a_fit",
        "Too far",
        True,
    )


def test_a_referral_to_a_partner_missing_from_the_file_imports_nothing(
    client_file: ClientFile, owner: Member, outsider: Member, tmp_path: Path, capsys: object
) -> None:
    _referred(client_file, owner)
    exported = practice_export(owner.practice)
    exported["partners"] = []
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert main(["import", str(path), "--practice", outsider.practice.name]) == 2
    assert not Client.objects.for_practice(outsider.practice).exists()
    assert not Partner.objects.for_practice(outsider.practice).exists()


def test_a_clients_own_data_names_the_partner_and_erasure_keeps_the_partner(
    client_file: ClientFile, owner: Member, owner_http: HttpClient
) -> None:
    _referred(client_file, owner)
    client = client_file.client
    data = json.loads(owner_http.get(f"/clients/{client.pk}/data/").content)
    [referral] = data["client"]["referrals"]
    assert referral["partner_name"] == "Dr Ahmed" and referral["need"] == "sleep"
    owner_http.post(f"/clients/{client.pk}/erase/", {"confirm_name": client.full_name})
    assert not Client.objects.exists() and not Referral.objects.exists()
    assert Partner.objects.get().name == "Dr Ahmed"
