"""Settings → Your data → an import → Undo: what would go, what was edited since, then undo."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from rapport.portability.models import ImportBatch
from rapport.portability.undo import import_undo, undo_refusal, undo_review
from rapport.practices.access import PracticeRequest, member_required


@member_required
def import_undo_page(request: PracticeRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(
        ImportBatch.objects.for_practice(request.practice).defer("content"), pk=batch_id
    )
    refusal = undo_refusal(batch)
    if refusal:
        if request.method == "POST":
            messages.error(request, refusal)
            return redirect("export")
        return render(request, "portability/import_undo.html", {"batch": batch, "refusal": refusal})
    review = undo_review(batch)
    asked = request.method == "POST" and review.edited and request.POST.get("edited_too") != "yes"
    if request.method == "POST" and not asked:
        import_undo(batch=batch, member=request.member)
        messages.success(
            request,
            f"Undone: {len(review.created)} new client{'s' if len(review.created) != 1 else ''} "
            f"removed, and what {batch.filename} added to others.",
        )
        return redirect("export")
    return render(
        request,
        "portability/import_undo.html",
        {
            "batch": batch,
            "review": review,
            "asked": asked,
            "shown": review.created[:50],
            "added": sorted(review.added.items()),
        },
        status=400 if asked else 200,
    )
