"""The composer: pick a template or start blank, make it personal, see the check, approve."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from rapport.appointments.models import Appointment
from rapport.appointments.services import (
    late_draft,
    late_notice_record,
    reminder_draft,
    reminder_sent_record,
)
from rapport.clients.lookups import client_for
from rapport.clients.models import Client, ClientStatus, ContactKind, FactCategory
from rapport.clients.services import ContactPointInput, client_create
from rapport.lib.forms import add_service_errors
from rapport.lib.http import refuse_unless_post
from rapport.messaging.checker import Finding, blocks_sending
from rapport.messaging.forms import ComposeForm, PracticeRuleForm, TemplateForm
from rapport.messaging.inbound import mail_import_file, mail_place
from rapport.messaging.models import (
    InboundMail,
    MailStatus,
    MessageTemplate,
    OutboxMessage,
    PracticeRule,
    SilencedRule,
)
from rapport.messaging.outbox import outbox_send_again
from rapport.messaging.rules import BUILT_IN, RULE_IDS
from rapport.messaging.services import (
    client_unsubscribe,
    message_approve,
    message_check,
    message_draft,
    rule_silence_toggle,
    templates_ensure,
)
from rapport.messaging.templating import KNOWN
from rapport.messaging.unsubscribe import unsubscribe_client
from rapport.practices.access import PracticeRequest, member_required


def _findings_context(findings: list[Finding]) -> dict[str, object]:
    return {"findings": findings, "blocked": blocks_sending(findings)}


@member_required
def compose(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    templates_ensure(practice=request.practice)
    templates = MessageTemplate.objects.for_practice(request.practice)
    chosen = None
    appointment = _appointment_param(request, client)
    if request.method == "POST":
        form = ComposeForm(request.POST, client=client)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    approved = message_approve(
                        client=client,
                        member=request.member,
                        channel=data["channel"],
                        subject=data["subject"],
                        body=data["body"],
                        to_address=data["to_address"],
                        essential=data["essential"],
                    )
                    if appointment is not None:
                        _appointment_message_record(appointment, data)
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
        if appointment is not None:
            try:
                initial = _appointment_draft(request, appointment)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("calendar_day")
        elif "template" in request.GET or "purpose" in request.GET:
            chosen = (
                get_object_or_404(templates, pk=_id_param(request.GET["template"]))
                if "template" in request.GET
                else templates.filter(purpose=request.GET["purpose"]).first()
            )
        if chosen is not None:
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
            "appointment": appointment,
            **_findings_context(findings),
        },
        status=status,
    )


def _id_param(raw: str) -> int:
    if not raw.isdigit():
        raise Http404("No such template.")
    return int(raw)


def _appointment_param(request: PracticeRequest, client: Client) -> Appointment | None:
    """The appointment a late notice or reminder is about: this client's, or a 404."""
    raw = request.POST.get("appointment") or request.GET.get("appointment") or ""
    if not raw:
        return None
    return get_object_or_404(
        Appointment.objects.for_practice(request.practice).select_related("member__user"),
        pk=_id_param(raw),
        client=client,
    )


def _appointment_draft(request: PracticeRequest, appointment: Appointment) -> dict[str, object]:
    base: dict[str, object] = {"essential": True, "appointment": appointment.pk}
    if request.GET.get("late", "").isdigit():
        minutes = int(request.GET["late"])
        draft = late_draft(appointment=appointment, minutes=minutes, member=request.member)
        return base | {"subject": draft.subject, "body": draft.body, "late": minutes}
    subject, body = reminder_draft(appointment=appointment, member=request.member)
    return base | {"subject": subject, "body": body, "reminder": True}


def _appointment_message_record(appointment: Appointment, data: dict[str, Any]) -> None:
    if data.get("late"):
        late_notice_record(appointment=appointment, minutes=data["late"])
    elif data.get("reminder"):
        reminder_sent_record(appointment=appointment)


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
    client = unsubscribe_client(token)
    if client is None:
        return render(request, "messaging/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        client_unsubscribe(client=client)
        done = True
    return render(
        request, "messaging/unsubscribe.html", {"practice": client.practice, "done": done}
    )


@member_required
def template_list(request: PracticeRequest) -> HttpResponse:
    templates_ensure(practice=request.practice)
    templates = MessageTemplate.objects.for_practice(request.practice)
    return render(request, "messaging/templates.html", {"templates": templates})


def _template_form_page(request: PracticeRequest, template: MessageTemplate | None) -> HttpResponse:
    instance = template or MessageTemplate(practice=request.practice)
    form = TemplateForm(request.POST or None, instance=instance, practice=request.practice)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Saved “{form.instance.name}”.")
        return redirect("template_list")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "messaging/template_form.html",
        {"form": form, "template": template, "known": KNOWN},
        status=status,
    )


