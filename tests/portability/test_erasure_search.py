"""Erasure is complete: after "Erase", no text column of any table holds the client's name,
addresses or phone numbers (issue 15). The search reads every model Django knows, many-to-many
tables, sessions and task results included, so a table added later is searched too."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from datetime import timedelta
from itertools import chain
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client as HttpClient
from django.utils import timezone

from rapport.appointments.models import Appointment, CalendarUpload
from rapport.clients.models import Client, ContactKind, ContactPoint
from rapport.clients.services import ContactPointInput, client_create
from rapport.messaging.inbound import mail_import_file, mail_place
from rapport.messaging.models import InboundMail, MailStatus
from rapport.messaging.services import message_approve
from rapport.portability.models import Erasure, ExportFile, ExportKind, ImportBatch
from rapport.portability.tasks import export_write
from rapport.practices.models import Member
from rapport.timeline.services import interaction_create
from tests.conftest import ClientFile

CONTACTS = Path(__file__).parent / "contacts"
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.BinaryField)


def _as_text(value: object) -> str:
    if isinstance(value, memoryview | bytes):
        raw = bytes(value)
        # A vCard folds long lines; an address may be cut by a fold.
        return raw.decode("utf-8", "replace").replace("\r\n ", "").replace("\n ", "")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _session_text(session: Session) -> str:
    return json.dumps(SessionStore().decode(session.session_data), ensure_ascii=False)


def every_text() -> Iterator[tuple[str, str]]:
    """(table.column, value) for every text column of every row in the database."""
    for model in apps.get_models(include_auto_created=True):
        fields = [f for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        for field in fields:
            for value in model._base_manager.values_list(field.attname, flat=True):
                if value not in (None, "", b""):
                    yield f"{model._meta.db_table}.{field.column}", _as_text(value)
    for session in Session.objects.all():  # signed and encoded: read as the app reads it
        yield "django_session (decoded)", _session_text(session)


def _folded(text: str) -> str:
    """Case and accents set aside: a copy kept for searching may have dropped them."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def found(needles: list[str]) -> list[tuple[str, str]]:
    wanted = {_folded(needle) for needle in needles if needle}
    return [
        (where, needle)
        for where, text in every_text()
        for needle in sorted(wanted)
        if needle in _folded(text)
    ]


def _rich(client_file: ClientFile, owner: Member, http: HttpClient) -> Client:
    """The client with something in every feature, including copies outside their own rows."""
    client, practice = client_file.client, owner.practice
    ContactPoint.objects.create(
        practice=practice, client=client, kind=ContactKind.EMAIL, value="s.nb@work.example",
        normalized="s.nb@work.example", label="work",
    )  # fmt: skip
    interaction_create(
        client=client, kind="note", direction="inbound", summary="Siobhán Ní Bhriain's sister "
        "called, asking for 07700 900123 to be used.", created_by=owner,
    )  # fmt: skip
    Appointment.objects.filter(pk=client_file.appointment.pk).update(
        notes="Siobhán Ní Bhriain asked for the quiet room."
    )
    # A message taken back with Undo: its words wait in the member's session, as a draft.
    assert http.post(f"/clients/{client.pk}/outbox/{client_file.outbox.pk}/undo/").status_code
    message_approve(
        client=client, member=owner, channel="email", subject="Orchids",
        body="Hi Siobhán,\n\nThe orchid society meets on Friday.", to_address="siobhan@example.org",
    )  # fmt: skip
    # Today's action, done without JavaScript: what it said waits in the session too.
    http.post(f"/today/promises/{client_file.promise.pk}/", {"action": "done"})
    # Mail from them (on their timeline); waiting to be placed: one about them, one to them (Cc),
    # and one from them that came while they were archived.
    mail_import_file(
        practice=practice, raw=_mail("Siobhan <siobhan@example.org>", "owner@a.example", "r1")
    )
    mail_import_file(
        practice=practice,
        raw=_mail("Kim <kim@elsewhere.example>", "owner@a.example", "k1"),
    )
    lunch = "Cc: s.nb@work.example\r\nSubject: Lunch\r\n\r\nAre you both free on Friday?"
    to_them = _mail("Lee <lee@elsewhere.example>", "owner@a.example", "k2", lunch)
    mail_import_file(practice=practice, raw=to_them)
    Client.objects.filter(pk=client.pk).update(archived_at=timezone.now())
    mail_import_file(
        practice=practice, raw=_mail("S <siobhan@example.org>", "owner@a.example", "r2")
    )
    Client.objects.filter(pk=client.pk).update(archived_at=None)
    # An import done (it merged into them) and one still in its preview (them and another).
    done = http.post("/clients/import/", {"file": SimpleUploadedFile("merge.vcf", _card())})
    http.post(done["Location"], {})
    http.post("/clients/import/", {"file": _file(CONTACTS / "google.vcf")})
    CalendarUpload.objects.create(
        practice=practice, member=owner, filename="week.ics", content=_calendar(),
    )  # fmt: skip
    export = ExportFile.objects.create(practice=practice, member=owner, kind=ExportKind.JSON)
    export_write.call(export.pk)
    return client


