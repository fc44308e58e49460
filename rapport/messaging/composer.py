"""The composer's page and its approval step, for any page that writes to a client.

Messaging's own composer uses it, and so do capabilities above messaging (a late notice about
an appointment), which bring their own draft, form fields and approval. It knows nothing of
them: `approve` is theirs, and is called only for words that passed the check. Errors block;
warnings go only with "Send anyway", which vouches for these exact words.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from rapport.clients.models import Client, FactCategory
from rapport.lib.forms import add_service_errors
from rapport.messaging.checker import Finding, blocks_sending
from rapport.messaging.forms import ComposeForm
from rapport.messaging.highlight import highlighted
from rapport.messaging.models import InboundMail, MessageTemplate
from rapport.messaging.rules import WARNING
from rapport.messaging.services import Approved, conversation_latest, message_check
from rapport.practices.access import PracticeRequest

# Approves the checked words in the form's cleaned data; a ValidationError says why not.
Approve = Callable[[dict[str, Any]], Approved]


def findings_context(findings: list[Finding], body: str) -> dict[str, object]:
    return {
        "findings": findings,
        "blocked": blocks_sending(findings),
        "marked": highlighted(body, findings),
    }


def acknowledgement(subject: str, body: str, findings: list[Finding]) -> str:
    """What "Send anyway" vouches for: these warnings, on these exact words. Any edit asks again."""
    text = "\x00".join([subject.strip(), body.strip(), *sorted({f.rule for f in findings})])
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def composer_open(
    request: PracticeRequest,
    *,
    client: Client,
    form: ComposeForm,
    about: str = "",
    answering: InboundMail | None = None,
    chosen: MessageTemplate | None = None,
) -> HttpResponse:
    """The composer with a draft to start from, already checked."""
    findings = message_check(
        client=client,
        subject=str(form.initial.get("subject", "")),
        body=str(form.initial.get("body", "")),
    )
    return composer_page(
        request,
        client=client,
        form=form,
        findings=findings,
        about=about,
        answering=answering,
        chosen=chosen,
    )


def composer_submit(
    request: PracticeRequest,
    *,
    client: Client,
    form: ComposeForm,
    approve: Approve,
    about: str = "",
    answering: InboundMail | None = None,
) -> HttpResponse:
    """Approves the posted words, or shows the composer again saying why not yet."""

    def again(findings: list[Finding], warnings: list[Finding] | None = None) -> HttpResponse:
        return composer_page(
            request,
            client=client,
            form=form,
            findings=findings,
            about=about,
            answering=answering,
            warnings=warnings,
        )

    if not form.is_valid():
        return again(
            message_check(
                client=client,
                subject=request.POST.get("subject", ""),
                body=request.POST.get("body", ""),
            )
        )
    data = form.cleaned_data
    findings = message_check(client=client, subject=data["subject"], body=data["body"])
    warnings = [finding for finding in findings if finding.severity == WARNING]
    if blocks_sending(findings):
        form.add_error(None, "Fix what the check marks as an error before this can go.")
        return again(findings)
    if warnings and data["acknowledged"] != acknowledgement(
        data["subject"], data["body"], warnings
    ):
        return again(findings, warnings)
    try:
        approved = approve(data)
    except ValidationError as error:
        add_service_errors(form, error)
        return again(findings)
    if approved.outbox is not None:
        return redirect("outbox_status", client.pk, approved.outbox.pk)
    messages.success(request, "Noted on the timeline.")
    return redirect(reverse("client_detail", args=[client.pk]) + "#timeline")


def composer_page(
    request: PracticeRequest,
    *,
    client: Client,
    form: ComposeForm,
    findings: list[Finding],
    about: str = "",
    answering: InboundMail | None = None,
    chosen: MessageTemplate | None = None,
    warnings: list[Finding] | None = None,
) -> HttpResponse:
    """The composer; `about` says what the message is about, when it is not a reply."""
    second_step = ""
    if warnings:
        second_step = acknowledgement(
            form.cleaned_data["subject"], form.cleaned_data["body"], warnings
        )
    conversation = conversation_latest(client=client)
    return render(
        request,
        "messaging/compose.html",
        {
            "client": client,
            "form": form,
            "templates": MessageTemplate.objects.for_practice(request.practice),
            "chosen": chosen,
            "remember": _worth_remembering(client),
            "about": about,
            "answering": answering,
            "conversation": conversation[:3],
            "conversation_earlier": conversation[3:],
            "warnings": warnings or [],
            "second_step": second_step,
            **findings_context(findings, str(form["body"].value() or "")),
        },
        status=200 if request.method == "GET" or warnings else 400,
    )


def _worth_remembering(client: Client) -> list[object]:
    """What makes a message personal: the people, interests and recent events in their life."""
    useful = [
        FactCategory.PERSON,
        FactCategory.INTEREST,
        FactCategory.LIFE_EVENT,
        FactCategory.PREFERENCE,
    ]
    return list(client.facts.filter(category__in=useful).order_by("-learned_at")[:8])
