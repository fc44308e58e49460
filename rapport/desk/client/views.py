"""The client page, and the quick-capture box on it, whose answer refreshes parts of the page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from rapport.clients.lookups import client_for
from rapport.clients.models import Fact
from rapport.desk.client.page import client_page_context
from rapport.handoffs.page import handoff_context
from rapport.lib.forms import add_service_errors
from rapport.lib.http import is_htmx, refuse_unless_post
from rapport.practices.access import PracticeRequest, member_required
from rapport.timeline.forms import QuickCaptureForm
from rapport.timeline.models import Interaction
from rapport.timeline.services import quick_capture as capture


@member_required
def client_detail(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    context = client_page_context(client, request.GET.get("page"))
    context |= handoff_context(client, request.member)
    return render(request, "desk/client/detail.html", context)


@member_required
def quick_capture(request: PracticeRequest, client_id: int) -> HttpResponse:
    """With htmx, answers the refreshed box and page sections; without, a plain post-redirect."""
    client = client_for(request.practice, client_id)
    if refused := refuse_unless_post(request):
        return refused
    form = QuickCaptureForm(request.POST)
    saved: Fact | Interaction | None = None
    if form.is_valid():
        try:
            saved = capture(client=client, text=form.cleaned_data["text"], member=request.member)
        except ValidationError as error:
            add_service_errors(form, error)
    htmx = is_htmx(request)
    if saved is not None and not htmx:
        messages.success(request, _saved_message(saved))
        return redirect("client_detail", client_id=client.pk)
    context = client_page_context(client)
    if htmx:
        context |= {
            "capture_form": QuickCaptureForm() if saved else form,
            "saved_message": _saved_message(saved) if saved else "",
        }
        return render(request, "desk/client/_capture_response.html", context)
    context["capture_form"] = form
    context |= handoff_context(client, request.member)
    return render(request, "desk/client/detail.html", context, status=400)


def _saved_message(saved: Fact | Interaction) -> str:
    if isinstance(saved, Fact):
        return f"Remembered under {saved.get_category_display()}: {saved.text}"
    return "Note added to the timeline."