def _mail(sender: str, to: str, key: str, text: str = "") -> bytes:
    text = text or "Subject: Siobhán Ní Bhriain\r\n\r\nAbout Siobhán Ní Bhriain, 07700 900123."
    return (
        f"From: {sender}\r\nTo: {to}\r\nMessage-ID: <{key}@x>\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n{text}\r\n"
    ).encode()


def _card() -> bytes:
    return (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Siobhán Ní Bhriain\r\nEMAIL:siobhan@example.org\r\n"
        "EMAIL:siobhan.nb@post.example\r\nTEL:07700 900123\r\nNOTE:Met at the library talk.\r\n"
        "END:VCARD\r\n"
    ).encode()


def _file(path: Path) -> SimpleUploadedFile:
    return SimpleUploadedFile(path.name, path.read_bytes())


def _calendar() -> bytes:
    start = (timezone.now() + timedelta(days=2)).strftime("%Y%m%dT%H%M%SZ")
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:e1@cal\r\n"
        f"DTSTART:{start}\r\nSUMMARY:Session with Siobhán Ní Bhriain\r\n"
        "ATTENDEE;CN=Siobhán Ní Bhriain:mailto:siobhan@example.org\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def test_after_erase_no_text_column_of_any_table_holds_them(
    client_file: ClientFile, owner: Member, owner_http: HttpClient
) -> None:
    client = _rich(client_file, owner, owner_http)
    other = client_create(
        practice=owner.practice,
        full_name="Tomasz Wiśniewski",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "tomek@example.org")],
    )
    # Mail to both of them, placed on the other's timeline: its words are the other's record.
    both = "Cc: siobhan@example.org\r\nSubject: Friday\r\n\r\nSee you both on Friday."
    mail_import_file(
        practice=owner.practice, raw=_mail("Ada <owner@a.example>", "tomek@example.org", "b1", both)
    )
    mail_place(mail=InboundMail.objects.get(message_id="<b1@x>"), client=other)
    points = client.contact_points.values_list("value", "normalized")
    needles = [client.full_name, client.preferred_name, "Bhriain", *chain(*points)]
    assert "siobhan.nb@post.example" in needles  # added by the import
    # The data really is everywhere before: the search would see it.
    before = {where for where, _ in found(needles)}
    for table in ("clients_client.full_name", "messaging_inboundmail.to_addresses",
                  "portability_importbatch.content", "portability_importbatch.preview",
                  "portability_importedrow.values", "appointments_calendarupload.content",
                  "portability_exportfile.content", "django_session (decoded)"):  # fmt: skip
        assert table in before, table
    assert InboundMail.objects.filter(status=MailStatus.TRIAGE, client=None).count() == 4
    assert "messaging_inboundmail.to_addresses" in before

    page = owner_http.get(f"/clients/{client.pk}/erase/").content.decode()
    assert "previews not yet imported are discarded" in page
    owner_http.post(f"/clients/{client.pk}/erase/", {"confirm_name": client.full_name})

    left = sorted({where for where, _ in found(needles)})
    assert not left, f"still there after the erasure: {left}"
    [erasure] = Erasure.objects.all()
    assert erasure.counts["client"] == 1 and erasure.counts["unplaced mail"] == 3
    # What is not about them stays: the other client, and a stranger's unrelated mail.
    assert Client.objects.get() == other
    assert InboundMail.objects.filter(from_address="stranger@example.net").exists()
    assert InboundMail.objects.get(message_id="<b1@x>").to_addresses == ["tomek@example.org"]
    assert not ImportBatch.objects.filter(finished_at=None).exists()


@pytest.mark.parametrize("stopped", ["failed", "abandoned"])
def test_erase_waits_for_an_import_under_way_and_drops_one_that_stopped(
    stopped: str, client_file: ClientFile, owner_http: HttpClient
) -> None:
    client, now = client_file.client, timezone.now()
    batch = ImportBatch.objects.filter(pk=client_file.import_batch.pk)
    batch.update(started_at=now, heard_at=now)
    url = f"/clients/{client.pk}/erase/"
    response = owner_http.post(url, {"confirm_name": client.full_name})
    assert response.status_code == 400
    assert "An import is being written" in response.content.decode()
    assert Client.objects.filter(pk=client.pk).exists() and not Erasure.objects.exists()
    if stopped == "failed":
        batch.update(problem="The import stopped and nothing was imported: OSError.")
    else:  # its worker stopped and the scheduler's tidy threw away what it had written
        batch.update(heard_at=now - timedelta(hours=2))
    assert owner_http.post(url, {"confirm_name": client.full_name}).status_code == 302
    assert not Client.objects.exists() and not ImportBatch.objects.exists()
