"""Matching errs on the side of the person: a shared phone is not enough to merge."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient

from rapport.cli import main
from rapport.clients.models import Client, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.practices.models import Member

STRANGER = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Kowalska\r\nTEL;TYPE=HOME:07700 900321\r\n"
    "EMAIL:anna.k@example.org\r\nNOTE:Her family: two daughters\\, a sister nearby.\r\n"
    "END:VCARD\r\n"
)
SAME_PERSON = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Wiśniewski\\, Tomasz\r\nTEL;TYPE=CELL:07700 900321\r\n"
    "EMAIL;TYPE=WORK:tomasz.w@work.example\r\nBDAY:1979-03-07\r\nNOTE:Prefers mornings.\r\n"
    "END:VCARD\r\n"
)


@pytest.fixture
def tomasz(owner: Member) -> Client:
    return client_create(
        practice=owner.practice,
        full_name="Tomasz Wiśniewski",
        contact_points=[
            ContactPointInput(ContactKind.PHONE, "+44 7700 900321"),
            ContactPointInput(ContactKind.EMAIL, "tomasz@example.org"),
        ],
    )


def _preview(http: HttpClient, text: str) -> tuple[str, str]:
    response = http.post("/clients/import/", {"file": SimpleUploadedFile("c.vcf", text.encode())})
    url = str(response["Location"])
    return url, http.get(url).content.decode()


def _selected(preview: str) -> str:
    found = re.search(r'<option value="(\w+)" selected>', preview)
    assert found is not None, preview
    return found.group(1)


def test_a_stranger_sharing_only_a_phone_is_not_merged(
    tomasz: Client, owner_http: HttpClient
) -> None:
    url, preview = _preview(owner_http, STRANGER)
    assert _selected(preview) == "create"
    assert "Merge into Tomasz Wiśniewski" in preview  # still offered: the provider chooses
    assert "shares the phone +447700900321 with Tomasz Wiśniewski" in preview
    owner_http.post(url, {})
    assert sorted(tomasz.contact_points.values_list("value", flat=True)) == [
        "+44 7700 900321", "tomasz@example.org"
    ]  # fmt: skip
    assert not tomasz.interactions.exists()
    anna = Client.objects.get(full_name="Anna Kowalska")
    assert anna.contact_points.filter(value="anna.k@example.org").exists()


def test_the_command_line_does_not_merge_a_stranger_either(
    tomasz: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stranger.vcf"
    path.write_text(STRANGER)
    assert main(["import", str(path), "--dry-run", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)["records"][0]
    assert (record["outcome"], record["client_id"]) == ("create", None)
    assert "Tomasz Wiśniewski" in record["reason"]
    assert main(["import", str(path)]) == 0
    assert tomasz.contact_points.count() == 2 and Client.objects.count() == 2


def test_a_shared_phone_with_the_same_name_still_merges(
    tomasz: Client, owner_http: HttpClient
) -> None:
    url, preview = _preview(owner_http, SAME_PERSON)
    assert _selected(preview) == "merge"
    owner_http.post(url, {})
    assert tomasz.contact_points.filter(value="tomasz.w@work.example").exists()
    assert Client.objects.count() == 1


def test_an_email_match_merges_whatever_the_name(tomasz: Client, owner_http: HttpClient) -> None:
    text = STRANGER.replace("anna.k@example.org", "tomasz@example.org").replace(
        "Anna Kowalska", "Tom"
    )
    assert _selected(_preview(owner_http, text)[1]) == "merge"


def test_the_preview_shows_field_by_field_what_a_merge_adds(
    tomasz: Client, owner_http: HttpClient
) -> None:
    _, preview = _preview(owner_http, SAME_PERSON)
    changes = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", preview))
    assert "Email (work) tomasz.w@work.example will be added" in changes
    assert "Birthday 7/3/1979 will be added" in changes
    assert "Note Prefers mornings. will be added" in changes
    assert "Phone +447700900321" not in changes  # already there: nothing to say
    _, stranger = _preview(owner_http, STRANGER)
    flat = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", stranger))
    assert "Email anna.k@example.org would be added" in flat  # only if the provider merges
