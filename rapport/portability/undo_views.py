"""Settings → Your data → an import → Undo: what would go, what was edited since, then undo.

A large import is reviewed and undone by tasks (portability.tasks), the page waiting for
each, so that no request takes long and other members keep working meanwhile.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from rapport.lib.http import hx_redirect, is_htmx
from rapport.portability.models import ImportBatch
from rapport.portability.tasks import LARGE, import_undo_run, undo_review_run
from rapport.portability.undo import import_undo, review_shown, undo_refusal, undo_review
from rapport.practices.access import PracticeRequest, member_required

UNDO_SILENT_AFTER = timedelta(minutes=5)  # steps take under a second: its worker has stopped


@member_required
def import_undo_page(request: PracticeRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(
        ImportBatch.objects.for_practice(request.practice).defer("content"), pk=batch_id
    )
    refusal = undo_refusal(batch)
    if refusal and is_htmx(request):  # the waiting page asked: the undo has finished
        if batch.undone_at is not None:
            messages.success(request, f"Undone: the import of {batch.filename}.")
        return hx_redirect(reverse("export"))
    if refusal:
        if request.method == "POST":
            messages.error(request, refusal)
            return redirect("export")
        return render(request, "portability/import_undo.html", {"batch": batch, "refusal": refusal})
    if sum(batch.result.get(outcome, 0) for outcome in ("create", "merge")) > LARGE:
        return _large(request, batch)
    review = review_shown(undo_review(batch))
    asked = _asked(request, review)
    if request.method == "POST" and not asked:
        import_undo(batch=batch, member=request.member)
        created = review["created"]
        messages.success(
            request,
            f"Undone: {created} new client{pluralize(created)} removed, and what "
            f"{batch.filename} added to others.",
        )
        return redirect("export")
    return _review(request, batch, review, asked=asked)


def _review(
    request: PracticeRequest, batch: ImportBatch, review: dict[str, Any], *, asked: bool
) -> HttpResponse:
    return render(
        request,
        "portability/import_undo.html",
        {"batch": batch, "review": review, "asked": asked},
        status=400 if asked else 200,
    )


def _asked(request: PracticeRequest, review: dict[str, Any]) -> bool:
    """Confirmed without saying that the rows edited since may go too: asked again."""
    return (
        request.method == "POST"
        and bool(review["edited"])
        and request.POST.get("edited_too") != "yes"
    )


def _large(request: PracticeRequest, batch: ImportBatch) -> HttpResponse:
    """Review by a task, then undo by a task, the page waiting for each."""
    if batch.undo_started_at is not None:
        last = batch.undo_heard_at or batch.undo_started_at
        stopped = timezone.now() - last > UNDO_SILENT_AFTER
        if stopped:  # what is left is reviewed again, and undone when the provider confirms
            ImportBatch.objects.filter(pk=batch.pk).update(undo_started_at=None, undo_review={})
        template = "_import_undoing" if is_htmx(request) else "import_undoing"
        return render(request, f"portability/{template}.html", {"batch": batch, "stopped": stopped})
    review = batch.undo_review
    if not review:
        ImportBatch.objects.filter(pk=batch.pk).update(undo_review={"pending": True})
        undo_review_run.enqueue(batch.pk)
    if not review or review.get("pending"):
        template = "_import_undoing" if is_htmx(request) else "import_undoing"
        return render(request, f"portability/{template}.html", {"batch": batch, "checking": True})
    if is_htmx(request):  # the waiting page asked: the review is ready
        return hx_redirect(request.path)
    asked = _asked(request, review)
    if request.method == "POST" and not asked:
        now = timezone.now()
        ImportBatch.objects.filter(pk=batch.pk).update(undo_started_at=now, undo_heard_at=now)
        import_undo_run.enqueue(batch.pk, request.member.pk)
        return redirect("import_undo", batch_id=batch.pk)
    return _review(request, batch, review, asked=asked)
