"""The composer: pick a template or start blank, make it personal, see the check, approve."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from rapport.cases.models import Advice, Case
from rapport.clients.lookups import client_for
from rapport.clients.models import Client, ClientStatus, ContactKind
from rapport.clients.services import ContactPointInput, client_create
from rapport.lib.http import id_param, local_target, refuse_unless_post
from rapport.messaging.composer import (
    composer_open,
    composer_submit,
    findings_context,
)
from rapport.messaging.forms import MessageForm, PracticeRuleForm, TemplateForm
from rapport.messaging.inbound import mail_import_file, mail_place
from rapport.messaging.models import (
    InboundMail,
    MailStatus,
    MessageTemplate,
    OutboxMessage,
    OutboxStatus,
    PracticeRule,
    Purpose,
    SilencedRule,
)
from rapport.messaging.outbox import outbox_send_again, outbox_undo
from rapport.messaging.rules import BUILT_IN, RULE_IDS
from rapport.messaging.services import (
    Approved,
    advice_draft,
    client_unsubscribe,
    mail_to_answer,
    message_approve,
    message_check,
    message_draft,
    reply_subject,
    rule_silence_toggle,
    templates_ensure,
)
from rapport.messaging.templating import KNOWN
from rapport.messaging.unsubscribe import unsubscribe_client
from rapport.practices.access import PracticeRequest, member_required

DRAFT_KEY = "rapport.draft.{}"


@member_required
def compose(request: PracticeRequest, client_id: int) -> HttpResponse:
    client = client_for(request.practice, client_id)
    templates_ensure(practice=request.practice)
    answering = _answering(request, client)
    if request.method == "POST":
        form = MessageForm(request.POST, client=client)

        def approve(data: dict[str, Any]) -> Approved:
            return message_approve(
                client=client,
                member=request.member,
                channel=data["channel"],
                subject=data["subject"],
                body=data["body"],
                to_address=data["to_address"],
                essential=data["essential"],
                answering=answering,
                case=data.get("case"),
            )

        return composer_submit(
            request, client=client, form=form, approve=approve, answering=answering
        )
    advice = _advice_shared(request, client)
    if advice is not None:
        subject, body = advice_draft(advice=advice, client=client, member=request.member)
        form = MessageForm(
            initial={"subject": subject, "body": body}, client=client, case=advice.case
        )
        about = f"Sharing advice from the case “{advice.case.problem[:80]}”"
        return composer_open(request, client=client, form=form, about=about)
    initial, chosen = _compose_initial(request, client, answering)
    case = _case_asked(request, client)
    form = MessageForm(initial=initial, client=client, case=case)
    return composer_open(request, client=client, form=form, answering=answering, chosen=chosen)


def _advice_shared(request: PracticeRequest, client: Client) -> Advice | None:
    """?advice=<id>: a piece of advice from one of this client's cases, else a 404."""
    if "advice" not in request.GET:
        return None
    return get_object_or_404(
        Advice.objects.for_practice(request.practice).select_related("case"),
        pk=_id_param(request.GET["advice"]),
        case__client=client,
    )


def _case_asked(request: PracticeRequest, client: Client) -> Case | None:
    """?case=<id>: writing from one of this client's cases, else a 404."""
    if "case" not in request.GET:
        return None
    return get_object_or_404(
        Case.objects.for_practice(request.practice),
        pk=_id_param(request.GET["case"]),
        client=client,
    )


