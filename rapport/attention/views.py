"""How the provider sees a client's health, beside Rapport's reading."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from rapport.attention.forms import HealthOverrideForm
from rapport.attention.services import reading_of
from rapport.clients.lookups import client_for
from rapport.practices.access import PracticeRequest, member_required


@member_required
def health_override(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    reading = reading_of(client)
    form = HealthOverrideForm(request.POST or None, instance=reading)
    if request.method == "POST" and form.is_valid():
        changed = form.save(commit=False)
        changed.override_by = request.member if changed.override_word else None
        changed.override_at = timezone.now() if changed.override_word else None
        if not changed.override_word:
            changed.override_note = ""
        changed.save(update_fields=["override_word", "override_note", "override_by", "override_at"])
        messages.success(
            request,
            "Saved how you see it." if changed.override_word else "Back to Rapport's reading.",
        )
        return redirect(reverse("client_detail", args=[client.pk]) + "#health")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "attention/health_form.html",
        {"form": form, "client": client, "reading": reading},
        status=status,
    )