@member_required
def template_new(request: PracticeRequest) -> HttpResponse:
    return _template_form_page(request, None)


@member_required
def template_edit(request: PracticeRequest, template_id: int) -> HttpResponse:
    template = get_object_or_404(
        MessageTemplate.objects.for_practice(request.practice), pk=template_id
    )
    return _template_form_page(request, template)


@member_required
def template_delete(request: PracticeRequest, template_id: int) -> HttpResponse:
    template = get_object_or_404(
        MessageTemplate.objects.for_practice(request.practice), pk=template_id
    )
    if refused := refuse_unless_post(request):
        return refused
    template.delete()
    messages.success(request, f"Deleted “{template.name}”.")
    return redirect("template_list")


@member_required
def word_rules(request: PracticeRequest) -> HttpResponse:
    """The checker's rules: silence a built-in one, or add the practice's own phrases."""
    practice = request.practice
    form = PracticeRuleForm(request.POST if "add" in request.POST else None)
    if request.method == "POST" and "silence" in request.POST:
        rule_id = request.POST["silence"]
        if rule_id in RULE_IDS:
            rule_silence_toggle(practice=practice, rule_id=rule_id)
            return redirect("word_rules")
    if request.method == "POST" and form.is_valid():
        rule = form.save(commit=False)
        rule.practice = practice
        rule.save()
        messages.success(request, f"The check will now flag “{rule.phrase}”.")
        return redirect("word_rules")
    silenced = set(SilencedRule.objects.for_practice(practice).values_list("rule_id", flat=True))
    return render(
        request,
        "messaging/word_rules.html",
        {
            "built_in": BUILT_IN,
            "silenced": silenced,
            "own": PracticeRule.objects.for_practice(practice),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


@member_required
def word_rule_delete(request: PracticeRequest, rule_id: int) -> HttpResponse:
    rule = get_object_or_404(PracticeRule.objects.for_practice(request.practice), pk=rule_id)
    if refused := refuse_unless_post(request):
        return refused
    rule.delete()
    return redirect("word_rules")


MAX_UPLOAD = 50 * 1024 * 1024


@member_required
def mail_triage(request: PracticeRequest) -> HttpResponse:
    """Mail from senders Rapport does not know, and a place to bring in .eml and .mbox files."""
    practice = request.practice
    if request.method == "POST" and "upload" in request.POST:
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, "Choose an .eml or .mbox file first.")
        elif upload.size is not None and upload.size > MAX_UPLOAD:
            messages.error(
                request, "That file is over 50 MB: import it with `rapport mail import` instead."
            )
        else:
            report = mail_import_file(practice=practice, raw=upload.read())
            messages.success(request, f"Read {upload.name}: {report}.")
        return redirect("mail_triage")
    waiting = InboundMail.objects.for_practice(practice).filter(status=MailStatus.TRIAGE)[:100]
    clients = (
        Client.objects.for_practice(practice).current().only("id", "full_name", "preferred_name")
    )
    return render(request, "messaging/triage.html", {"waiting": waiting, "clients": clients})


@member_required
def mail_triage_place(request: PracticeRequest, mail_id: int) -> HttpResponse:
    practice = request.practice
    mail = get_object_or_404(
        InboundMail.objects.for_practice(practice), pk=mail_id, status=MailStatus.TRIAGE
    )
    if refused := refuse_unless_post(request):
        return refused
    action = request.POST.get("action")
    if action == "ignore":
        mail.status = MailStatus.IGNORED
        mail.save(update_fields=["status"])
        messages.info(request, "Ignored.")
        return redirect("mail_triage")
    if action == "new":
        client = client_create(
            practice=practice,
            full_name=mail.from_name or mail.from_address.split("@")[0],
            status=ClientStatus.PROSPECT,
            created_by=request.member,
            contact_points=[ContactPointInput(ContactKind.EMAIL, mail.from_address, "")],
        )
    else:
        client = client_for(practice, int(request.POST.get("client") or 0))
    mail_place(mail=mail, client=client)
    messages.success(request, f"On {client.display_name}'s timeline.")
    return redirect("mail_triage")