def _compose_initial(
    request: PracticeRequest, client: Client, answering: InboundMail | None
) -> tuple[dict[str, object], MessageTemplate | None]:
    """The draft to start from: one taken back with Undo, a template's, or a reply to their
    latest mail."""
    restored = request.session.pop(DRAFT_KEY.format(client.pk), None)
    if restored:
        return restored, None
    chosen = None
    templates = MessageTemplate.objects.for_practice(request.practice)
    if "template" in request.GET:
        chosen = get_object_or_404(templates, pk=_id_param(request.GET["template"]))
    elif request.GET.get("purpose") in Purpose.values:  # else no template, as for none known
        chosen = templates.filter(purpose=request.GET["purpose"]).first()
    initial: dict[str, object] = {}
    if chosen is not None:
        subject, body = message_draft(template=chosen, client=client, member=request.member)
        initial = {"subject": subject, "body": body, "essential": chosen.essential}
    if answering is not None:
        initial |= {"subject": reply_subject(answering.subject), "answering": answering.pk}
    elif client.awaiting_reply_since is not None and not initial.get("subject"):
        initial["subject"] = reply_subject("")  # their message came another way, or by hand
    return initial, chosen


def _answering(request: PracticeRequest, client: Client) -> InboundMail | None:
    """The client's mail a reply answers: theirs while they wait for an answer."""
    raw = request.POST.get("answering") if request.method == "POST" else None
    if raw:
        return get_object_or_404(
            InboundMail.objects.for_practice(request.practice), pk=_id_param(raw), client=client
        )
    if request.method == "POST" or client.awaiting_reply_since is None:
        return None
    return mail_to_answer(client=client)


def _id_param(raw: str) -> int:
    if (template_id := id_param(raw)) is None:
        raise Http404("No such template.")
    return template_id


@member_required
def compose_check(request: PracticeRequest, client_id: int) -> HttpResponse:
    """The htmx check beside the draft, as the provider types."""
    client = client_for(request.practice, client_id)
    if refused := refuse_unless_post(request):
        return refused
    body = request.POST.get("body", "")
    findings = message_check(client=client, subject=request.POST.get("subject", ""), body=body)
    return render(request, "messaging/_findings.html", findings_context(findings, body))


def _outbox_message(request: PracticeRequest, client_id: int, outbox_id: int) -> OutboxMessage:
    client = client_for(request.practice, client_id)
    return get_object_or_404(
        OutboxMessage.objects.for_practice(request.practice).select_related("client"),
        pk=outbox_id,
        client=client,
    )


@member_required
def outbox_status(request: PracticeRequest, client_id: int, outbox_id: int) -> HttpResponse:
    """The composer's confirmation: where the approved email is, with Undo while it waits."""
    message = _outbox_message(request, client_id, outbox_id)
    return render(
        request,
        "messaging/outbox_status.html",
        {
            "message": message,
            "client": message.client,
            "undoable": message.status == OutboxStatus.QUEUED and message.attempts == 0,
        },
    )


@member_required
def outbox_undo_view(request: PracticeRequest, client_id: int, outbox_id: int) -> HttpResponse:
    """Takes the email back before it goes; the composer opens again with its words."""
    message = _outbox_message(request, client_id, outbox_id)
    if refused := refuse_unless_post(request):
        return refused
    try:
        outbox_undo(message=message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("outbox_status", client_id, message.pk)
    request.session[DRAFT_KEY.format(client_id)] = {
        "channel": "email",
        "to_address": message.to_address,
        "subject": message.subject,
        "body": message.body,
        "essential": message.essential,
        "case": message.case_id,
    }
    messages.success(request, "Taken back: nothing was sent. Your words are below.")
    return redirect("compose", client_id)


@member_required
def outbox_resend(request: PracticeRequest, client_id: int, outbox_id: int) -> HttpResponse:
    message = _outbox_message(request, client_id, outbox_id)
    if refused := refuse_unless_post(request):
        return refused
    try:
        outbox_send_again(message=message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"It will go to {message.to_address} again within a minute.")
    return redirect(
        local_target(request) or reverse("client_detail", args=[client_id]) + "#timeline"
    )


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
        chosen = id_param(request.POST.get("client", ""))
        if chosen is None:  # no client to choose from, or a form not sent by the page
            messages.error(request, "Choose whose timeline it goes on.")
            return redirect("mail_triage")
        client = client_for(practice, chosen)
    mail_place(mail=mail, client=client)
    messages.success(request, f"On {client.display_name}'s timeline.")
    return redirect("mail_triage")
