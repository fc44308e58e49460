"""Taking data out: the whole practice as JSON, clients as vCard 4.0 and CSV, one client's own
data; and erasing a client, leaving an audit entry with nothing about them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import vobject
from django.test import Client as HttpClient

from rapport.api.models import ApiToken
from rapport.attention.models import AgendaAction, AttentionItem
from rapport.cases.models import Advice, Case, Step
from rapport.cli import main
from rapport.clients.models import Client, ContactPoint, Fact, ImportantDate
from rapport.desk.today.actions import agenda_item_act
from rapport.feedback.models import FeedbackQuestion, FeedbackRequest
from rapport.handoffs.models import Handoff
from rapport.messaging.inbound import mail_import_file
from rapport.messaging.models import InboundMail, OutboxMessage
from rapport.portability.models import Erasure
from rapport.practices.models import Member
from rapport.timeline.models import Interaction
from rapport.touches.models import Touch
from tests.conftest import ClientFile, make_client_file


def test_the_json_export_holds_everything_and_no_secret(
    client_file: ClientFile, owner: Member, outsider: Member, owner_http: HttpClient
) -> None:
    make_client_file(outsider, "Bo Client", "bo@example.org")
    owner.feed_token_hash = "feed-secret-hash-feed-secret-hash"
    owner.save()
    response = owner_http.get("/settings/export/", {"format": "json"})
    assert response["Content-Disposition"].startswith('attachment; filename="harbour-lane-')
    text = response.content.decode()
    data = json.loads(text)
    assert data["format"] == "rapport-practice-export" and data["version"] == 1
    [client] = data["clients"]
    assert client["full_name"] == "Siobhán Ní Bhriain" and client["tags"] == ["coaching"]
    assert [fact["text"] for fact in client["facts"]] == ["Grows orchids"]
    assert client["interactions"][0]["client_words"] == "I am nervous but ready."
    assert client["messages"][0]["subject"] == "Notes from today"
    assert client["appointments"][0]["uid"] == client_file.appointment.uid
    assert client["touches"][0]["note"] == "A card for the new job"
    assert client["promises"][0]["text"] == "Send the reading list"
    [case] = client["cases"]
    assert case["problem"] == "The Wi-Fi drops every evening" and case["status"] == "open"
    assert [step["tried"] for step in case["steps"]] == [
        "Restarted the router", "Called the internet provider"
    ]  # fmt: skip
    assert [item["certainty"] for item in case["advice"]] == ["known", "guess", "unknown"]
    [handoff] = client["handoffs"]
    assert (handoff["from_name"], handoff["to_member_id"], handoff["case_id"]) == (
        "Robin Former", owner.pk, case["id"]
    )  # fmt: skip
    assert client["looked_after_by_id"] == owner.pk
    assert data["members"][0]["email"] == "owner@a.example"
    secrets = [owner.user.password, owner.feed_token_hash, ApiToken.objects.first().key_hash]  # type: ignore[union-attr]
    assert not any(secret in text for secret in secrets)
    assert "Bo Client" not in text and "link_nonce" not in text


def test_vcard_export_parses_and_keeps_names_numbers_dates_and_tags(
    client_file: ClientFile, owner: Member, owner_http: HttpClient
) -> None:
    client = client_file.client
    client.full_name = "Siobhán Ní Bhriain-Ó Súilleabháin, BSc; Garden Design"
    client.save()
    text = owner_http.get("/settings/export/", {"format": "vcard"}).content.decode()
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    [card] = list(vobject.readComponents(text))
    assert card.version.value == "4.0"
    assert card.fn.value == "Siobhán Ní Bhriain-Ó Súilleabháin, BSc; Garden Design"
    assert card.nickname.value == "Siobhán"
    assert card.email.value == "siobhan@example.org" and card.email.params["TYPE"] == ["home"]
    assert card.tel.value == "tel:+447700900123"
    assert card.bday.value == "--0214"
    assert card.categories.value == ["coaching"]


def test_csv_export_is_one_row_a_client_and_defuses_formulas(
    client_file: ClientFile, owner_http: HttpClient
) -> None:
    client_file.client.preferred_name = '=HYPERLINK("http://evil.example")'
    client_file.client.save()
    text = owner_http.get("/settings/export/", {"format": "csv"}).content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1 and rows[0]["Emails"] == "siobhan@example.org"
    assert rows[0]["Phones"] == "07700 900123" and rows[0]["Birthday"] == "--02-14"
    assert rows[0]["Preferred name"].startswith("'=")


def test_a_clients_own_data_on_request(client_file: ClientFile, owner_http: HttpClient) -> None:
    response = owner_http.get(f"/clients/{client_file.client.pk}/data/")
    data = json.loads(response.content)
    assert data["format"] == "rapport-client-export" and data["held_by"] == "Harbour Lane"
    assert data["client"]["facts"][0]["text"] == "Grows orchids"
    [case] = data["client"]["cases"]
    assert case["advice"][2]["next_step"] == "Ask the router's maker"
    assert data["client"]["handoffs"][0]["next_steps"] == "Change the router's channel"


def test_erasure_removes_every_row_about_them_and_keeps_an_anonymous_audit(
    client_file: ClientFile, owner: Member, owner_http: HttpClient
) -> None:
    client = client_file.client
    agenda_item_act(member=owner, section="reply", target=client, object_id=client.pk,
                    action="dismissed")  # fmt: skip
    waiting = (
        "From: Siobhan <siobhan@example.org>\r\nTo: owner@a.example\r\n"
        "Subject: Hello\r\n\r\nHi.\r\n"
    )
    mail_import_file(practice=owner.practice, raw=waiting.encode())
    wrong = owner_http.post(f"/clients/{client.pk}/erase/", {"confirm_name": "Siobhan"})
    assert wrong.status_code == 400 and Client.objects.filter(pk=client.pk).exists()
    owner_http.post(f"/clients/{client.pk}/erase/", {"confirm_name": client.full_name})
    assert not Client.objects.exists() and not AgendaAction.objects.exists()
    for model in (ContactPoint, Fact, ImportantDate, Interaction, OutboxMessage, Touch, Case,
                  Step, Advice, Handoff, AttentionItem, FeedbackRequest,
                  FeedbackQuestion):  # fmt: skip
        assert not model.objects.exists(), model
    assert not InboundMail.objects.filter(from_address="siobhan@example.org").exists()
    assert InboundMail.objects.filter(from_address="stranger@example.net").exists()
    [erasure] = Erasure.objects.all()
    record = json.dumps(erasure.counts)
    assert erasure.erased_by == owner and erasure.counts["client"] == 1
    assert "Siobh" not in record and "example.org" not in record
    page = owner_http.get("/settings/export/").content.decode()
    assert "1 client" in page


@pytest.mark.parametrize("kind", ["json", "csv", "vcard"])
def test_rapport_export_on_the_command_line(
    client_file: ClientFile, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    assert main(["export", "--format", kind]) == 0
    out = capsys.readouterr().out
    assert "Siobhán" in out or "Siobh\\u00e1n" in out


def test_the_json_export_moves_into_an_empty_practice(
    client_file: ClientFile, owner: Member, outsider: Member, tmp_path: Path
) -> None:
    from rapport.portability.export import practice_export

    exported = practice_export(owner.practice)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert main(["import", str(path), "--practice", outsider.practice.name]) == 0
    moved = practice_export(outsider.practice)

    def essence(data: dict[str, Any]) -> list[Any]:
        return [
            (
                client["full_name"], client["tags"],
                sorted(point["normalized"] for point in client["contact_points"]),
                [fact["text"] for fact in client["facts"]],
                [(item["kind"], item["summary"]) for item in client["interactions"]],
                [promise["text"] for promise in client["promises"]],
                [message["subject"] for message in client["messages"]],
                [appointment["starts_at"] for appointment in client["appointments"]],
                [(touch["note"], touch["source_text"]) for touch in client["touches"]],
                [
                    (case["problem"], case["status"], case["opened_on"],
                     [(s["tried"], s["result"], s["someone_else"]) for s in case["steps"]],
                     [(a["certainty"], a["text"], a["next_step"], a["someone_else"])
                      for a in case["advice"]])
                    for case in client["cases"]
                ],
                [(h["from_name"], h["to_name"], h["next_steps"], h["contact_how"],
                  h["acknowledged_at"]) for h in client["handoffs"]],
                client["last_contact_at"],
            )
            for client in data["clients"]
        ]  # fmt: skip

    assert essence(moved) == essence(exported)

    def feedback(data: dict[str, Any]) -> list[Any]:
        return [
            (asked["sent_at"], asked["answered_at"], asked["replied_at"],
             [(question["text"], question["answer"]) for question in asked["questions"]])
            for client in data["clients"] for asked in client["feedback"]
        ]  # fmt: skip

    assert feedback(moved) == feedback(exported) and feedback(moved)[0][3][0][1]
    copy = Client.objects.for_practice(outsider.practice).get()
    assert copy.facts.get().learned_from is not None  # links between rows survive the move
    assert Touch.objects.get(client=copy).source_fact == copy.facts.get()
    answered = FeedbackRequest.objects.get(client=copy)
    assert answered.answer_note is not None and answered.answer_note.client == copy
    moved_case = Case.objects.get(client=copy)
    # A step by a member who is not a member here becomes the importer's, as every row does;
    # one by someone outside the practice keeps their name.
    assert [step.who for step in moved_case.steps.all()] == ["Bo Outsider", "the provider"]
    assert copy.looked_after_by == outsider
    moved_handoff = Handoff.objects.get(client=copy)
    assert (moved_handoff.case, moved_handoff.to_member) == (moved_case, outsider)
    # Not into a practice that has clients: nothing is written twice.
    assert main(["import", str(path), "--practice", outsider.practice.name]) == 2
    assert Client.objects.for_practice(outsider.practice).count() == 1


def test_a_tampered_export_imports_nothing_and_says_where(
    client_file: ClientFile,
    owner: Member,
    outsider: Member,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from rapport.portability.export import practice_export

    exported = practice_export(owner.practice)
    exported["clients"][0]["important_dates"][0]["month"] = 13
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert main(["import", str(path), "--practice", outsider.practice.name]) == 2
    assert "important_dates" in capsys.readouterr().err
    assert not Client.objects.for_practice(outsider.practice).exists()


def test_an_export_with_a_dont_know_and_no_next_step_imports_nothing(
    client_file: ClientFile,
    owner: Member,
    outsider: Member,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from rapport.portability.export import practice_export

    exported = practice_export(owner.practice)
    dont_know = exported["clients"][0]["cases"][0]["advice"][2]
    assert dont_know["certainty"] == "unknown"
    dont_know["next_step"] = ""
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert main(["import", str(path), "--practice", outsider.practice.name]) == 2
    assert "case advice" in capsys.readouterr().err
    assert not Case.objects.for_practice(outsider.practice).exists()
    assert not Client.objects.for_practice(outsider.practice).exists()


@pytest.mark.tasks
def test_an_export_prepared_by_a_task_then_downloaded(
    client_file: ClientFile, owner_http: HttpClient, outsider_http: HttpClient
) -> None:
    from rapport.portability.models import ExportFile
    from rapport.server.worker import work

    response = owner_http.post("/settings/export/", {"format": "json"})
    assert response.status_code == 302
    export = ExportFile.objects.get(finished_at__isnull=True)  # the last one was replaced
    assert ExportFile.objects.count() == 1
    page = owner_http.get("/settings/export/").content.decode()
    assert "is being prepared" in page
    assert owner_http.get(f"/settings/export/{export.pk}/").status_code == 404  # not yet
    work(once=True, signals=False)
    page = owner_http.get("/settings/export/").content.decode()
    assert f"/settings/export/{export.pk}/" in page
    download = owner_http.get(f"/settings/export/{export.pk}/")
    assert download["Content-Disposition"].endswith('.json"')
    data = json.loads(download.content)
    assert data["clients"][0]["full_name"] == "Siobhán Ní Bhriain"
    assert outsider_http.get(f"/settings/export/{export.pk}/").status_code == 404
