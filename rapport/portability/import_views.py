"""Importing an address book: upload, (for an unknown CSV) say what the columns are, preview,
decide per match, import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from rapport.lib.http import is_htmx, refuse_unless_post
from rapport.portability.changes import merge_changes
from rapport.portability.importing import (
    CREATE,
    MERGE,
    SKIP,
    Planned,
    apply_choices,
    counts,
    plan,
)
from rapport.portability.models import ImportBatch
from rapport.portability.records import FIELDS, FileProblem, read_source
from rapport.portability.tasks import LARGE, import_batch_start
from rapport.portability.writing import commit
from rapport.practices.access import PracticeRequest, member_required

MAX_UPLOAD = 50 * 1024 * 1024
SHOWN_NEW = 50
FIELD_LABELS = {
    "full_name": "Full name", "first_name": "First name", "last_name": "Last name",
    "preferred_name": "Preferred name", "email": "Email", "phone": "Phone",
    "address": "Address", "organisation": "Organisation", "title": "Job title",
    "birthday": "Birthday", "note": "Note", "tags": "Tags", "": "Leave out",
}  # fmt: skip


@member_required
def import_start(request: PracticeRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = "Choose the file your contacts program exported (.vcf or .csv)."
        elif upload.size is not None and upload.size > MAX_UPLOAD:
            error = "That file is larger than 50 MB: export fewer contacts at a time."
        else:
            batch = ImportBatch.objects.create(
                practice=request.practice,
                member=request.member,
                filename=(upload.name or "contacts")[:200],
                content=upload.read(),
            )
            return redirect("import_batch", batch_id=batch.pk)
    recent = ImportBatch.objects.for_practice(request.practice).filter(finished_at__isnull=False)
    return render(
        request,
        "portability/import.html",
        {"error": error, "recent": recent[:5]},
        status=400 if error else 200,
    )


def _batch(request: PracticeRequest, batch_id: int) -> ImportBatch:
    return get_object_or_404(ImportBatch.objects.for_practice(request.practice), pk=batch_id)


def _mapping(batch: ImportBatch) -> dict[int, str]:
    return {int(index): target for index, target in batch.mapping.items()}


@member_required
def import_batch(request: PracticeRequest, batch_id: int) -> HttpResponse:
    batch = _batch(request, batch_id)
    if batch.finished_at is not None:
        return render(request, "portability/import_done.html", {"batch": batch})
    if batch.started_at is not None:
        done, total = batch.written, batch.total
        context = {
            "batch": batch,
            "done": done,
            "total": total,
            "percent": int(done * 100 / total) if total else 0,
            "interrupted": batch.interrupted(),
        }
        template = (
            "portability/_import_progress.html"
            if is_htmx(request)
            else ("portability/import_running.html")
        )
        return render(request, template, context)
    try:
        source = read_source(
            bytes(batch.content),
            batch.filename,
            _mapping(batch) or None,
            region=request.practice.default_region,
        )
    except FileProblem as problem:
        batch.delete()
        messages.error(request, str(problem))
        return redirect("import_start")
    if source.needs_mapping:
        return render(
            request,
            "portability/import_mapping.html",
            {
                "batch": batch,
                "columns": list(enumerate(source.header)),
                "sample": source.sample,
                "choices": [(value, FIELD_LABELS[value]) for value in FIELDS],
            },
        )
    planned = plan(request.practice, source.records)
    if request.method == "POST" and batch.started_at is None:
        choices = {key: str(request.POST[key]) for key in request.POST if key.startswith("record-")}
        apply_choices(choices, planned)
        if sum(1 for item in planned if item.outcome in (CREATE, MERGE)) > LARGE:
            import_batch_start(batch=batch, choices=choices)
            return redirect("import_batch", batch_id=batch.pk)
        result = commit(
            practice=request.practice, planned=planned, member=request.member, batch=batch
        )
        batch.finished_at, batch.result = timezone.now(), result
        batch.content = b""  # the file is no longer needed: do not keep people's data twice
        batch.save(update_fields=["finished_at", "result", "content"])
        messages.success(
            request,
            f"Imported: {result[CREATE]} new, {result[MERGE]} merged, {result[SKIP]} skipped.",
        )
        return redirect("import_batch", batch_id=batch.pk)
    return render(request, "portability/import_preview.html", _preview(batch, planned))


def _preview(batch: ImportBatch, planned: list[Planned]) -> dict[str, Any]:
    creates = [item for item in planned if item.outcome == CREATE and item.possible is None]
    decide = [item for item in planned if item.outcome == MERGE or item.possible is not None]
    merge_changes(decide)
    return {
        "batch": batch,
        "counts": counts(planned),
        "decide": decide,
        "errors": [item for item in planned if item.outcome == "error"],
        "skips": [item for item in planned if item.outcome == SKIP],
        "creates": creates[:SHOWN_NEW],
        "more_creates": max(len(creates) - SHOWN_NEW, 0),
    }


@member_required
def import_mapping(request: PracticeRequest, batch_id: int) -> HttpResponse:
    batch = _batch(request, batch_id)
    if refused := refuse_unless_post(request):
        return refused
    mapping = {
        key.removeprefix("column-"): value
        for key, value in request.POST.items()
        if key.startswith("column-") and value in FIELDS and value
    }
    if not mapping.values() or not {"full_name", "first_name", "last_name", "email", "phone"} & set(
        mapping.values()
    ):
        messages.error(request, "Choose at least the column with the name, the email or the phone.")
        return redirect("import_batch", batch_id=batch.pk)
    batch.mapping = mapping
    batch.save(update_fields=["mapping"])
    return redirect("import_batch", batch_id=batch.pk)
