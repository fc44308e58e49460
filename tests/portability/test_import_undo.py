"""Undo an import, for 30 days: what it created goes, and what it added to existing clients."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client as HttpClient

from rapport.clients.models import Client, ContactKind, ContactPoint
from rapport.clients.services import ContactPointInput, client_create, client_update
from rapport.portability.models import ImportBatch
from rapport.practices.models import Member
from rapport.timeline.models import Interaction, InteractionKind
from tests.conftest import NOW

FILE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Tomasz Wiśniewski\r\nEMAIL:tomasz@example.org\r\n"
    "EMAIL;TYPE=WORK:tomasz.w@work.example\r\nBDAY:1979-03-07\r\nNOTE:Prefers mornings.\r\n"
    "CATEGORIES:Referral\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Kowalska\r\nEMAIL:anna.k@example.org\r\n"
    "TEL:07700 900555\r\nNOTE:Her family: two daughters.\r\nEND:VCARD\r\n"
)


@pytest.fixture
def tomasz(owner: Member) -> Client:
    return client_create(
        practice=owner.practice,
        full_name="Tomasz Wiśniewski",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "tomasz@example.org")],
    )


@pytest.fixture
def imported(tomasz: Client, owner_http: HttpClient, clock: time_machine.Traveller) -> str:
    """The file imported: Anna created, Tomasz given a work email, a birthday, a note, a tag."""
    response = owner_http.post(
        "/clients/import/", {"file": SimpleUploadedFile("c.vcf", FILE.encode())}
    )
    owner_http.post(response["Location"], {})
    assert Client.objects.count() == 2 and tomasz.contact_points.count() == 2
    batch = ImportBatch.objects.get()
    return f"/settings/imports/{batch.pk}/undo/"


def _as_before(tomasz: Client) -> None:
    assert list(Client.objects.values_list("full_name", flat=True)) == ["Tomasz Wiśniewski"]
    assert list(tomasz.contact_points.values_list("value", flat=True)) == ["tomasz@example.org"]
    assert not tomasz.important_dates.exists() and not tomasz.interactions.exists()
    assert not tomasz.tags.exists()


def test_your_data_lists_the_import_and_undo_removes_what_it_brought(
    tomasz: Client, imported: str, owner_http: HttpClient
) -> None:
    page = owner_http.get("/settings/export/").content.decode()
    assert "c.vcf" in page and imported in page
    confirm = owner_http.get(imported).content.decode()
    assert "1 new client" in confirm and "Anna Kowalska" in confirm
    done = owner_http.post(imported, {}, follow=True).content.decode()
    assert "Undone" in done
    _as_before(tomasz)
    assert ImportBatch.objects.get().undone_at is not None
    again = owner_http.post(imported, {}, follow=True).content.decode()
    assert "already undone" in again


def test_undo_after_later_edits_says_which_and_asks_first(
    tomasz: Client, imported: str, owner_http: HttpClient
) -> None:
    work = tomasz.contact_points.get(value="tomasz.w@work.example")
    work.label = "office"
    work.save()
    note = tomasz.interactions.get()
    note.summary += "\nAnd evenings, since March."
    note.save()
    anna = Client.objects.get(full_name="Anna Kowalska")
    Interaction.objects.create(practice=anna.practice, client=anna, kind=InteractionKind.NOTE,
                               summary="First session went well.")  # fmt: skip
    # Editing Tomasz's profile rewrites his contact points as new rows.
    client_update(client=tomasz, profile={"pronouns": "he/him"}, tag_names=["Referral"],
                  contact_points=[ContactPointInput(p.kind, p.value, p.label)
                                  for p in tomasz.contact_points.all()])  # fmt: skip
    asked = owner_http.post(imported, {})
    page = asked.content.decode()
    assert asked.status_code == 400 and "edited since" in page
    assert "tomasz.w@work.example" in page and "Prefers mornings." in page
    assert "Anna Kowalska" in page and "1 row added since" in page
    assert Client.objects.count() == 2  # nothing removed before the provider says so
    owner_http.post(imported, {"edited_too": "yes"})
    tomasz.refresh_from_db()
    assert tomasz.pronouns == "he/him"  # his own edit stays
    _as_before(tomasz)


def test_undo_is_refused_after_30_days(
    owner: Member,
    tomasz: Client,
    imported: str,
    owner_http: HttpClient,
    clock: time_machine.Traveller,
) -> None:
    clock.move_to(NOW + timedelta(days=31))
    owner_http.force_login(owner.user)  # the session has long expired
    assert imported not in owner_http.get("/settings/export/").content.decode()
    page = owner_http.post(imported, {"edited_too": "yes"}, follow=True).content.decode()
    assert "can be undone for 30 days" in page
    assert Client.objects.count() == 2 and ContactPoint.objects.count() == 4


def test_another_practices_import_is_not_found(
    tomasz: Client, imported: str, outsider_http: HttpClient
) -> None:
    assert outsider_http.get(imported).status_code == 404
    assert outsider_http.post(imported, {"edited_too": "yes"}).status_code == 404
    assert Client.objects.count() == 2 and ImportBatch.objects.get().undone_at is None


@pytest.mark.tasks
def test_a_large_import_is_reviewed_and_undone_by_tasks_the_page_waiting(
    tomasz: Client,
    imported: str,
    owner_http: HttpClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No request does the work: each step is a task, and an edit made after the provider
    looked is shown to them before anything goes."""
    from rapport.portability import undo_views
    from rapport.server.worker import work

    monkeypatch.setattr(undo_views, "LARGE", 1)  # this two-record import counts as large
    waiting = owner_http.get(imported).content.decode()
    assert "Checking what undoing this import would remove" in waiting
    assert owner_http.get(imported, HTTP_HX_REQUEST="true").status_code == 200  # still checking
    work(once=True, signals=False)
    assert owner_http.get(imported, HTTP_HX_REQUEST="true")["HX-Redirect"] == imported
    review = owner_http.get(imported).content.decode()
    assert "1 new client" in review and "Anna Kowalska" in review
    # Edited after the provider looked: the undo stops and asks again.
    note = tomasz.interactions.get()
    note.summary += "\nAnd evenings, since March."
    note.save()
    owner_http.post(imported, {})
    assert "Removing what this import brought" in owner_http.get(imported).content.decode()
    work(once=True, signals=False)
    assert Client.objects.count() == 2  # nothing removed
    asked = owner_http.post(imported, {})
    assert asked.status_code == 400 and "Prefers mornings." in asked.content.decode()
    owner_http.post(imported, {"edited_too": "yes"})
    work(once=True, signals=False)
    finished = owner_http.get(imported, HTTP_HX_REQUEST="true")
    assert finished["HX-Redirect"] == "/settings/export/"
    _as_before(tomasz)
    batch = ImportBatch.objects.get()
    assert batch.undone_at is not None and not batch.rows.exists()
