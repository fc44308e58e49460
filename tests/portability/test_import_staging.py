"""A large import is written where no one sees it, in short transactions, then published:
nothing shows before, everything after, and a stop on the way leaves no half of it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from rapport.clients.models import Client, ContactKind, ContactPoint, Tag
from rapport.clients.services import ContactPointInput, client_create
from rapport.portability import staging
from rapport.portability.importing import Planned, plan
from rapport.portability.models import ImportBatch, ImportedRow
from rapport.portability.records import read_source
from rapport.portability.tidy import imports_tidy
from rapport.portability.undo import import_undo
from rapport.practices.models import Member, Practice
from rapport.timeline.models import Interaction

PEOPLE = 35


@pytest.fixture(autouse=True)
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Steps of ten records, so that a small file is written in several."""
    monkeypatch.setattr(staging, "WRITE_CHUNK", 10)
    monkeypatch.setattr(staging, "PUBLISH_CHUNK", 10)


@pytest.fixture
def tomasz(owner: Member) -> Client:
    return client_create(
        practice=owner.practice,
        full_name="Person 3",
        contact_points=[ContactPointInput(ContactKind.EMAIL, "person3@example.org")],
    )


def _planned(owner: Member) -> tuple[ImportBatch, list[Planned]]:
    cards = "".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {number}\r\n"
        f"EMAIL:person{number}@example.org\r\nTEL:07700 900{number:03d}\r\n"
        f"NOTE:Prefers mornings ({number}).\r\nCATEGORIES:Referral\r\nEND:VCARD\r\n"
        for number in range(PEOPLE)
    )
    batch = ImportBatch.objects.create(
        practice=owner.practice, member=owner, filename="big.vcf", content=cards.encode(),
        started_at=timezone.now(), heard_at=timezone.now(),
    )  # fmt: skip
    return batch, plan(owner.practice, read_source(cards.encode(), "big.vcf").records)


def _seen(practice: Practice) -> tuple[int, int, int, int]:
    """What a member of the practice can see: clients, contact points, notes, tagged."""
    return (
        Client.objects.for_practice(practice).count(),
        ContactPoint.objects.filter(practice=practice).count(),
        Interaction.objects.filter(practice=practice).count(),
        Client.tags.through.objects.filter(client__practice=practice).count(),
    )


def test_nothing_shows_until_published_then_everything(owner: Member, tomasz: Client) -> None:
    batch, planned = _planned(owner)
    before = _seen(owner.practice)
    seen_while_writing = []

    def progress(done: int) -> None:
        seen_while_writing.append(_seen(owner.practice))
        assert not Practice.objects.filter(holds_import=True).exists()  # not a practice to anyone
        if done == 10:  # someone makes the same tag meanwhile
            Tag.objects.create(practice=owner.practice, name="referral")

    result = staging.staged_commit(batch=batch, planned=planned, progress=progress)
    assert result == {"create": PEOPLE - 1, "merge": 1, "skip": 0, "error": 0}
    assert seen_while_writing == [before] * 4  # four steps of ten, none of them visible
    clients, points, notes, tagged = _seen(owner.practice)
    assert (clients, points, notes, tagged) == (PEOPLE, 2 * PEOPLE, PEOPLE, PEOPLE)
    assert tomasz.contact_points.count() == 2 and tomasz.tags.get().name == "referral"
    assert list(Tag.objects.for_practice(owner.practice).values_list("name", flat=True)) == [
        "referral"
    ]  # the tag made meanwhile, shared: not a second "Referral"
    assert not Practice.with_holding.filter(holds_import=True).exists()
    batch.refresh_from_db()
    assert batch.finished_at is not None and batch.content == b"" and batch.holding is None

    import_undo(batch=batch, member=owner)  # undo knows every row, wherever it was written
    assert list(Client.objects.for_practice(owner.practice)) == [tomasz]
    assert tomasz.contact_points.count() == 1 and not tomasz.tags.exists()
    assert Tag.objects.filter(name="referral").exists()  # it was not the import's to remove


def test_a_stop_while_writing_leaves_nothing(
    owner: Member, tomasz: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch, planned = _planned(owner)
    before = _seen(owner.practice)
    written = staging.commit
    steps = []

    def crash_on_the_third(**kwargs: object) -> object:
        steps.append(1)
        if len(steps) == 3:
            raise SystemExit("the worker was stopped")
        return written(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(staging, "commit", crash_on_the_third)
    with pytest.raises(SystemExit):
        staging.staged_commit(batch=batch, planned=planned, progress=lambda done: None)
    assert _seen(owner.practice) == before
    batch.refresh_from_db()
    page_later = timezone.now() + timedelta(minutes=31)
    assert batch.interrupted(page_later)
    assert imports_tidy(page_later)["thrown_away"] == 1
    assert Client.objects.count() == 1 and ContactPoint.objects.count() == 1  # Tomasz alone
    assert not Practice.with_holding.filter(holds_import=True).exists()
    assert not ImportedRow.objects.exists()


def test_a_stop_while_publishing_is_carried_to_the_end(
    owner: Member, tomasz: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch, planned = _planned(owner)
    publish_tags = staging._publish_tags

    def stopped(*args: object) -> None:
        raise SystemExit("the worker was stopped")

    monkeypatch.setattr(staging, "_publish_tags", stopped)
    with pytest.raises(SystemExit):
        staging.staged_commit(batch=batch, planned=planned, progress=lambda done: None)
    batch.refresh_from_db()
    assert batch.publishing_at is not None and batch.finished_at is None
    assert not batch.interrupted(timezone.now() + timedelta(hours=1))  # to be finished, not lost
    assert tomasz.contact_points.count() == 1  # the merge waits for the last step

    monkeypatch.setattr(staging, "_publish_tags", publish_tags)
    assert imports_tidy(timezone.now() + timedelta(minutes=1))["published"] == 0  # still busy?
    assert imports_tidy(timezone.now() + timedelta(minutes=3))["published"] == 1
    batch.refresh_from_db()
    assert batch.finished_at is not None and batch.holding is None
    assert _seen(owner.practice) == (PEOPLE, 2 * PEOPLE, PEOPLE, PEOPLE)
    assert tomasz.contact_points.count() == 2


def test_previews_left_for_a_day_and_undo_records_past_30_days_are_deleted(owner: Member) -> None:
    now = timezone.now()

    def batch(age: timedelta, **fields: object) -> ImportBatch:
        return ImportBatch.objects.create(
            practice=owner.practice, filename="contacts.vcf", content=b"BEGIN:VCARD",
            created_at=now - age, **fields,
        )  # fmt: skip

    abandoned = batch(timedelta(hours=25))
    recent = batch(timedelta(hours=23))
    imported = batch(timedelta(days=3), started_at=now - timedelta(days=3), finished_at=now)
    too_old = batch(timedelta(days=32), started_at=now, finished_at=now - timedelta(days=31))
    for done in (imported, too_old):  # what each wrote, kept for undo
        ImportedRow.objects.create(batch=done, kind="note", row_id=1, values={"summary": "x"})
    assert imports_tidy(now)["previews"] == 1
    assert set(ImportBatch.objects.all()) == {recent, imported, too_old}
    assert not ImportBatch.objects.filter(pk=abandoned.pk).exists()
    # Past the 30 days of undo, the copies of people's data in what it wrote go.
    assert list(ImportedRow.objects.values_list("batch", flat=True)) == [imported.pk]
