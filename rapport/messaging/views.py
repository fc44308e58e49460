"""The composer: pick a template or start blank, make it personal, see the check, approve."""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from rapport.clients.lookups import client_for
from rapport.clients.models import Client, FactCategory
from rapport.lib.forms import add_service_errors
from rapport.lib.http import refuse_unless_post
from rapport.messaging.checker import Finding, blocks_sending
from rapport.messaging.forms import ComposeForm
from rapport.messaging.models import MessageTemplate, OutboxMessage
from rapport.messaging.outbox import UNSUBSCRIBE_SALT, outbox_send_again
from rapport.messaging.services import (
    client_unsubscribe,
    message_approve,
    message_check,
    message_draft,
    templates_ensure,
)
from rapport.practices.access import PracticeRequest, member_required


def _findings_context(findings: list[Finding]) -> dict[str, object]:
    return {"findings": findings, "blocked": blocks_sending(findings)}


@member_required
def compose(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    templates_ensure(practice=request.practice)
    templates = MessageTemplate.objects.for_practice(request.practice)
    chosen = None
    if request.method == "POST":
        form = ComposeForm(request.POST, client=client)
        if form.is_valid():
            data = form.cleaned_data
            try:
                approved = message_approve(
                    client=client,
                    member=request.member,
                    channel=data["channel"],
                    subject=data["subject"],
                    body=data["body"],
                    to_address=data["to_address"],
                    essential=data["essential"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if approved.outbox is not None:
                    messages.success(
                        request,
                        f"Approved. It goes to {approved.outbox.to_address} within a minute.",
                    )
                else:
                    messages.success(request, "Noted on the timeline.")
                return redirect(reverse("client_detail", args=[client.pk]) + "#timeline")
        findings = message_check(
            client=client,
            subject=request.POST.get("subject", ""),
            body=request.POST.get("body", ""),
        )
        status = 400
    else:
        initial: dict[str, object] = {}
        if "template" in request.GET:
            chosen = get_object_or_404(templates, pk=request.GET.get("template", "0"))
            subject, body = message_draft(template=chosen, client=client, member=request.member)
            initial = {"subject": subject, "body": body, "essential": chosen.essential}
        form = ComposeForm(initial=initial, client=client)
        findings = message_check(
            client=client,
            subject=str(initial.get("subject", "")),
            body=str(initial.get("body", "")),
        )
        status = 200
    return render(
        request,
        "messaging/compose.html",
        {
            "client": client,
            "form": form,
            "templates": templates,
            "chosen": chosen,
            "remember": _worth_remembering(client),
            **_findings_context(findings),
        },
        status=status,
    )


@member_required
def compose_check(request: PracticeRequest, client_id: int) -> HttpResponse:
    """The htmx check beside the draft, as the provider types."""
    client = client_for(request.practice, client_id)
    if refused := refuse_unless_post(request):
        return refused
    findings = message_check(
        client=client, subject=request.POST.get("subject", ""), body=request.POST.get("body", "")
    )
    return render(request, "messaging/_findings.html", _findings_context(findings))


def _worth_remembering(client: Client) -> list[object]:
    """What makes a message personal: the people, interests and recent events in their life."""
    useful = [
        FactCategory.PERSON,
        FactCategory.INTEREST,
        FactCategory.LIFE_EVENT,
        FactCategory.PREFERENCE,
    ]
    return list(client.facts.filter(category__in=useful).order_by("-learned_at")[:8])


@member_required
def outbox_resend(request: PracticeRequest, client_id: int, outbox_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    message = get_object_or_404(
        OutboxMessage.objects.for_practice(request.practice), pk=outbox_id, client=client
    )
    if refused := refuse_unless_post(request):
        return refused
    outbox_send_again(message=message)
    messages.success(request, f"It will go to {message.to_address} again within a minute.")
    return redirect(reverse("client_detail", args=[client.pk]) + "#timeline")


@csrf_exempt  # mail programs post here for one-click unsubscribe (RFC 8058), with no form
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Needs no login and shows nothing about the client beyond what they already know."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        client = Client.objects.select_related("practice").get(pk=data["c"], practice_id=data["p"])
    except (signing.BadSignature, Client.DoesNotExist, KeyError, TypeError):
        return render(request, "messaging/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        client_unsubscribe(client=client)
        done = True
    return render(
        request, "messaging/unsubscribe.html", {"practice": client.practice, "done": done}
    )
