"""Large imports and exports as tasks: the page enqueues one and shows how far it has got.

The import is written where no one sees it, in short transactions, then published
(portability.staging), so other members keep working meanwhile and a worker that
stops while writing leaves nothing imported (the page says so once the batch has
been silent for a while: ImportBatch.interrupted). Its progress is written to the
batch between those transactions, where the page reads it.

An export is read in one go and kept on its ExportFile until the next one replaces it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from rapport.portability.export import practice_file
from rapport.portability.importing import CREATE, MERGE, apply_choices, plan
from rapport.portability.models import ExportFile, ExportKind, ImportBatch
from rapport.portability.preview import mapping_of, preview_build
from rapport.portability.records import read_source
from rapport.portability.staging import abandon, let_others_write, staged_commit
from rapport.portability.undo import import_undo_in_steps, review_shown, undo_refusal, undo_review
from rapport.practices.models import Member

LARGE = 500  # more records to write than this, and the import runs as a task


@task()
def preview_run(batch_id: int) -> None:
    """A large file's preview, built away from the web request; the page waits for it."""
    batch = ImportBatch.objects.select_related("practice").filter(pk=batch_id).first()
    if batch is None:  # the provider chose another file meanwhile
        return
    try:
        preview_build(batch)
    except Exception as error:  # the page must learn that it failed, whatever the reason
        ImportBatch.objects.filter(pk=batch_id).update(
            problem=f"The file could not be read: {type(error).__name__}.", content=b""
        )
        raise


def import_batch_start(*, batch: ImportBatch, choices: dict[str, str]) -> None:
    """Keeps the provider's choices and queues the import; the page then shows its progress."""
    now = timezone.now()
    batch.choices, batch.started_at, batch.heard_at = choices, now, now
    batch.save(update_fields=["choices", "started_at", "heard_at"])
    import_run.enqueue(batch.pk)


@task()
def import_run(batch_id: int) -> dict[str, int]:
    """The whole import for a batch whose choices are stored; returns the counts."""
    batch = ImportBatch.objects.select_related("practice", "member").get(pk=batch_id)
    try:
        source = read_source(
            bytes(batch.content),
            batch.filename,
            mapping_of(batch) or None,
            region=batch.practice.default_region,
        )
        planned = plan(batch.practice, source.records)
        apply_choices(batch.choices, planned)
        total = sum(1 for item in planned if item.outcome in (CREATE, MERGE))
        ImportBatch.objects.filter(pk=batch_id).update(
            total=total, written=0, heard_at=timezone.now()
        )

        def progress(done: int) -> None:  # between two short transactions: the page reads it
            ImportBatch.objects.filter(pk=batch_id).update(written=done, heard_at=timezone.now())

        result = staged_commit(batch=batch, planned=planned, progress=progress)
        ImportBatch.objects.filter(pk=batch_id).update(written=total)
    except Exception as error:  # the page must learn that it failed, whatever the reason
        if abandon(batch_id):
            ImportBatch.objects.filter(pk=batch_id).update(
                problem=f"The import stopped and nothing was imported: {type(error).__name__}."
            )
        raise
    return result


@task()
def undo_review_run(batch_id: int) -> None:
    """What undoing a large import would remove, and what was edited since, for its page."""
    batch = ImportBatch.objects.get(pk=batch_id)
    ImportBatch.objects.filter(pk=batch_id).update(undo_review=review_shown(undo_review(batch)))


@task()
def import_undo_run(batch_id: int, member_id: int | None) -> bool:
    """A large import undone in short steps; False when the provider must look again."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if undo_refusal(batch):  # undone meanwhile, or too old
        return False

    def between() -> None:
        ImportBatch.objects.filter(pk=batch_id).update(undo_heard_at=timezone.now())
        let_others_write()

    member = Member.objects.filter(pk=member_id).first() if member_id else None
    return import_undo_in_steps(batch=batch, member=member, between=between)


def export_file_request(*, member: Member, kind: ExportKind) -> ExportFile:
    """Queues the practice's data in this format; the one prepared before is removed."""
    with transaction.atomic():
        ExportFile.objects.for_practice(member.practice).delete()
        export = ExportFile.objects.create(practice=member.practice, member=member, kind=kind)
    export_write.enqueue(export.pk)
    return export


@task()
def export_write(export_id: int) -> int:
    """Writes the file; returns its size in bytes."""
    export = ExportFile.objects.select_related("practice").get(pk=export_id)
    try:
        body = practice_file(export.practice, export.kind).encode("utf-8")
    except Exception as error:  # the page must learn that it failed, whatever the reason
        ExportFile.objects.filter(pk=export_id).update(
            problem=f"The file could not be written: {type(error).__name__}."
        )
        raise
    ExportFile.objects.filter(pk=export_id).update(content=body, finished_at=timezone.now())
    return len(body)
