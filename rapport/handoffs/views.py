"""Handing a client or a case to a colleague, the message introducing them, and "Got it"."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from rapport.cases.models import Case
from rapport.clients.lookups import client_for
from rapport.clients.models import Client
from rapport.handoffs import services
from rapport.handoffs.forms import HandoffForm, colleagues
from rapport.handoffs.models import Handoff
from rapport.handoffs.prefill import note_prefill
from rapport.lib.forms import add_service_errors
from rapport.lib.http import local_target, refuse_unless_post
from rapport.messaging.composer import composer_open, composer_submit
from rapport.messaging.forms import ComposeForm
from rapport.messaging.services import Approved, templates_ensure
from rapport.practices.access import PracticeRequest, member_required


def _handoff_for(request: PracticeRequest, client: Client, handoff_id: int) -> Handoff:
    handoff = get_object_or_404(
        Handoff.objects.for_practice(request.practice).select_related("case"),
        pk=handoff_id,
        client=client,
    )
    handoff.client = client
    return handoff


@member_required
def handoff_new(
    request: PracticeRequest, client_id: int, case_id: int | None = None
) -> HttpResponse:
    """Hand the client, or one of their cases, to a colleague, with a note prefilled from
    what Rapport knows."""
    client = client_for(request.practice, client_id)
    case = None
    if case_id is not None:
        case = get_object_or_404(
            Case.objects.for_practice(request.practice), pk=case_id, client=client
        )
    initial = asdict(note_prefill(client, case)) if request.method != "POST" else None
    form = HandoffForm(
        request.POST or None, initial=initial, practice=request.practice, member=request.member
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            handoff = services.handoff_create(
                client=client,
                case=case,
                by=request.member,
                to=data["to_member"],
                call_on=data["call_on"],
                note=services.NoteInput(**{name: data[name] for name in services.NOTE_FIELDS}),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, f"Handed to {handoff.to_name}. They will see your note on Today."
            )
            if data["introduce"]:
                return redirect("handoff_introduce", client_id=client.pk, handoff_id=handoff.pk)
            if case is not None:
                return redirect("case_detail", client_id=client.pk, case_id=case.pk)
            return redirect("client_detail", client_id=client.pk)
    context: dict[str, Any] = {
        "client": client,
        "case": case,
        "form": form,
        "has_colleagues": colleagues(request.practice, request.member).exists(),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "handoffs/form.html", context, status=status)


@member_required
def handoff_introduce(request: PracticeRequest, client_id: int, handoff_id: int) -> HttpResponse:
    """The message introducing the colleague, drafted in the composer, sent only once the
    provider approves its words."""
    client = client_for(request.practice, client_id)
    handoff = _handoff_for(request, client, handoff_id)
    templates_ensure(practice=request.practice)
    about = f"Introducing {handoff.to_name}"
    if request.method == "POST":
        form = ComposeForm(request.POST, client=client)

        def approve(data: dict[str, Any]) -> Approved:
            return services.handoff_introduce(
                handoff=handoff,
                member=request.member,
                channel=data["channel"],
                subject=data["subject"],
                body=data["body"],
                to_address=data["to_address"],
                essential=data["essential"],
            )

        return composer_submit(request, client=client, form=form, approve=approve, about=about)
    subject, body = services.introduction_draft(handoff=handoff)
    form = ComposeForm(initial={"subject": subject, "body": body}, client=client)
    return composer_open(request, client=client, form=form, about=about)


@member_required
def handoff_acknowledge(request: PracticeRequest, client_id: int, handoff_id: int) -> HttpResponse:
    """ "Got it": the note leaves the member's Today and the top of the client's page."""
    client = client_for(request.practice, client_id)
    handoff = _handoff_for(request, client, handoff_id)
    if refused := refuse_unless_post(request):
        return refused
    try:
        services.handoff_acknowledge(handoff=handoff, member=request.member)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Got it: {client.display_name}'s note stays on their page.")
    return redirect(local_target(request) or reverse("client_detail", args=[client.pk]))
