"""Large imports run beside the request, so the page can show how far they have got.

The import itself stays one transaction, so its progress cannot be read from the
database until it ends; it is written to a small file in the data folder instead,
which the page polls. A run cut short (the server restarted) leaves nothing
imported, and the page says so after a while.
"""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from rapport.portability.importing import apply_choices, commit, plan
from rapport.portability.models import ImportBatch
from rapport.portability.records import read_source

LARGE = 500
STALE_AFTER = timedelta(minutes=30)
RUNNING: dict[int, threading.Thread] = {}


def progress_file(batch_id: int) -> Path:
    folder = Path(settings.DATA_DIR) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{batch_id}.progress"


def progress_of(batch: ImportBatch) -> tuple[int, int]:
    """(written, total), as far as the running import has got."""
    try:
        done, total = progress_file(batch.pk).read_text().split()
        return int(done), int(total)
    except (OSError, ValueError):
        return 0, 0


def interrupted(batch: ImportBatch) -> bool:
    started = batch.started_at
    return (
        batch.finished_at is None
        and started is not None
        and timezone.now() - started > STALE_AFTER
        and batch.pk not in RUNNING
    )


def run(batch_id: int) -> None:
    """The whole import for a batch whose choices are stored; called in its own thread."""
    close_old_connections()
    try:
        batch = ImportBatch.objects.select_related("practice", "member").get(pk=batch_id)
        source = read_source(
            bytes(batch.content),
            batch.filename,
            {int(key): value for key, value in batch.mapping.items()} or None,
        )
        planned = plan(batch.practice, source.records)
        apply_choices(batch.choices, planned)
        total = sum(1 for item in planned if item.outcome in ("create", "merge"))
        marker = progress_file(batch.pk)
        marker.write_text(f"0 {total}")

        def progress(done: int) -> None:
            marker.write_text(f"{done} {total}")

        result = commit(
            practice=batch.practice,
            planned=planned,
            member=batch.member,
            progress=progress,
        )
        ImportBatch.objects.filter(pk=batch.pk).update(
            finished_at=timezone.now(), result=result, content=b""
        )
    except Exception as error:  # the page must learn that it failed, whatever the reason
        ImportBatch.objects.filter(pk=batch_id).update(
            problem=f"The import stopped and nothing was imported: {type(error).__name__}."
        )
        raise
    finally:
        progress_file(batch_id).unlink(missing_ok=True)
        RUNNING.pop(batch_id, None)
        connection.close()


def start(batch: ImportBatch, choices: dict[str, str]) -> None:
    batch.choices, batch.started_at = choices, timezone.now()
    batch.save(update_fields=["choices", "started_at"])
    thread = threading.Thread(target=run, args=(batch.pk,), name=f"import-{batch.pk}", daemon=True)
    RUNNING[batch.pk] = thread
    thread.start()
