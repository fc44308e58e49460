"""Address books as the programs export them come in cleanly: preview first, then all at once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient

from rapport.cli import main
from rapport.clients.models import Client, ContactKind, ImportantDate
from rapport.clients.services import ContactPointInput, client_create
from rapport.portability.cards import vcards
from rapport.portability.models import ImportBatch
from rapport.practices.models import Member
from rapport.practices.services import practice_create
from tests.conftest import ClientFile

FILES = Path(__file__).parent / "contacts"


def _upload(http: HttpClient, name: str, data: bytes | None = None) -> str:
    content = data if data is not None else (FILES / name).read_bytes()
    response = http.post("/clients/import/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return str(response["Location"])


def _import(http: HttpClient, name: str, choices: dict[str, str] | None = None) -> str:
    preview = _upload(http, name)
    done = http.post(preview, choices or {}, follow=True)
    return done.content.decode()


def _client(name: str) -> Client:
    return Client.objects.get(full_name=name)


def _points(client: Client, kind: str) -> list[tuple[str, str, str]]:
    return sorted(
        (point.value, point.label, point.normalized)
        for point in client.contact_points.filter(kind=kind)
    )


def _dates(client: Client) -> dict[str, tuple[int, int, int | None]]:
    return {date.kind: (date.day, date.month, date.year) for date in client.important_dates.all()}


def test_google_contacts_vcard(owner: Member, owner_http: HttpClient) -> None:
    preview = owner_http.get(_upload(owner_http, "google.vcf")).content.decode()
    assert "2</strong> new clients" in preview and not Client.objects.exists()  # nothing yet
    page = _import(owner_http, "google.vcf")
    assert "Imported: 2 new, 0 merged, 0 skipped." in page
    siobhan = _client("Siobhán Ní Bhriain")
    assert siobhan.preferred_name == "Shiv"
    assert _points(siobhan, ContactKind.EMAIL) == [
        ("s.nibhriain@work.example", "work", "s.nibhriain@work.example"),
        ("siobhan@example.org", "home", "siobhan@example.org"),
    ]
    assert _points(siobhan, ContactKind.PHONE) == [("07700 900123", "mobile", "+447700900123")]
    assert _dates(siobhan) == {"birthday": (14, 2, 1985), "anniversary": (20, 6, 2015)}
    assert [tag.name for tag in siobhan.tags.all()] == ["Coaching"]
    assert siobhan.facts.get().text == "Work: Garden designer at Green Thumb Studio"
    assert "Grows orchids; eleven of them." in siobhan.interactions.get().summary
    assert siobhan.imported_extras == {"X-GOOGLE-TALK": "siobhan.nb"}
    assert siobhan.looked_after_by == owner  # who imported them, until a handoff


def test_apple_contacts_with_right_to_left_names_labels_and_no_year(
    owner: Member, owner_http: HttpClient
) -> None:
    page = _import(owner_http, "apple.vcf")
    assert "1 new" in page
    layla = _client("ليلى الحكيم")
    assert _points(layla, ContactKind.EMAIL)[0][:2] == ("layla@example.org", "other")
    assert _points(layla, ContactKind.PHONE)[0][2] == "+447700900456"
    assert _dates(layla) == {"birthday": (7, 3, None)}  # Apple writes 1604 for "no year"
    assert "X-SOCIALPROFILE" in layla.imported_extras  # kept, not lost; the photo is not kept


def test_outlook_vcard_21_in_windows_encoding_with_quoted_printable(
    owner: Member, owner_http: HttpClient
) -> None:
    _import(owner_http, "outlook.vcf")
    jurgen = _client("Jürgen Müller")
    assert _points(jurgen, ContactKind.PHONE) == [
        ("+49 30 1234567", "work", "+49301234567"),
        ("0170 1234567", "mobile", "+441701234567"),  # no country code: the practice's region
    ]
    assert "Prefers calls\nafter 10 o'clock" in jurgen.interactions.get().summary
    assert _points(jurgen, ContactKind.ADDRESS)[0][0] == "Hauptstraße 5, Berlin, 10115, Deutschland"
    assert _dates(jurgen) == {"birthday": (7, 3, 1980)}


def test_android_thunderbird_and_evolution(owner: Member, owner_http: HttpClient) -> None:
    for name in ("android.vcf", "thunderbird.vcf", "evolution.vcf"):
        _import(owner_http, name)
    assert _points(_client("王小明"), ContactKind.EMAIL)[0][0] == "xiaoming@example.cn"
    nameless = Client.objects.get(contact_points__normalized="+447700900999")
    assert nameless.full_name == "07700 900999"
    zoe = _client("Zoë Ångström")
    assert _dates(zoe) == {"birthday": (4, 7, None), "anniversary": (15, 8, 2010)}
    assert "folded by the program that wrote it" in zoe.interactions.get().summary
    ben = _client("Ben Okafor")
    assert _dates(ben) == {"anniversary": (1, 9, 2012)} and ben.tags.get().name == "Referral"


def test_matches_are_merged_duplicates_skipped_and_close_names_offered(
    owner: Member, owner_http: HttpClient
) -> None:
    existing = client_create(
        practice=owner.practice,
        full_name="Siobhan Ni Bhriain",
        contact_points=[ContactPointInput(ContactKind.PHONE, "+44 7700 900123")],
    )
    client_create(practice=owner.practice, full_name="Tomasz Wisniewski")
    url = _upload(owner_http, "google.vcf")
    preview = owner_http.get(url).content.decode()
    assert "Same phone as Siobhan Ni Bhriain: +447700900123." in preview
    assert "a close name is already here: Tomasz Wisniewski" in preview
    tomasz_record = re.search(r'name="record-(\d+)"[^>]*>\s*<option value="merge"\s*>Merge into '
                              r"Tomasz", preview)  # fmt: skip
    assert tomasz_record is not None
    owner_http.post(url, {f"record-{tomasz_record.group(1)}": "create"})
    existing.refresh_from_db()
    assert existing.contact_points.count() == 4  # its phone, plus two emails and an address
    assert Client.objects.filter(full_name__startswith="Tomasz").count() == 2
    assert Client.objects.count() == 2 + 1


def test_a_partly_broken_file_names_the_bad_records_and_imports_the_rest(
    owner: Member, owner_http: HttpClient
) -> None:
    url = _upload(owner_http, "broken.vcf")
    preview = owner_http.get(url).content.decode()
    assert "Record 2 (line 6) has no name, email or phone." in preview
    assert "Record 3 (line 10): it is cut off (no END:VCARD)." in preview
    owner_http.post(url, {})
    assert list(Client.objects.values_list("full_name", flat=True)) == ["Good Person"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "Rapport reads vCard (.vcf) and CSV files"),
        (b"", "Rapport reads vCard"),
    ],
)
def test_a_file_that_is_not_an_address_book_says_so(
    owner_http: HttpClient, data: bytes, message: str
) -> None:
    response = owner_http.get(_upload(owner_http, "photo.png", data), follow=True)
    assert message in response.content.decode() and not Client.objects.exists()


def test_google_and_outlook_csv_are_recognised(owner: Member, owner_http: HttpClient) -> None:
    _import(owner_http, "google.csv")
    _import(owner_http, "outlook.csv")
    amara = _client("Amara Okonkwo")
    assert _dates(amara) == {"birthday": (2, 11, 1979)} and amara.tags.get().name == "Coaching"
    hamish = _client("Hamish Reid")
    assert hamish.preferred_name == "Ham" and len(_points(hamish, ContactKind.EMAIL)) == 2
    greta = _client("Greta Lind")
    assert sorted(tag.name for tag in greta.tags.all()) == ["Referral", "VIP"]
    assert _points(greta, ContactKind.PHONE)[0][2] == "+468123456"


def test_any_other_csv_gets_a_mapping_step(owner: Member, owner_http: HttpClient) -> None:
    url = _upload(owner_http, "custom.csv")
    page = owner_http.get(url).content.decode()
    assert "Which column is what?" in page and "Pilar Ortega" in page
    nothing = owner_http.post(f"{url}columns/", {"column-3": "note"}, follow=True)
    assert "at least the column with the name" in nothing.content.decode()
    owner_http.post(f"{url}columns/", {"column-0": "full_name", "column-1": "email",
                                       "column-2": "phone"})  # fmt: skip
    owner_http.post(url, {})
    pilar = _client("Pilar Ortega")
    assert _points(pilar, ContactKind.PHONE)[0][2] == "+34600123456"
    assert Client.objects.count() == 2


def test_our_vcard_export_round_trips_through_the_importer(
    client_file: ClientFile, outsider: Member, outsider_http: HttpClient
) -> None:
    original = client_file.client
    text = vcards([original])
    response = outsider_http.post(
        "/clients/import/", {"file": SimpleUploadedFile("export.vcf", text.encode())}
    )
    outsider_http.post(response["Location"], {})
    copy = Client.objects.for_practice(outsider.practice).get()
    assert (copy.full_name, copy.preferred_name) == (original.full_name, original.preferred_name)
    for kind in (ContactKind.EMAIL, ContactKind.PHONE):
        assert [p[2] for p in _points(copy, kind)] == [p[2] for p in _points(original, kind)]
    assert _dates(copy) == _dates(original)
    assert [tag.name for tag in copy.tags.all()] == ["coaching"]


def test_rapport_import_dry_run_json_then_for_real(
    owner: Member, capsys: pytest.CaptureFixture[str]
) -> None:
    practice_create(name="Second", owner_email="x@b.example", owner_name="X", password="p" * 12)
    assert main(["import", str(FILES / "broken.vcf"), "--dry-run", "--json"]) == 2
    assert "several practices" in capsys.readouterr().err
    args = [str(FILES / "broken.vcf"), "--practice", "Harbour Lane"]
    assert main(["import", *args, "--dry-run", "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["counts"] == {"create": 1, "merge": 0, "skip": 0, "error": 2}
    assert result["records"][0] == {
        "record": 1, "line": 1, "name": "Good Person", "outcome": "create",
        "reason": "New client.", "client_id": None, "left_out": [],
    }  # fmt: skip
    assert not Client.objects.exists()
    assert main(["import", *args]) == 1
    assert "Imported: 1 new, 0 merged, 0 skipped, 2 not readable." in capsys.readouterr().out
    assert ImportantDate.objects.count() == 0 and Client.objects.count() == 1


@pytest.mark.tasks
@pytest.mark.django_db(transaction=True)
def test_a_large_import_runs_as_a_task_with_progress(owner: Member, owner_http: HttpClient) -> None:
    from rapport.portability.tasks import LARGE
    from rapport.server.worker import work

    cards = "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {number}\r\n"
        f"EMAIL:person{number}@example.org\r\nEND:VCARD\r\n"
        for number in range(LARGE + 100)
    )
    url = _upload(owner_http, "big.vcf", cards.encode())
    response = owner_http.post(url, {})
    assert response.status_code == 302
    waiting = owner_http.get(url).content.decode()
    assert "Importing big.vcf" in waiting and "Reading the file" in waiting
    assert not Client.objects.exists()  # queued for a worker, not run in the web process
    work(once=True, signals=False)
    done = owner_http.get(url).content.decode()
    assert "600 new clients" in done
    assert Client.objects.count() == LARGE + 100
    batch = ImportBatch.objects.get()
    assert (batch.written, batch.total, batch.content) == (600, 600, b"")


def test_progress_while_running_and_an_interrupted_import(
    owner: Member, owner_http: HttpClient
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    batch = ImportBatch.objects.create(
        practice=owner.practice, member=owner, filename="big.vcf", content=b"",
        started_at=timezone.now(), heard_at=timezone.now(), written=250, total=600,
    )  # fmt: skip
    fragment = owner_http.get(f"/clients/import/{batch.pk}/", HTTP_HX_REQUEST="true")
    text = fragment.content.decode()
    assert "250 of 600 written (41%)" in text and 'hx-trigger="every 1s"' in text
    # Silent for an hour: its worker stopped, and the transaction went with it.
    batch.heard_at = batch.started_at = timezone.now() - timedelta(hours=1)
    batch.save()
    page = owner_http.get(f"/clients/import/{batch.pk}/").content.decode()
    assert "was interrupted" in page and "nothing was imported" in page


@pytest.mark.parametrize(("region", "day_month"), [("GB", (3, 7)), ("US", (7, 3))])
def test_an_upload_reads_dates_in_the_practices_order(
    owner: Member, owner_http: HttpClient, region: str, day_month: tuple[int, int]
) -> None:
    """3/7/1980 is 3 July in a British practice and 7 March in an American one."""
    owner.practice.default_region = region
    owner.practice.save(update_fields=["default_region"])
    csv = (
        b"First Name,Last Name,E-mail Address,Birthday\r\nIona,Reyes,iona@example.org,3/7/1980\r\n"
    )
    preview = _upload(owner_http, "contacts.csv", csv)
    owner_http.post(preview, {}, follow=True)
    assert _dates(_client("Iona Reyes")) == {"birthday": (*day_month, 1980)}


@pytest.mark.tasks
@pytest.mark.django_db(transaction=True)
def test_a_large_file_is_previewed_by_a_task_while_the_page_waits(
    owner: Member, owner_http: HttpClient
) -> None:
    """The upload only stores the file; reading and matching happen in the background."""
    from rapport.portability.preview import BUILT_IN_REQUEST
    from rapport.server.worker import work

    client_create(practice=owner.practice, full_name="Person 7", created_by=owner,
                  contact_points=[ContactPointInput("email", "person7@example.org")])  # fmt: skip
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {0}\r\nEMAIL:person{0}@example.org\r\n" + (
        "NOTE:Met at the spring fair; prefers mornings.\r\nEND:VCARD\r\n"
    )
    cards, number = [], 0
    while sum(map(len, cards)) <= BUILT_IN_REQUEST:
        cards.append(card.format(number))
        number += 1
    url = _upload(owner_http, "big.vcf", "".join(cards).encode())
    assert ImportBatch.objects.get().preview == {}  # not read in the request
    waiting = owner_http.get(url).content.decode()
    assert "Reading big.vcf" in waiting and 'hx-trigger="every 1s"' in waiting
    assert owner_http.get(url, HTTP_HX_REQUEST="true").status_code == 200  # still reading
    work(once=True, signals=False)
    ready = owner_http.get(url, HTTP_HX_REQUEST="true")
    assert ready["HX-Redirect"] == url  # the waiting page loads the preview
    preview = owner_http.get(url).content.decode()
    assert f"{number - 1:,}</strong> new clients" in preview
    assert "Merge into Person 7" in preview and "1</strong> to merge" in preview
    assert not Client.objects.exclude(full_name="Person 7").exists()


def test_a_file_that_cannot_be_read_says_why_and_is_not_kept(
    owner: Member, owner_http: HttpClient
) -> None:
    response = owner_http.post(
        "/clients/import/", {"file": SimpleUploadedFile("notes.txt", b"just some words")}
    )
    page = owner_http.get(response["Location"], follow=True).content.decode()
    assert "Rapport reads vCard (.vcf) and CSV files" in page
    assert not ImportBatch.objects.exists()
