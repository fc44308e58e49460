"""Importing an address book: upload, (for an unknown CSV) say what the columns are, preview,
decide per match, import."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from rapport.lib.http import hx_redirect, is_htmx, refuse_unless_post
from rapport.portability.importing import CREATE, MERGE, SKIP, apply_choices, plan
from rapport.portability.models import ImportBatch
from rapport.portability.preview import BUILT_IN_REQUEST, mapping_of, preview_build
from rapport.portability.records import FIELDS, read_source
from rapport.portability.tasks import LARGE, import_batch_start, preview_run
from rapport.portability.writing import commit
from rapport.practices.access import PracticeRequest, member_required

MAX_UPLOAD = 50 * 1024 * 1024
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
            _preview_start(batch)
            return redirect("import_batch", batch_id=batch.pk)
    recent = ImportBatch.objects.for_practice(request.practice).filter(finished_at__isnull=False)
    return render(
        request,
        "portability/import.html",
        {"error": error, "recent": recent[:5]},
        status=400 if error else 200,
    )


def _preview_start(batch: ImportBatch) -> None:
    """A small file is previewed here and now; a large one by a task, the page waiting."""
    if len(batch.content) <= BUILT_IN_REQUEST:
        preview_build(batch)
    else:
        preview_run.enqueue(batch.pk)


def _batch(request: PracticeRequest, batch_id: int) -> ImportBatch:
    return get_object_or_404(ImportBatch.objects.for_practice(request.practice), pk=batch_id)


@member_required
def import_batch(request: PracticeRequest, batch_id: int) -> HttpResponse:
    batch = _batch(request, batch_id)
    if batch.finished_at is not None:
        return render(request, "portability/import_done.html", {"batch": batch})
    if batch.started_at is not None:
        return _progress(request, batch)
    if batch.problem and is_htmx(request):  # the waiting page asked: load the page that says why
        return hx_redirect(request.path)
    if batch.problem:  # the file could not be read: say why, and keep none of it
        messages.error(request, batch.problem)
        batch.delete()
        return redirect("import_start")
    if not batch.preview:
        return _reading(request, batch)
    if is_htmx(request) and request.method == "GET":  # the waiting page asked: it is ready
        return hx_redirect(request.path)
    if batch.preview.get("needs_mapping"):
        return _columns(request, batch)
    if request.method == "POST":
        return _import(request, batch)
    return render(request, "portability/import_preview.html", {"batch": batch, **batch.preview})


def _progress(request: PracticeRequest, batch: ImportBatch) -> HttpResponse:
    done, total = batch.written, batch.total
    context = {
        "batch": batch,
        "done": done,
        "total": total,
        "percent": int(done * 100 / total) if total else 0,
        "interrupted": batch.interrupted(),
    }
    template = "_import_progress" if is_htmx(request) else "import_running"
    return render(request, f"portability/{template}.html", context)


def _reading(request: PracticeRequest, batch: ImportBatch) -> HttpResponse:
    """The preview is being built by a task: the page asks again each second, and once it is
    ready, loads it."""
    template = "_import_reading" if is_htmx(request) else "import_reading"
    return render(request, f"portability/{template}.html", {"batch": batch})


def _columns(request: PracticeRequest, batch: ImportBatch) -> HttpResponse:
    preview = batch.preview
    return render(
        request,
        "portability/import_mapping.html",
        {
            "batch": batch,
            "columns": [
                (index, name, preview["guesses"].get(str(index), ""))
                for index, name in enumerate(preview["header"])
            ],
            "sample": preview["sample"],
            "choices": [(value, FIELD_LABELS[value]) for value in FIELDS],
        },
    )


def _import(request: PracticeRequest, batch: ImportBatch) -> HttpResponse:
    """The provider's choices: a large import goes to a task, a small one is written now."""
    choices = {key: str(request.POST[key]) for key in request.POST if key.startswith("record-")}
    planned_counts = batch.preview["counts"]
    if planned_counts[CREATE] + planned_counts[MERGE] > LARGE or len(batch.content) > (
        BUILT_IN_REQUEST
    ):
        import_batch_start(batch=batch, choices=choices)
        return redirect("import_batch", batch_id=batch.pk)
    source = read_source(
        bytes(batch.content),
        batch.filename,
        mapping_of(batch) or None,
        region=request.practice.default_region,
    )
    planned = plan(request.practice, source.records)
    apply_choices(choices, planned)
    result = commit(practice=request.practice, planned=planned, member=request.member, batch=batch)
    batch.finished_at, batch.result = timezone.now(), result
    batch.content = b""  # the file is no longer needed: do not keep people's data twice
    batch.save(update_fields=["finished_at", "result", "content"])
    messages.success(
        request,
        f"Imported: {result[CREATE]} new, {result[MERGE]} merged, {result[SKIP]} skipped.",
    )
    return redirect("import_batch", batch_id=batch.pk)


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
    batch.mapping, batch.preview = mapping, {}
    batch.save(update_fields=["mapping", "preview"])
    _preview_start(batch)
    return redirect("import_batch", batch_id=batch.pk)
