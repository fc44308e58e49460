"""An import's preview, built once and kept on its batch: the page only reads it.

Reading and matching a large address book takes longer than a web request may, so
the preview is built by a task for a large file (portability.tasks.preview_run) and
in the request for a small one, by the same function, and kept as plain data
(ImportBatch.preview) that the preview page renders without reading the file again.
Long lists are cut to what a person can read; the counts are always whole.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from rapport.portability.changes import Change, merge_changes
from rapport.portability.importing import CREATE, ERROR, MERGE, SKIP, Planned, counts, plan
from rapport.portability.models import ImportBatch
from rapport.portability.records import FileProblem, read_source

BUILT_IN_REQUEST = 256 * 1024  # bytes: read and matched in well under a second
SHOWN_NEW = 50
SHOWN = 300  # decisions, skips and unreadable records listed; the rest are counted


def mapping_of(batch: ImportBatch) -> dict[int, str]:
    return {int(index): target for index, target in batch.mapping.items()}


def preview_build(batch: ImportBatch) -> None:
    """Reads the batch's file and keeps what the preview page shows, or the file's problem."""
    try:
        source = read_source(
            bytes(batch.content),
            batch.filename,
            mapping_of(batch) or None,
            region=batch.practice.default_region,
        )
    except FileProblem as problem:
        batch.problem, batch.content = str(problem)[:300], b""
        batch.save(update_fields=["problem", "content"])
        return
    if source.needs_mapping:
        batch.preview = {
            "needs_mapping": True,
            "header": source.header,
            "sample": source.sample,
            "guesses": {str(index): target for index, target in source.guesses.items()},
        }
    else:
        batch.preview = _shown(plan(batch.practice, source.records))
    batch.preview["built_at"] = timezone.now().isoformat()
    batch.save(update_fields=["preview"])


def _shown(planned: list[Planned]) -> dict[str, Any]:
    creates = [item for item in planned if item.outcome == CREATE and item.possible is None]
    decide = [item for item in planned if item.outcome == MERGE or item.possible is not None]
    merge_changes(decide[:SHOWN])
    errors = [item for item in planned if item.outcome == ERROR]
    skips = [item for item in planned if item.outcome == SKIP]
    return {
        "counts": counts(planned),
        "records": len(planned),
        "decide": [_decision(item) for item in decide[:SHOWN]],
        "more_decide": max(len(decide) - SHOWN, 0),
        "errors": [item.reason for item in errors[:SHOWN]],
        "more_errors": max(len(errors) - SHOWN, 0),
        "skips": [_skipped(item) for item in skips[:SHOWN]],
        "more_skips": max(len(skips) - SHOWN, 0),
        "creates": [_new(item) for item in creates[:SHOWN_NEW]],
        "more_creates": max(len(creates) - SHOWN_NEW, 0),
    }


def _decision(item: Planned) -> dict[str, Any]:
    target = item.match or item.possible
    return {
        "number": item.record.number,
        "name": item.record.display_name,
        "reason": " ".join([item.reason, *item.notes, *item.record.left_out]),
        "outcome": item.outcome,
        "target": target.full_name if target else "",
        "changes": [_change(change) for change in item.changes],
    }


def _skipped(item: Planned) -> dict[str, str]:
    return {"name": item.record.display_name, "reason": item.reason}


def _change(change: Change) -> dict[str, str]:
    return {
        "field": change.field,
        "value": change.value,
        "action": change.action,
        "before": change.before,
    }


def _new(item: Planned) -> dict[str, Any]:
    return {
        "name": item.record.display_name,
        "email": item.record.emails[0][0] if item.record.emails else "",
        "warnings": [*item.notes, *item.record.left_out],
        "had_photo": item.record.had_photo,
    }
