"""A case's links go where the case goes: in the JSON export, in a client's own data, moved into
another practice onto the new rows, and away with the client when they are erased."""

from __future__ import annotations

import json
from pathlib import Path

from django.test import Client as HttpClient

from rapport.cases.models import Case, CaseFact, CaseInteraction
from rapport.cases.services import case_link_fact, case_link_interaction
from rapport.cli import main
from rapport.clients.models import Client
from rapport.messaging.models import OutboxMessage
from rapport.portability.export import practice_export
from rapport.practices.models import Member
from tests.conftest import ClientFile, make_client_file


def _linked(file: ClientFile) -> None:
    case_link_fact(case=file.case, fact=file.fact)
    case_link_interaction(case=file.case, interaction=file.interaction)
    OutboxMessage.objects.filter(pk=file.outbox.pk).update(case=file.case)


def test_the_links_are_exported_and_in_the_clients_own_data(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    _linked(client_file)
    data = json.loads(owner_http.get(f"/clients/{client_file.client.pk}/data/").content)
    [case] = data["client"]["cases"]
    assert case["interaction_ids"] == [client_file.interaction.pk]
    assert case["fact_ids"] == [client_file.fact.pk]
    [message] = data["client"]["messages"]
    assert message["case_id"] == case["id"]


def test_moving_in_links_the_new_rows_never_the_old_ids(
    client_file: ClientFile, owner: Member, outsider: Member, tmp_path: Path
) -> None:
    _linked(client_file)
    # Another client of the old practice names ids in the file too: never linked across.
    other = make_client_file(owner, "Bo Brennan", "bo@example.org")
    exported = practice_export(owner.practice)
    mine = next(c for c in exported["clients"] if c["full_name"] == client_file.client.full_name)
    mine["cases"][0]["fact_ids"].append(other.fact.pk)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert main(["import", str(path), "--practice", outsider.practice.name]) == 0

    copy = Client.objects.for_practice(outsider.practice).get(
        full_name=client_file.client.full_name
    )
    case = Case.objects.get(client=copy, problem=client_file.case.problem)
    assert [link.fact.text for link in CaseFact.objects.filter(case=case)] == ["Grows orchids"]
    assert CaseFact.objects.get(case=case).fact.client == copy
    assert CaseInteraction.objects.get(case=case).interaction.client == copy
    moved_message = OutboxMessage.objects.get(client=copy)
    assert moved_message.case == case
    # The old practice's rows are untouched and still linked to the old case.
    assert CaseFact.objects.get(fact=client_file.fact).case == client_file.case


def test_erasing_the_client_takes_the_links_with_them(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    _linked(client_file)
    client = client_file.client
    owner_http.post(f"/clients/{client.pk}/erase/", {"confirm_name": client.full_name})
    assert not CaseFact.objects.exists() and not CaseInteraction.objects.exists()
    assert not OutboxMessage.objects.filter(client_id=client.pk).exists()
